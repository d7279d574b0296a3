import type { PointsSummary } from './points.js';

/** The rewards catalog's shapes (积分兑换), shared by the main process and the renderer. */

/**
 * Physical goods are handed over at the counter when redeemed; every other kind carries a unique
 * code that the member brings back and a clerk marks used.
 */
export const rewardKinds = ['goods', 'virtual', 'coupon', 'voucher', 'service'] as const;
export type RewardKind = (typeof rewardKinds)[number];
export const codedKinds: readonly RewardKind[] = ['virtual', 'coupon', 'voucher', 'service'];

export const redemptionSources = ['redeem', 'draw', 'compensation'] as const;
export type RedemptionSource = (typeof redemptionSources)[number];
export type RedemptionStatus = 'issued' | 'used' | 'cancelled';

export interface RewardInfo {
  id: number;
  name: string;
  kind: RewardKind;
  description: string;
  pointsCost: number;
  /** Coupon (代金券): the amount off, in fen. */
  valueFen: number | null;
  /** Discount voucher (折扣券): the share of the price paid, in percent (85 = 八五折). */
  discountPct: number | null;
  /** Null: unlimited. */
  stock: number | null;
  perMemberLimit: number | null;
  /** Business days it can be redeemed on, inclusive; null: open-ended. */
  availableFrom: string | null;
  availableTo: string | null;
  /** An issued code is valid this many days, the day of issue included; null: no end. */
  codeValidDays: number | null;
  active: boolean;
  image: string | null;
  /** Reserved for members of this tier or a higher one (会员等级); null: every member. */
  minTierId: number | null;
  /** The tier's name as it is now; null when not reserved. */
  minTierName: string | null;
  /** Redemptions not cancelled. */
  redeemed: number;
}

/** Why a member cannot redeem a reward right now; null when they can. */
export type RedeemBlock =
  | 'inactive'
  | 'notYet'
  | 'ended'
  | 'outOfStock'
  | 'limitReached'
  | 'notEnoughPoints'
  /** The reward is reserved for a higher tier than the member's. */
  | 'tierTooLow';

export interface RewardOffer extends RewardInfo {
  /** How many more this member may redeem; null: no limit. */
  leftForMember: number | null;
  block: RedeemBlock | null;
}

export interface RedemptionInfo {
  id: number;
  memberId: number;
  memberNo: string;
  memberName: string;
  rewardId: number;
  rewardName: string;
  kind: RewardKind;
  valueFen: number | null;
  discountPct: number | null;
  source: RedemptionSource;
  points: number;
  code: string | null;
  /** Last business day the code can be used; null: no end. */
  validUntil: string | null;
  status: RedemptionStatus;
  /** An issued code past its last day. */
  expired: boolean;
  /** Whether the staff member asking may cancel it now (main-process rule: status, kind, day, role). */
  cancellable: boolean;
  usedAt: string | null;
  cancelledAt: string | null;
  cancelReason: string;
  at: string;
  day: string;
  staff: string | null;
}

export interface RedemptionResult {
  redemption: RedemptionInfo;
  summary: PointsSummary;
}

/** A code as printed and shown: groups of four (ABCD EFGH JKMN). */
export function formatCode(code: string): string {
  return code.replace(/(.{4})(?=.)/g, '$1 ');
}
