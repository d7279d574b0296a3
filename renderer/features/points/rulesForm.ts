import type { PointsRules, Promotion, Rounding, StreakBonus } from '../../../shared/points.js';
import { parseMoneyFen } from '../../../shared/rules/importValues.js';
import { formatFen } from '../../../shared/rules/money.js';

/** The rules as the form edits them: yuan as typed text, the expiry policy flattened. */
export interface RulesForm {
  perYuan: number;
  earnPoints: number;
  rounding: Rounding;
  categories: string[];
  excludedCategories: string[];
  promotions: Promotion[];
  freezeDays: number;
  earnOnPointsAndCoupons: boolean;
  pointValue: string;
  expiryKind: PointsRules['expiry']['kind'];
  expiryMonths: number;
  expiryMonthDay: string;
  checkInPoints: number;
  streakBonuses: StreakBonus[];
  referralOnRegister: number;
  referralOnFirstPurchase: number;
  birthdayPoints: number;
  bands: { name: string; from: string }[];
}

export function toForm(r: PointsRules): RulesForm {
  return {
    perYuan: Math.max(1, Math.round(r.perFen / 100)),
    earnPoints: r.earnPoints,
    rounding: r.rounding,
    categories: r.categories,
    excludedCategories: r.excludedCategories,
    promotions: r.promotions,
    freezeDays: r.freezeDays,
    earnOnPointsAndCoupons: r.earnOnPointsAndCoupons,
    pointValue: formatFen(r.pointValueFen),
    expiryKind: r.expiry.kind,
    expiryMonths: r.expiry.kind === 'rolling' ? r.expiry.months : 12,
    expiryMonthDay: r.expiry.kind === 'annual' ? r.expiry.monthDay : '12-31',
    checkInPoints: r.checkIn.points,
    streakBonuses: r.checkIn.streakBonuses,
    referralOnRegister: r.referral.onRegister,
    referralOnFirstPurchase: r.referral.onFirstPurchase,
    birthdayPoints: r.birthdayPoints,
    bands: r.spendBands.map((b) => ({ name: b.name, from: formatFen(b.fromFen) })),
  };
}

const fen = (text: string) => {
  const r = parseMoneyFen(text);
  return r.ok ? r.value : 0;
};

/** Back to the contract's shape; the main process validates it again and names any bad field. */
export function fromForm(f: RulesForm): PointsRules {
  const expiry: PointsRules['expiry'] =
    f.expiryKind === 'rolling'
      ? { kind: 'rolling', months: Number(f.expiryMonths) }
      : f.expiryKind === 'annual'
        ? { kind: 'annual', monthDay: f.expiryMonthDay.trim() }
        : { kind: 'never' };
  return {
    earnPoints: Number(f.earnPoints),
    perFen: Number(f.perYuan) * 100,
    rounding: f.rounding,
    categories: f.categories,
    excludedCategories: f.excludedCategories.filter((c) => f.categories.includes(c)),
    promotions: f.promotions.map((p) => ({ ...p, multiplierPct: Number(p.multiplierPct) })),
    freezeDays: Number(f.freezeDays),
    earnOnPointsAndCoupons: f.earnOnPointsAndCoupons,
    pointValueFen: fen(f.pointValue),
    expiry,
    checkIn: {
      points: Number(f.checkInPoints),
      streakBonuses: f.streakBonuses
        .map((b) => ({ day: Number(b.day), points: Number(b.points) }))
        .sort((a, b) => a.day - b.day),
    },
    referral: { onRegister: Number(f.referralOnRegister), onFirstPurchase: Number(f.referralOnFirstPurchase) },
    birthdayPoints: Number(f.birthdayPoints),
    spendBands: f.bands.map((b) => ({ name: b.name, fromFen: fen(b.from) })),
  };
}
