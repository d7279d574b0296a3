import { randomInt } from 'node:crypto';
import { appError } from '../../../shared/errors.js';
import type { RedemptionInfo } from '../../../shared/rewards.js';
import { requireStaff, type Ctx } from '../../context.js';
import { writeAudit } from '../audit.js';
import { shopToday } from '../members/view.js';
import { addEvent } from '../timeline.js';
import { redemptionByCode } from './view.js';

/** No 0/O, 1/I/L: a code read aloud or copied from a slip by hand is not misread. */
const alphabet = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
const codeLength = 12;

/**
 * A fresh code: 12 symbols from 31 (≈ 59 bits) from the OS's cryptographic generator, so codes
 * cannot be guessed from one another. A collision with an existing code is retried.
 */
export async function newCode(ctx: Ctx): Promise<string> {
  for (;;) {
    let code = '';
    for (let i = 0; i < codeLength; i++) code += alphabet[randomInt(alphabet.length)];
    const taken = await ctx.db.selectFrom('redemptions').select('id').where('code', '=', code).executeTakeFirst();
    if (!taken) return code;
  }
}

/** Marks a code used at the counter (核销): once, while issued and within its validity. */
export async function useCode(ctx: Ctx, input: { code: string }): Promise<RedemptionInfo> {
  const me = requireStaff(ctx);
  const r = await redemptionByCode(ctx, input.code);
  if (r.status === 'used') throw appError('CONFLICT', 'errors.rewards.codeUsed', { params: { at: r.usedAt ?? '' } });
  if (r.status === 'cancelled') throw appError('CONFLICT', 'errors.rewards.codeCancelled');
  if (r.expired) throw appError('CONFLICT', 'errors.rewards.codeExpired', { params: { day: r.validUntil ?? '' } });
  await ctx.db
    .updateTable('redemptions')
    .set({ status: 'used', used_at: ctx.nowIso, used_by: me.id })
    .where('id', '=', r.id)
    .where('status', '=', 'issued')
    .execute();
  await addEvent(ctx, r.memberId, 'rewardUsed', { redemptionId: r.id, reward: r.rewardName });
  await writeAudit(ctx.db, {
    at: ctx.nowIso,
    staffId: me.id,
    action: 'rewards.codeUsed',
    details: { redemptionId: r.id, memberId: r.memberId, day: shopToday(ctx) },
  });
  return redemptionByCode(ctx, input.code);
}
