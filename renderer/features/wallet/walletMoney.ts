import type { TFunction } from 'i18next';
import { formatFen } from '../../../shared/rules/money.js';
import type { PurchaseInfo } from '../../../shared/points.js';
import { runningShare } from '../../../shared/rules/wallet.js';
import type { Balance, WalletEntry, WalletPackage, WalletSettings } from '../../../shared/wallet.js';
import { yuanField } from '../points/money';

/** A yuan amount for a label: whole yuan without ".00" (a package "1000 / 100"), else two decimals. */
export function shortYuan(fen: number): string {
  const text = formatFen(fen);
  return text.endsWith('.00') ? text.slice(0, -3) : text;
}

/** Fen with its sign for a ledger column: "+100.00", "-24.41", "0.00". */
export function signedYuan(fen: number): string {
  return fen > 0 ? `+${formatFen(fen)}` : formatFen(fen);
}

/** A signed yuan amount typed for an adjustment ("-20", "15.5", "−3"): fen, or the translated problem. */
export function signedYuanField(t: TFunction, text: string): { fen: number } | { error: string } {
  const trimmed = text.trim();
  const negative = /^[-\u2212\uff0d]/.test(trimmed);
  const r = yuanField(t, negative ? trimmed.slice(1) : trimmed, false);
  return 'fen' in r && negative ? { fen: -r.fen } : r;
}

/** The fen of a typed amount when it parses, else null (the field shows its own problem). */
export function typedFen(t: TFunction, text: string): number | null {
  const r = yuanField(t, text, true);
  return 'fen' in r ? r.fen : null;
}

/** The packages a top-up of `paidFen` reaches, active ones only. */
export const reachable = (packages: WalletPackage[], paidFen: number | null): WalletPackage[] =>
  paidFen === null ? [] : packages.filter((p) => p.active && p.payFen <= paidFen);

/** The package a top-up of `paidFen` earns by default: the highest tier it reaches (then the richest bonus). */
export function bestPackage(packages: WalletPackage[], paidFen: number | null): WalletPackage | null {
  let best: WalletPackage | null = null;
  for (const p of reachable(packages, paidFen)) {
    if (!best || p.payFen > best.payFen || (p.payFen === best.payFen && p.bonusFen > best.bonusFen)) best = p;
  }
  return best;
}

/** The package's name as the deck says it: "充1000送100", with its bonus points if any. */
export function packageLabel(t: TFunction, p: WalletPackage): string {
  const label = t('wallet.packageLabel', { pay: shortYuan(p.payFen), bonus: shortYuan(p.bonusFen) });
  return p.bonusPoints > 0 ? label + t('wallet.packagePoints', { count: p.bonusPoints }) : label;
}

/** The ledger's word for an entry: reversals and spends say what they were for. */
export function entryKindKey(e: WalletEntry): string {
  if (e.kind === 'reversal') return e.refType === 'topup' ? 'reversalTopup' : 'reversal';
  if (e.kind === 'spend' && e.refType === 'visitcard') return 'spendVisitcard';
  if (e.kind === 'spendReturn' && e.refType === 'visitcardRefund') return 'spendReturnVisitcard';
  return e.kind;
}

/** The ledger's note for an entry: the reason typed, else what it refers to (a purchase, a card). */
export function entryNote(t: TFunction, e: WalletEntry): string {
  if (e.note) return e.note;
  if (e.refId === null || e.refType === '') return '';
  return t(`wallet.ledger.ref.${e.refType}`, { id: e.refId });
}

/** Whether the balance still holds an entry's parts, so a reversing entry would not take it below zero. */
export const holds = (balance: Balance, e: Balance): boolean =>
  balance.principalFen >= e.principalFen && balance.bonusFen >= e.bonusFen;

/** Yuan with thousands separators for the terms: "5,000", "5,000.50". */
export function groupedYuan(fen: number): string {
  const [whole, cents] = shortYuan(fen).split('.');
  return whole!.replace(/\B(?=(\d{3})+(?!\d))/g, ',') + (cents ? `.${cents}` : '');
}

/**
 * The published terms written from the settings (the UI language's template): no expiry, the
 * principal refundable less the fee, the bonus not, the cap, the draw order, count-card refunds.
 */
export function termsFromSettings(
  t: TFunction,
  s: Pick<WalletSettings, 'drawOrder' | 'capFen' | 'refundFeePct' | 'visitcardRefundFeePct'>,
): string {
  const k = 'wallet.settings.termsTemplate';
  const fee = (key: string, pct: number) => (pct > 0 ? t(`${k}.${key}`, { pct }) : '');
  return [
    t(`${k}.named`),
    t(`${k}.refund`, { fee: fee('refundFee', s.refundFeePct) }),
    t(`${k}.cap`, { cap: groupedYuan(s.capFen) }),
    t(`${k}.drawOrders.${s.drawOrder}`),
    t(`${k}.visitcard`, { fee: fee('visitcardFee', s.visitcardRefundFeePct) }),
  ].join('\n');
}

/** A refund's share of one part of a purchase, figured on the running total as the main process does. */
function partShare(part: number, whole: number, refundedBefore: number, refundedAfter: number): number {
  if (whole <= 0) return 0;
  // Each earlier refund took its running share, so together they took exactly the share of what they refunded.
  const before = Number((BigInt(part) * BigInt(refundedBefore)) / BigInt(whole));
  return runningShare(part, whole, refundedAfter, before);
}

/** Where a purchase refund of `amountFen` goes: stored value, points, the coupon's part, and the rest in money. */
export interface RefundSplit {
  storedValueFen: number;
  pointsReturned: number;
  pointsFen: number;
  pointsTaken: number;
  couponFen: number;
  restFen: number;
}

/**
 * The split the main process will make (purchases/refund.ts, wallet/purchasePart.ts): stored value back
 * on the running total, the points paid with returned and the points earned taken back likewise; what
 * is left after those and the coupon's part goes back by the purchase's own payment method.
 */
export function refundSplit(p: PurchaseInfo, amountFen: number): RefundSplit {
  const after = p.refundedFen + amountFen;
  const share = (part: number) => partShare(part, p.amountFen, p.refundedFen, after);
  const storedValueFen = share(p.storedValueFen);
  const pointsFen = share(p.pointsUsedFen);
  const couponFen = share(p.couponFen);
  return {
    storedValueFen,
    pointsReturned: share(p.pointsUsed),
    pointsFen,
    pointsTaken: share(p.pointsEarned),
    couponFen,
    restFen: Math.max(0, amountFen - storedValueFen - pointsFen - couponFen),
  };
}
