import { sql } from 'kysely';
import type { Backend } from '../../backend.js';
import { standaloneCtx, type Ctx } from '../../context.js';
import { qualifiedRank, reviewRank, windowFrom } from '../../../shared/rules/tiers.js';
import { shopToday } from '../members/view.js';
import { growthBetween } from './growth.js';
import { endManualTier } from './manual.js';
import { loadTierBook, moveMember, tierStateOf, upgradeIfQualified, type TierBook, type TierState } from './state.js';

/** Members handled per transaction; requests in flight are answered between steps. */
const step = 200;

async function inSteps(backend: Backend, ids: number[], work: (ctx: Ctx, id: number) => Promise<void>): Promise<void> {
  for (let i = 0; i < ids.length; i += step) {
    await backend.activity.idle();
    await backend.db.transaction().execute(async (trx) => {
      const ctx = { ...standaloneCtx(backend, null), db: trx };
      for (const id of ids.slice(i, i + step)) await work(ctx, id);
    });
  }
}

/**
 * A review (保级) on the tier's anniversary, judged on the growth in the window that ends on the
 * review day — plus whatever the member bought between the review day and today, when the PC was
 * off over it (they bought while still holding the tier). Kept: reviewed again a year on. Missed:
 * down as the rules say, reviewed a year on unless base. A PC off for more than a year catches up
 * review by review.
 */
async function review(ctx: Ctx, book: TierBook, memberId: number, today: string): Promise<void> {
  for (;;) {
    const state = await tierStateOf(ctx.db, book.tiers, memberId);
    const on = state.row?.review_on;
    if (!state.row || !on || on > today || state.row.manual_until) return;
    const growth = await growthBetween(ctx.db, book.settings, memberId, windowFrom(on, book.settings.window), today);
    const to = book.tiers[reviewRank(book.tiers, state.tier.rank, growth, book.settings.dropMode)]!;
    // Kept or moved, the tier counts from the review day and is reviewed a year on.
    await moveMember(ctx, memberId, on, {
      kind: to.id === state.tier.id ? 'retained' : to.rank < state.tier.rank ? 'downgrade' : 'upgrade',
      from: state.tier,
      to,
      growth,
      day: on,
      data: { reviewOn: on, retention: state.tier.retention },
    });
  }
}

/**
 * One member's due work, before the counter acts on their tier (a purchase's multiplier, a free
 * service): a manual tier past its end ends, a review that is due runs — so the clerk never works
 * on a tier the daily run has not reached yet (it may still be busy after start-up).
 */
export async function bringTierUpToDate(ctx: Ctx, book: TierBook, memberId: number): Promise<TierState> {
  const today = shopToday(ctx);
  const state = await tierStateOf(ctx.db, book.tiers, memberId);
  const { row } = state;
  const manualEnded = !!row?.manual_until && row.manual_until < today;
  const reviewDue = !!row?.review_on && !row.manual_until && row.review_on <= today;
  // The common case at the counter: nothing due, one read.
  if (!manualEnded && !reviewDue) return state;
  if (manualEnded) await endManualTier(ctx, book, memberId, '', true);
  await review(ctx, book, memberId, today);
  return tierStateOf(ctx.db, book.tiers, memberId);
}

/**
 * Members whose growth reaches a higher tier than they hold — after the owner lowers a threshold,
 * or an import brings lifetime spend — upgraded now. Growth is summed by member-id range so no
 * single query holds the connection long.
 */
