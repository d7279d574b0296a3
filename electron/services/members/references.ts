import { sql } from 'kysely';
import type { DB } from '../../../db/schema.js';
import type { Ctx } from '../../context.js';

/**
 * What a merge does with the rows of one column that points at members(id).
 * - move: the rows now point at the survivor (timeline, cards, consents; purchases, ledger, complaints).
 * - moveDistinct: the same, dropping rows the survivor already has (a tag on both records).
 * - derived: deleted; rebuilt from the survivor's chosen values (the name search index).
 * - history: left alone; the rows record the merge itself.
 * - custom: the table needs more than a move.
 */
export type MergeRule =
  | { kind: 'move' }
  | { kind: 'moveDistinct' }
  | { kind: 'derived' }
  | { kind: 'history' }
  | { kind: 'custom'; run: (ctx: Ctx, survivorId: number, mergedId: number) => Promise<number> };

export interface MemberReference {
  table: keyof DB;
  column: string;
  merge: MergeRule;
}

/** Open candidates that named the merged record now name the survivor, unless that is the pair itself. */
function repointCandidates(column: 'member_a' | 'member_b') {
  return async (ctx: Ctx, survivorId: number, mergedId: number): Promise<number> => {
    const rows = await ctx.db
      .selectFrom('duplicate_candidates')
      .selectAll()
      .where(column, '=', mergedId)
      .where('status', '=', 'open')
      .execute();
    for (const c of rows) {
      const other = column === 'member_a' ? c.member_b : c.member_a;
      if (other === survivorId) {
        await ctx.db
          .updateTable('duplicate_candidates')
          .set({ status: 'merged', resolved_at: ctx.nowIso, resolved_by: ctx.staff?.id ?? null })
          .where('id', '=', c.id)
          .execute();
        continue;
      }
      const [a, b] = other < survivorId ? [other, survivorId] : [survivorId, other];
      const taken = await ctx.db
        .selectFrom('duplicate_candidates')
        .select('id')
        .where('member_a', '=', a)
        .where('member_b', '=', b)
        .executeTakeFirst();
      if (taken) await ctx.db.deleteFrom('duplicate_candidates').where('id', '=', c.id).execute();
      else
        await ctx.db
          .updateTable('duplicate_candidates')
          .set({ member_a: a, member_b: b })
          .where('id', '=', c.id)
          .execute();
    }
    return rows.length;
  };
}

/** Of two records' tiers the higher stays (a manual one counts as it stands). */
async function keepHigherTier(ctx: Ctx, survivorId: number, mergedId: number): Promise<number> {
  const rows = await ctx.db
    .selectFrom('member_tiers as mt')
    .innerJoin('tiers as t', 't.id', 'mt.tier_id')
    .select(['mt.member_id', 't.rank'])
    .where('mt.member_id', 'in', [survivorId, mergedId])
    .execute();
  const merged = rows.find((r) => r.member_id === mergedId);
  if (!merged) return 0;
  const survivor = rows.find((r) => r.member_id === survivorId);
  if (survivor && survivor.rank >= merged.rank) {
    await ctx.db.deleteFrom('member_tiers').where('member_id', '=', mergedId).execute();
    return 0;
  }
  await ctx.db.deleteFrom('member_tiers').where('member_id', '=', survivorId).execute();
  await ctx.db.updateTable('member_tiers').set({ member_id: survivorId }).where('member_id', '=', mergedId).execute();
  return 1;
}

/**
 * Both records asked in the same survey are one person asked once: the row with an answer stays
 * (the survivor's when both or neither answered), the other goes.
 */
async function mergeSurveyRows(ctx: Ctx, survivorId: number, mergedId: number): Promise<number> {
  const rows = await ctx.db
    .selectFrom('survey_members')
    .select(['survey_id', 'member_id', 'score'])
    .where('member_id', 'in', [survivorId, mergedId])
    .execute();
  let moved = 0;
  for (const m of rows.filter((r) => r.member_id === mergedId)) {
    const drop = ctx.db.deleteFrom('survey_members').where('survey_id', '=', m.survey_id);
    const s = rows.find((r) => r.member_id === survivorId && r.survey_id === m.survey_id);
    const keepMerged = !s || (s.score === null && m.score !== null);
    if (!keepMerged) {
      await drop.where('member_id', '=', mergedId).execute();
      continue;
    }
    if (s) await drop.where('member_id', '=', survivorId).execute();
    await ctx.db
      .updateTable('survey_members')
      .set({ member_id: survivorId })
      .where('survey_id', '=', m.survey_id)
      .where('member_id', '=', mergedId)
      .execute();
    moved += 1;
  }
  return moved;
}

