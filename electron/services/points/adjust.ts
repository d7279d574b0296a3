import { voidableKinds, type LedgerKind, type PointsSummary } from '../../../shared/points.js';
import { appError, fieldError } from '../../../shared/errors.js';
import { requireStaff, type Ctx } from '../../context.js';
import { writeAudit } from '../audit.js';
import { mustGetWritable } from '../members/rows.js';
import { addEvent } from '../timeline.js';
import { balanceOf, credit, debit, restore } from './ledger.js';
import { loadPointsRules } from './rules.js';
import { pointsSummary } from './summary.js';

/** A manual correction by an owner or manager, with the reason on the entry and in the audit log. */
export async function adjustPoints(
  ctx: Ctx,
  input: { memberId: number; points: number; reason: string },
): Promise<PointsSummary> {
  const me = requireStaff(ctx);
  const member = await mustGetWritable(ctx, input.memberId);
  const entry = { memberId: member.id, kind: 'adjust' as const, note: input.reason };
  let entryId: number | null;
  if (input.points > 0) {
    entryId = await credit(ctx, await loadPointsRules(ctx.db), entry, input.points, { freeze: false });
  } else {
    const balance = await balanceOf(ctx, member.id);
    if (balance < -input.points) throw fieldError('points', 'errors.points.notEnough', { usable: balance });
    entryId = (await debit(ctx, entry, -input.points, { usableOnly: false })).entryId;
  }
  await addEvent(ctx, member.id, 'pointsAdjusted', { entryId, points: input.points }, input.reason);
  await writeAudit(ctx.db, {
    at: ctx.nowIso,
    staffId: me.id,
    action: 'points.adjusted',
    details: { memberId: member.id, entryId, points: input.points, reason: input.reason },
  });
  return pointsSummary(ctx, member.id);
}

/**
 * A mistaken entry is voided by a reversing entry, never edited or deleted: a credit is taken back
 * (its own lot first), a deduction is given back to the lots it came from. A credit the member has
 * already spent part of cannot be voided whole; the manager deducts what is left by an adjustment.
 */
export async function voidEntry(ctx: Ctx, input: { entryId: number; reason: string }): Promise<PointsSummary> {
  const me = requireStaff(ctx);
  const e = await ctx.db.selectFrom('points_ledger').selectAll().where('id', '=', input.entryId).executeTakeFirst();
  if (!e) throw appError('NOT_FOUND', 'errors.points.entryNotFound');
  if (!voidableKinds.includes(e.kind as LedgerKind)) throw appError('CONFLICT', 'errors.points.notVoidable');
  const already = await ctx.db
    .selectFrom('points_ledger')
    .select('id')
    .where('reverses_id', '=', e.id)
    .where('kind', '=', 'void')
    .executeTakeFirst();
  if (already) throw appError('CONFLICT', 'errors.points.alreadyVoided');
  await mustGetWritable(ctx, e.member_id);
  const ref = { memberId: e.member_id, kind: 'void' as const, reversesId: e.id, note: input.reason };
  let entryId: number | null;
  if (e.points > 0) {
    const balance = await balanceOf(ctx, e.member_id);
    if (balance < e.points)
      throw appError('CONFLICT', 'errors.points.voidSpent', { params: { points: e.points, balance } });
    entryId = (await debit(ctx, ref, e.points, { usableOnly: false, firstLot: e.id })).entryId;
  } else {
    entryId = await restore(ctx, e.id, -e.points, ref);
  }
  const data = { entryId, voided: e.id, kind: e.kind, points: -e.points };
  await addEvent(ctx, e.member_id, 'pointsVoided', data, input.reason);
  await writeAudit(ctx.db, {
    at: ctx.nowIso,
    staffId: me.id,
    action: 'points.voided',
    details: { memberId: e.member_id, ...data, reason: input.reason },
  });
  return pointsSummary(ctx, e.member_id);
}
