import type { Kysely } from 'kysely';
import type { DB } from '../../../db/schema.js';
import { legalCapFen, type WalletSettings } from '../../../shared/wallet.js';

/**
 * Lawful defaults: spending draws on both parts in proportion, points are earned on the principal
 * part only (the bonus was a gift), the cap is the legal ¥5,000, no refund fees, and terms that say
 * so. The terms are the shop's text and are printed in its language.
 */
export const defaultWalletSettings: WalletSettings = {
  drawOrder: 'proportional',
  pointsOnStoredValue: 'principal',
  capFen: legalCapFen,
  refundFeePct: 0,
  visitcardRefundFeePct: 0,
  expiringDays: 30,
  terms: [
    '1. 本卡为记名储值卡，余额不设有效期。',
    '2. 会员可随时申请退还剩余本金；赠送金额不予退还，退卡时作废。',
    '3. 单个会员储值本金上限为人民币 5,000 元。',
    '4. 消费时按本金与赠送金额的比例同时扣减。',
    '5. 次卡未使用的次数可按购买价格折算退款。',
  ].join('\n'),
};

/** Settings added by later versions get their defaults until the owner changes them. */
export async function loadWalletSettings(db: Kysely<DB>): Promise<WalletSettings> {
  const row = await db.selectFrom('settings').select('value').where('key', '=', 'wallet').executeTakeFirst();
  return { ...defaultWalletSettings, ...(row ? (JSON.parse(row.value) as Partial<WalletSettings>) : {}) };
}
