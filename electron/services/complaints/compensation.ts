import type { Updateable } from 'kysely';
import type { ComplaintsTable } from '../../../db/schema.js';
import type { CompensationInput } from '../../../shared/contract/complaints.js';
import type { ComplaintSettings } from '../../../shared/complaints.js';
import { appError, fieldError } from '../../../shared/errors.js';
import { requireStaff, type Ctx } from '../../context.js';
import { mustGetWritable } from '../members/rows.js';
import { credit } from '../points/ledger.js';
import { loadPointsRules } from '../points/rules.js';
import { grantReward } from '../rewards/redeem.js';
import { limitFenOf, type ComplaintRow } from './rows.js';

export interface Compensated {
  /** The complaint's columns to set; empty when the complaint keeps what it was given before. */
  patch: Updateable<ComplaintsTable>;
  /** The timeline's account of what this resolution gave. */
  event: Record<string, unknown>;
}

/** The form field a refused amount belongs to, so the message shows on the right input. */
const amountField = {
  apology: 'compensation',
  points: 'compensation.points',
  coupon: 'compensation.rewardId',
  refund: 'compensation.amountFen',
};

/**
 * Gives the complaint's compensation in the caller's transaction. A complaint is compensated at
 * most once: after a reopen the next resolution may only apologise, and the ledger's unique index
 * on compensation entries backs that up. What it is worth in fen is checked against the caller's
 * role limit first, so nothing is written when it is too much.
 */
export async function compensate(
  ctx: Ctx,
  row: ComplaintRow,
  input: CompensationInput,
  settings: ComplaintSettings,
): Promise<Compensated> {
  const me = requireStaff(ctx);
  const given = row.compensation_kind !== null && row.compensation_kind !== 'apology';
  if (given) {
    if (input.kind !== 'apology') throw appError('CONFLICT', 'errors.complaints.compensated');
    return { patch: {}, event: { compensation: 'apology' } };
  }
  if (input.kind === 'apology') return { patch: { compensation_kind: 'apology' }, event: { compensation: 'apology' } };
  if ((input.kind === 'points' || input.kind === 'coupon') && row.member_id === null)
    throw fieldError('compensation.kind', 'errors.complaints.needsMember');

  const rules = await loadPointsRules(ctx.db);
  let worthFen: number;
  let reward: { id: number; name: string; active: number } | undefined;
  if (input.kind === 'points') worthFen = input.points * rules.pointValueFen;
  else if (input.kind === 'coupon') {
    const r = await ctx.db.selectFrom('rewards').selectAll().where('id', '=', input.rewardId).executeTakeFirst();
    if (!r) throw fieldError('compensation.rewardId', 'errors.complaints.rewardNotFound');
    if (r.active !== 1) throw fieldError('compensation.rewardId', 'errors.rewards.block.inactive');
    reward = r;
    worthFen = r.value_fen ?? r.points_cost * rules.pointValueFen;
  } else worthFen = input.amountFen;
  const limit = limitFenOf(me.role, settings);
  if (limit !== null && worthFen > limit)
    throw fieldError(amountField[input.kind], 'errors.complaints.overLimit', { limit: limit / 100 });

  const base = { compensation_kind: input.kind, compensation_fen: worthFen };
  if (input.kind === 'refund')
    return {
      patch: { ...base, refund_reference: input.reference },
      event: { compensation: 'refund', amountFen: input.amountFen },
    };
  const member = await mustGetWritable(ctx, row.member_id!);
  if (input.kind === 'points') {
    const entryId = await credit(
      ctx,
      rules,
      // The member's ledger shows the kind and this note: which complaint the points were for.
      { memberId: member.id, kind: 'compensation', refType: 'complaint', refId: row.id, note: `#${row.id}` },
      input.points,
      { freeze: false },
    );
    return {
      patch: { ...base, compensation_points: input.points, compensation_entry_id: entryId },
      event: { compensation: 'points', points: input.points },
    };
  }
  const granted = await grantReward(ctx, {
    memberId: member.id,
    rewardId: reward!.id,
    source: 'compensation',
    sourceId: row.id,
  });
  return {
    patch: { ...base, compensation_redemption_id: granted.redemptionId },
    event: { compensation: 'coupon', reward: reward!.name },
  };
}