export async function sweepUpgrades(backend: Backend, today: string): Promise<number> {
  const book = await loadTierBook(backend.db);
  if (book.tiers.length < 2) return 0;
  const from = windowFrom(today, book.settings.window) ?? '0000-01-01';
  const max = await backend.db
    .selectFrom('members')
    .select((eb) => eb.fn.max('id').as('id'))
    .executeTakeFirstOrThrow();
  const candidates: number[] = [];
  for (let lo = 1; lo <= Number(max.id ?? 0); lo += 50_000) {
    await backend.activity.idle();
    const hi = lo + 49_999;
    const rows = await sql<{ member_id: number; growth: number; tier_id: number | null }>`
      select g.member_id, sum(g.g) as growth, mt.tier_id from (
        select member_id, growth as g from growth_ledger
          where member_id between ${lo} and ${hi} and day >= ${from} and day <= ${today}
        union all
        select member_id, (spend_fen / 100) * ${book.settings.growthPerYuan} from member_opening_balances
          where member_id between ${lo} and ${hi} and day >= ${from} and day <= ${today}
      ) g join members m on m.id = g.member_id left join member_tiers mt on mt.member_id = g.member_id
      where m.archived_at is null and m.erased_at is null and m.merged_into is null and mt.manual_until is null
      group by g.member_id having sum(g.g) >= ${book.tiers[1]!.threshold}`.execute(backend.db);
    for (const r of rows.rows) {
      const rank = book.tiers.find((t) => t.id === r.tier_id)?.rank ?? 0;
      if (qualifiedRank(book.tiers, r.growth) > rank) candidates.push(r.member_id);
    }
  }
  let upgraded = 0;
  await inSteps(backend, candidates, async (ctx, id) => {
    if (await upgradeIfQualified(ctx, book, id, undefined)) upgraded++;
  });
  return upgraded;
}

/**
 * Members whose imported lifetime spend arrived since the last run, upgraded if it qualifies them.
 * Growth otherwise only rises through a purchase, an activity or a merge, each of which upgrades at
 * once, and a changed tier table sweeps everyone (`sweepSoon`): so the daily run need not re-sum
 * every member's growth (32 s at 1,000,000 members).
 */
async function upgradeImported(backend: Backend, book: TierBook): Promise<number> {
  const done = await backend.db
    .selectFrom('settings')
    .select('value')
    .where('key', '=', 'tiersOpeningSeen')
    .executeTakeFirst();
  const seen = Number(done?.value ?? 0);
  const rows = await backend.db
    .selectFrom('member_opening_balances')
    .select(['member_id', 'id'])
    .where('id', '>', seen)
    .orderBy('id')
    .execute();
  if (!rows.length) return 0;
  let upgraded = 0;
  await inSteps(backend, [...new Set(rows.map((r) => r.member_id))], async (ctx, id) => {
    if (await upgradeIfQualified(ctx, book, id, undefined)) upgraded++;
  });
  const value = String(rows[rows.length - 1]!.id);
  await backend.db
    .insertInto('settings')
    .values({ key: 'tiersOpeningSeen', value })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value }))
    .execute();
  return upgraded;
}

/**
 * Once per business day: manual tiers past their end date end, reviews that are due run, and
 * imported spend upgrades. Idempotent; waits while the clock is in doubt (the caller checks).
 */
export async function runTierDay(
  backend: Backend,
  today: string,
): Promise<{ manualEnded: number; reviewed: number; upgraded: number }> {
  const book = await loadTierBook(backend.db);
  const ended = await backend.db
    .selectFrom('member_tiers')
    .select('member_id')
    .where('manual_until', '<', today)
    .execute();
  await inSteps(
    backend,
    ended.map((r) => r.member_id),
    (ctx, id) => endManualTier(ctx, book, id, '', true),
  );
  const due = await backend.db
    .selectFrom('member_tiers')
    .select('member_id')
    .where('review_on', '<=', today)
    .where('manual_until', 'is', null)
    .execute();
  await inSteps(
    backend,
    due.map((r) => r.member_id),
    (ctx, id) => review(ctx, book, id, today),
  );
  const upgraded = await upgradeImported(backend, book);
  return { manualEnded: ended.length, reviewed: due.length, upgraded };
}

const sweeps = new WeakMap<Backend, Promise<number>>();

/** After the tier table is saved: upgrade whoever now qualifies, off the request path. */
export function sweepSoon(backend: Backend, today: string): void {
  const previous = sweeps.get(backend) ?? Promise.resolve(0);
  sweeps.set(
    backend,
    previous
      .then(() => sweepUpgrades(backend, today))
      .catch((error: unknown) => {
        backend.log.error('tiers.sweep', { error });
        return 0;
      }),
  );
}

/** The sweep started by the latest save (tests wait on it). */
export function lastSweep(backend: Backend): Promise<number> {
  return sweeps.get(backend) ?? Promise.resolve(0);
}
