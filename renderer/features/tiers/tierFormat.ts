import type { TFunction } from 'i18next';

/** A multiplier in percent as people say it: 120 → 1.2, 125 → 1.25, 100 → 1. */
export function times(multiplierPct: number): string {
  return String(multiplierPct / 100);
}

/**
 * The member price as the shop says it: 95% of the price is "95折" in Chinese (90% is "9折") and
 * "5% off" in English; 100% is the full price.
 */
export function discountText(t: TFunction, discountPct: number): string {
  if (discountPct >= 100) return t('tierMember.benefits.noDiscount');
  const zhe = discountPct % 10 === 0 ? String(discountPct / 10) : String(discountPct);
  return t('tierMember.benefits.discount', { zhe, off: 100 - discountPct });
}

/** What a tier gives at the counter in one line: member price and points multiplier. */
export function counterLine(t: TFunction, tier: { discountPct: number; multiplierPct: number }): string {
  return t('tierMember.counter.line', {
    discount: discountText(t, tier.discountPct),
    times: times(tier.multiplierPct),
  });
}

/** A service period key as people say it: '2026-Q4', '2026-12', '2026'. */
export function periodText(t: TFunction, key: string): string {
  const [year, part] = key.split('-') as [string, string | undefined];
  if (part === undefined) return t('tierMember.services.periodYear', { year });
  if (part.startsWith('Q')) return t('tierMember.services.periodQuarter', { year, quarter: part.slice(1) });
  return t('tierMember.services.periodMonth', { year, month: Number(part) });
}