/** The merged record's two balances are added to the survivor's, as its ledger rows now are. */
async function addWalletBalances(ctx: Ctx, survivorId: number, mergedId: number): Promise<number> {
  const merged = await ctx.db
    .selectFrom('wallet_accounts')
    .selectAll()
    .where('member_id', '=', mergedId)
    .executeTakeFirst();
  if (!merged) return 0;
  await ctx.db.deleteFrom('wallet_accounts').where('member_id', '=', mergedId).execute();
  await ctx.db
    .insertInto('wallet_accounts')
    .values({ ...merged, member_id: survivorId, updated_at: ctx.nowIso })
    .onConflict((oc) =>
      oc.column('member_id').doUpdateSet({
        principal_fen: sql<number>`principal_fen + ${merged.principal_fen}`,
        bonus_fen: sql<number>`bonus_fen + ${merged.bonus_fen}`,
        updated_at: ctx.nowIso,
      }),
    )
    .execute();
  return 1;
}

/**
 * Every column in the schema that references members(id), and what a merge does with it. A test
 * compares this list with the database's own foreign keys: a new table that points at members
 * fails the build until it is declared here, so the merge cannot forget it.
 */
export const memberReferences: MemberReference[] = [
  { table: 'member_events', column: 'member_id', merge: { kind: 'move' } },
  // The latest decision per channel wins (consents are read in time order), so a withdrawal on
  // either record still holds after the merge.
  { table: 'member_consents', column: 'member_id', merge: { kind: 'move' } },
  {
    table: 'member_cards',
    column: 'member_id',
    merge: {
      kind: 'custom',
      // A member has one card in use: when both records had one, the survivor's stays and the
      // other is ended (its history kept), so a clerk is never left with two "in use".
      run: async (ctx, survivorId, mergedId) => {
        const survivorHasCard = await ctx.db
          .selectFrom('member_cards')
          .select('id')
          .where('member_id', '=', survivorId)
          .where('status', '=', 'active')
          .executeTakeFirst();
        if (survivorHasCard)
          await ctx.db
            .updateTable('member_cards')
            .set({ status: 'unbound', ended_at: ctx.nowIso, ended_by: ctx.staff?.id ?? null })
            .where('member_id', '=', mergedId)
            .where('status', '=', 'active')
            .execute();
        const r = await ctx.db
          .updateTable('member_cards')
          .set({ member_id: survivorId })
          .where('member_id', '=', mergedId)
          .executeTakeFirst();
        return Number(r.numUpdatedRows);
      },
    },
  },
  { table: 'member_tags', column: 'member_id', merge: { kind: 'moveDistinct' } },
  { table: 'member_name_grams', column: 'member_id', merge: { kind: 'derived' } },
  {
    table: 'members',
    column: 'referrer_id',
    merge: {
      kind: 'custom',
      // Members the merged record referred were referred by the survivor; nobody refers themself.
      run: async (ctx, survivorId, mergedId) => {
        const r = await ctx.db
          .updateTable('members')
          .set({ referrer_id: survivorId })
          .where('referrer_id', '=', mergedId)
          .where('id', '<>', survivorId)
          .executeTakeFirst();
        await ctx.db
          .updateTable('members')
          .set({ referrer_id: null })
          .where('id', '=', survivorId)
          .where('referrer_id', '=', mergedId)
          .execute();
        return Number(r.numUpdatedRows);
      },
    },
  },
  // Older tombstones of the merged record point straight at the survivor: one hop, never a chain.
  { table: 'members', column: 'merged_into', merge: { kind: 'move' } },
  { table: 'duplicate_candidates', column: 'member_a', merge: { kind: 'custom', run: repointCandidates('member_a') } },
  { table: 'duplicate_candidates', column: 'member_b', merge: { kind: 'custom', run: repointCandidates('member_b') } },
  // What the old system said the person had (points, spend) belongs to the person.
  { table: 'member_opening_balances', column: 'member_id', merge: { kind: 'move' } },
  // The person's purchases and points: the survivor's balance is the sum of both ledgers.
  { table: 'purchases', column: 'member_id', merge: { kind: 'move' } },
  { table: 'purchase_refunds', column: 'member_id', merge: { kind: 'move' } },
  { table: 'points_ledger', column: 'member_id', merge: { kind: 'move' } },
  // A day both records checked in is one check-in; an activity both attended paid both (the ledger keeps it).
  { table: 'checkins', column: 'member_id', merge: { kind: 'moveDistinct' } },
  { table: 'activity_attendees', column: 'member_id', merge: { kind: 'moveDistinct' } },
  // Rewards the person got, and their codes, go with their points.
  { table: 'redemptions', column: 'member_id', merge: { kind: 'move' } },
  // Lucky draws are the person's too: the daily limit counts both records' draws of a day.
  { table: 'draws', column: 'member_id', merge: { kind: 'move' } },
  // The person's growth value and tier history; the higher of the two tiers stays, with its dates
  // (the combined growth may qualify higher still: the next daily sweep upgrades).
  { table: 'growth_ledger', column: 'member_id', merge: { kind: 'move' } },
  { table: 'tier_changes', column: 'member_id', merge: { kind: 'move' } },
  { table: 'tier_service_uses', column: 'member_id', merge: { kind: 'move' } },
  { table: 'member_tiers', column: 'member_id', merge: { kind: 'custom', run: keepHigherTier } },
  // The person's complaints and follow-up visits; their survey answers, one per survey.
  { table: 'complaints', column: 'member_id', merge: { kind: 'move' } },
  { table: 'followups', column: 'member_id', merge: { kind: 'move' } },
  { table: 'survey_members', column: 'member_id', merge: { kind: 'custom', run: mergeSurveyRows } },
  // The person's stored value and count cards: the survivor's balances are the sum of both
  // ledgers (the cap is not applied: no new money came in).
  { table: 'wallet_ledger', column: 'member_id', merge: { kind: 'move' } },
  { table: 'wallet_topups', column: 'member_id', merge: { kind: 'move' } },
  { table: 'wallet_payouts', column: 'member_id', merge: { kind: 'move' } },
  { table: 'wallet_accounts', column: 'member_id', merge: { kind: 'custom', run: addWalletBalances } },
  { table: 'visitcards', column: 'member_id', merge: { kind: 'move' } },
  { table: 'visitcard_uses', column: 'member_id', merge: { kind: 'move' } },
  // An import's record of what it changed on that record, so undo compares against it.
  { table: 'import_updates', column: 'member_id', merge: { kind: 'history' } },
  { table: 'import_rejects', column: 'member_id', merge: { kind: 'history' } },
  { table: 'member_merges', column: 'survivor_id', merge: { kind: 'history' } },
  { table: 'member_merges', column: 'merged_id', merge: { kind: 'history' } },
];

