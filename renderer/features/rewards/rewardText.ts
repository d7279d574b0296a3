import type { TFunction } from 'i18next';
import type { RedemptionInfo, RewardInfo } from '../../../shared/rewards.js';
import { formatFen } from '../../../shared/rules/money.js';

/** What a coupon or voucher is worth, in words: "¥20 off", "15% off"; nothing for other kinds. */
export function rewardPrice(t: TFunction, r: Pick<RewardInfo | RedemptionInfo, 'valueFen' | 'discountPct'>): string {
  if (r.valueFen !== null) return t('rewards.valueOff', { amount: formatFen(r.valueFen) });
  if (r.discountPct !== null) return t('rewards.discount', { pct: r.discountPct, off: 100 - r.discountPct });
  return '';
}
