import type { Member } from '../../../shared/domain.js';
import { appError, fieldError } from '../../../shared/errors.js';
import { formatFen } from '../../../shared/rules/money.js';
import { requireStaff, type Ctx } from '../../context.js';
import { writeAudit } from '../audit.js';
import { addEvent } from '../timeline.js';
import { mustGetMember } from './rows.js';
import { toMember } from './view.js';

/**
 * Stored value and unused count-card visits are the person's money: once the record is erased
 * nobody can be identified to pay it back, so they are refunded first (退余额, 退卡).
 */
async function refuseWhileHoldingValue(ctx: Ctx, ids: number[]): Promise<void> {
  const held = await ctx.db
    .selectFrom('wallet_accounts')
    .select((eb) =>
      eb.fn.coalesce(eb.fn.sum<number>(eb('principal_fen', '+', eb.ref('bonus_fen'))), eb.lit(0)).as('fen'),
    )
    .where('member_id', 'in', ids)
    .executeTakeFirstOrThrow();
  const cards = await ctx.db
    .selectFrom('visitcards')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('member_id', 'in', ids)
    .where('refunded_at', 'is', null)
    .where('uses_left', '>', 0)
    .executeTakeFirstOrThrow();
  const balance = Number(held.fen);
  const count = Number(cards.n);
  if (balance === 0 && count === 0) return;
  const key = count === 0 ? 'eraseHoldsBalance' : balance === 0 ? 'eraseHoldsCards' : 'eraseHoldsBoth';
  throw appError('CONFLICT', `errors.wallet.${key}`, { params: { balance: formatFen(balance), count } });
}

/**
 * PIPL right to deletion. The person's own fields are wiped (the phone becomes a placeholder so the
 * unique column stays valid), with their search index, interaction notes, merge snapshots and the
 * idempotency copies of earlier answers; the record's anonymous shape stays — member number, dates,
 * tags, consent history, event kinds, and later purchases and points — so totals do not change.
 * Records merged into this one are the same person and are erased with it. `secure_delete` (set
 * when the database opens) zeroes the freed bytes, and the WAL is truncated after the commit.
 */
export async function eraseMember(ctx: Ctx, input: { id: number; confirm: string }): Promise<Member> {
  const me = requireStaff(ctx);
  const row = await mustGetMember(ctx, input.id);
  if (row.erased_at !== null) throw appError('CONFLICT', 'errors.member.erased');
  if (row.merged_into !== null)
    throw appError('CONFLICT', 'errors.member.merged', { details: { mergedInto: row.merged_into } });
  if (input.confirm !== row.member_no) throw fieldError('confirm', 'errors.member.eraseConfirm');

  const rows = [row, ...(await ctx.db.selectFrom('members').selectAll().where('merged_into', '=', row.id).execute())];
  const ids = rows.map((r) => r.id);
  await refuseWhileHoldingValue(ctx, ids);
  // Idempotency records keep copies of earlier answers (a registration, a note) for retries. Which
  // of them hold this person cannot be told from the text alone, so all are dropped: the worst case
  // is that a retry still in flight at this instant runs again instead of replaying.
  await ctx.db.deleteFrom('requests').execute();
  for (const id of ids)
    await ctx.db
      .updateTable('members')
      .set({
        name: '',
        gender: 'unspecified',
        birthday: null,
        lunar_birthday: null,
        occupation: '',
        phone: `erased:${id}`,
        phone_rev: '',
        phone2: null,
        email: null,
        wechat: null,
        address: '',
        notes: '',
        referrer_id: null,
        name_pinyin: '',
        name_initials: '',
        erased_at: ctx.nowIso,
        updated_at: ctx.nowIso,
        updated_by: me.id,
      })
      .where('id', '=', id)
      .execute();
  await ctx.db.deleteFrom('member_name_grams').where('member_id', 'in', ids).execute();
  await ctx.db.updateTable('member_events').set({ body: '' }).where('member_id', 'in', ids).execute();
  await ctx.db
    .updateTable('member_cards')
    .set({ status: 'unbound', ended_at: ctx.nowIso, ended_by: me.id })
    .where('member_id', 'in', ids)
    .where('status', '=', 'active')
    .execute();
  await ctx.db
    .updateTable('member_merges')
    .set({ snapshot: '{}' })
    .where((eb) => eb.or([eb('survivor_id', 'in', ids), eb('merged_id', 'in', ids)]))
    .execute();
  // Free text staff wrote about the person; an erased record holds no tier.
  await ctx.db.updateTable('tier_changes').set({ reason: '' }).where('member_id', 'in', ids).execute();
  await ctx.db.updateTable('tier_service_uses').set({ undo_reason: '' }).where('member_id', 'in', ids).execute();
  await ctx.db.deleteFrom('member_tiers').where('member_id', 'in', ids).execute();
  // Complaints keep their figures (category, times, compensation, score) for the reports; what
  // was said and written about the person goes, with a walk-in contact recorded on them.
  await ctx.db
    .updateTable('complaints')
    .set({ description: '', resolution: '', csat_comment: '', contact_name: '', contact_phone: '' })
    .where('member_id', 'in', ids)
    .execute();
  await ctx.db
    .updateTable('complaint_steps')
    .set({ note: '' })
    .where('complaint_id', 'in', (eb) => eb.selectFrom('complaints').select('id').where('member_id', 'in', ids))
    .execute();
  await ctx.db
    .updateTable('followups')
    .set({ note: '', outcome_note: '', next_step: '' })
    .where('member_id', 'in', ids)
    .execute();
  await ctx.db.updateTable('survey_members').set({ reason: '' }).where('member_id', 'in', ids).execute();
  // Stored value and count cards are financial records and stay, with every amount; the notes and
  // reasons staff wrote about the person go.
  await ctx.db.updateTable('wallet_ledger').set({ note: '' }).where('member_id', 'in', ids).execute();
  await ctx.db.updateTable('wallet_payouts').set({ reason: '' }).where('member_id', 'in', ids).execute();
  await ctx.db.updateTable('visitcards').set({ refund_reason: '' }).where('member_id', 'in', ids).execute();
  await ctx.db.updateTable('visitcard_uses').set({ note: '' }).where('member_id', 'in', ids).execute();
  // An import's before/after values of this person; an undo then leaves the erased record alone.
  await ctx.db.updateTable('import_updates').set({ changes: '{}' }).where('member_id', 'in', ids).execute();
  await ctx.db.deleteFrom('import_rejects').where('member_id', 'in', ids).execute();
  await ctx.db
    .updateTable('duplicate_candidates')
    .set({ status: 'dismissed', resolved_at: ctx.nowIso, resolved_by: me.id })
    .where('status', '=', 'open')
    .where((eb) => eb.or([eb('member_a', 'in', ids), eb('member_b', 'in', ids)]))
    .execute();
  await addEvent(ctx, row.id, 'erased');
  // Ids only: the audit log is append-only, so a name written here could never be erased.
  await writeAudit(ctx.db, {
    at: ctx.nowIso,
    staffId: me.id,
    action: 'members.erased',
    details: { memberId: row.id, alsoErased: ids.slice(1) },
  });
  // The old page images sit in the WAL until a checkpoint copies the zeroed pages back.
  ctx.afterCommit(() => ctx.backend.checkpoint());
  return toMember(ctx, await mustGetMember(ctx, row.id));
}