/** Applies every declared rule; returns how many rows each column moved (for the merge record). */
export async function moveReferences(ctx: Ctx, survivorId: number, mergedId: number): Promise<Record<string, number>> {
  const moved: Record<string, number> = {};
  for (const ref of memberReferences) {
    const t = sql.table(ref.table);
    const c = sql.ref(ref.column);
    let n = 0;
    switch (ref.merge.kind) {
      case 'move':
        n = Number(
          (await sql`update ${t} set ${c} = ${survivorId} where ${c} = ${mergedId}`.execute(ctx.db)).numAffectedRows ??
            0,
        );
        break;
      case 'moveDistinct':
        n = Number(
          (await sql`update or ignore ${t} set ${c} = ${survivorId} where ${c} = ${mergedId}`.execute(ctx.db))
            .numAffectedRows ?? 0,
        );
        await sql`delete from ${t} where ${c} = ${mergedId}`.execute(ctx.db);
        break;
      case 'derived':
        await sql`delete from ${t} where ${c} = ${mergedId}`.execute(ctx.db);
        break;
      case 'history':
        break;
      case 'custom':
        n = await ref.merge.run(ctx, survivorId, mergedId);
        break;
    }
    if (n) moved[`${ref.table}.${ref.column}`] = n;
  }
  return moved;
}
