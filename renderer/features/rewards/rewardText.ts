import type { TFunction } from 'i18next';
import type { RedemptionInfo, RewardInfo } from '../../../shared/rewards.js';
import { formatFen } from '../../../shared/rules/money.js';

/** The terms a clerk is asked about: the limit per member and how long a code lasts. */
export function rewardTerms(t: TFunction, r: RewardInfo): string {
  const parts = [];
  if (r.perMemberLimit !== null) parts.push(t('rewards.limitTerm', { count: r.perMemberLimit }));
  if (r.kind !== 'goods')
    parts.push(r.codeValidDays ? t('rewards.validTerm', { count: r.codeValidDays }) : t('rewards.noEnd'));
  return parts.join(' · ');
}

/** What a coupon or voucher is worth, in words: "¥20 off", "15% off"; nothing for other kinds. */
export function rewardPrice(t: TFunction, r: Pick<RewardInfo | RedemptionInfo, 'valueFen' | 'discountPct'>): string {
  if (r.valueFen !== null) return t('rewards.valueOff', { amount: formatFen(r.valueFen) });
  if (r.discountPct !== null)
    return t('rewards.discount', { pct: r.discountPct, off: 100 - r.discountPct, zhe: String(r.discountPct / 10) });
  return '';
}
