import type { ParsedInputOf } from '../../../shared/contract/index.js';
import { fieldError } from '../../../shared/errors.js';
import { can } from '../../../shared/permissions.js';
import { shiftFrom, shopDayBounds } from '../../../shared/rules/till.js';
import type { TillClose, TillTotals } from '../../../shared/wallet.js';
import { requireStaff, type Ctx } from '../../context.js';
import { writeAudit } from '../audit.js';
import { shopToday } from '../members/view.js';
import { tillTotalsOf } from './tillMovements.js';

/**
 * Shift handovers (交班) and day closes (日结), issue 8 §3. A shift is one clerk's movements since
 * their last handover (never before the current shop day began) up to now; a day close is every
 * clerk's movements of one shop day, by the rows' `day`. The totals are always worked out live;
 * recording one keeps the totals as printed (`till_closes.totals`), so a later correction of the
 * day shows as a difference between the record and the live figures, never as a changed record.
 */

function bounds(ctx: Ctx, day: string) {
  const s = ctx.backend.settings!;
  return shopDayBounds(day, s.timeZone, s.dayStartHour);
}

/** The signed-in clerk's shift so far: from their last handover, or the start of today, to now. */
export async function currentShift(ctx: Ctx): Promise<TillClose> {
  const me = requireStaff(ctx);
  const day = shopToday(ctx);
  const last = await ctx.db
    .selectFrom('till_closes')
    .select('to_at')
    .where('kind', '=', 'shift')
    .where('staff_id', '=', me.id)
    .orderBy('to_at', 'desc')
    .limit(1)
    .executeTakeFirst();
  const from = shiftFrom(last?.to_at ?? null, bounds(ctx, day).from);
  const to = ctx.nowIso;
  const totals = await tillTotalsOf(
    ctx,
    { dayFrom: day, dayTo: day, staffId: me.id, atFrom: from, atTo: to },
    from,
    to,
  );
  return {
    id: null,
    kind: 'shift',
    staffId: me.id,
    staffName: me.display_name,
    day,
    closedByName: null,
    at: null,
    totals,
  };
}

async function record(
  ctx: Ctx,
  c: { kind: 'shift' | 'day'; staffId: number | null; day: string; totals: TillTotals },
): Promise<number> {
  const me = requireStaff(ctx);
  const row = await ctx.db
    .insertInto('till_closes')
    .values({
      kind: c.kind,
      staff_id: c.staffId,
      day: c.day,
      from_at: c.totals.from,
      to_at: c.totals.to,
      totals: JSON.stringify(c.totals),
      closed_by: me.id,
      at: ctx.nowIso,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** 交班: records the clerk's shift up to now; their next shift starts there. A routine act, not audited. */
export async function closeShift(ctx: Ctx): Promise<TillClose> {
  const me = requireStaff(ctx);
  const shift = await currentShift(ctx);
  const id = await record(ctx, { kind: 'shift', staffId: me.id, day: shift.day, totals: shift.totals });
  return { ...shift, id, closedByName: me.display_name, at: ctx.nowIso };
}

/** A shop day's live totals, every clerk, with the latest recorded close of the day if there is one. */
export async function dayClose(ctx: Ctx, input: ParsedInputOf<'wallet.dayClose'>): Promise<TillClose> {
  const { day } = input;
  const b = bounds(ctx, day);
  const to = ctx.nowIso < b.to ? (ctx.nowIso > b.from ? ctx.nowIso : b.from) : b.to;
  const [totals, last] = await Promise.all([
    tillTotalsOf(ctx, { dayFrom: day, dayTo: day }, b.from, to),
    ctx.db
      .selectFrom('till_closes as c')
      .innerJoin('staff as s', 's.id', 'c.closed_by')
      .select(['c.id', 'c.at', 's.display_name'])
      .where('c.day', '=', day)
      .where('c.kind', '=', 'day')
      .orderBy('c.id', 'desc')
      .limit(1)
      .executeTakeFirst(),
  ]);
  return {
    id: last?.id ?? null,
    kind: 'day',
    staffId: null,
    staffName: null,
    day,
    closedByName: last?.display_name ?? null,
    at: last?.at ?? null,
    totals,
  };
}

/**
 * 日结: records the day's totals as closed and audits it (ids and amounts). A day still to come
 * cannot be closed; today can, and closing it again later records again.
 */
export async function closeDay(ctx: Ctx, input: ParsedInputOf<'wallet.closeDay'>): Promise<TillClose> {
  const me = requireStaff(ctx);
  if (input.day > shopToday(ctx)) throw fieldError('day', 'errors.member.dateInFuture');
  const live = await dayClose(ctx, input);
  const id = await record(ctx, { kind: 'day', staffId: null, day: input.day, totals: live.totals });
  const t = live.totals.total;
  await writeAudit(ctx.db, {
    at: ctx.nowIso,
    staffId: me.id,
    action: 'wallet.dayClosed',
    details: {
      closeId: id,
      day: input.day,
      topupFen: t.topupFen,
      bonusFen: t.bonusFen,
      cardSalesFen: t.cardSalesFen,
      refundsFen: t.refundsFen,
      storedValueSpentFen: t.storedValueSpentFen,
      netFen: t.netFen,
    },
  });
  return { ...live, id, closedByName: me.display_name, at: ctx.nowIso };
}

/** Recorded closes with their clerk's and closer's names, as `closesOf` and `recordedClose` read them. */
function recorded(ctx: Ctx) {
  return ctx.db
    .selectFrom('till_closes as c')
    .leftJoin('staff as s', 's.id', 'c.staff_id')
    .innerJoin('staff as b', 'b.id', 'c.closed_by')
    .select([
      'c.id',
      'c.kind',
      'c.staff_id',
      'c.day',
      'c.totals',
      'c.at',
      's.display_name as staff_name',
      'b.display_name as closed_by_name',
    ]);
}

type RecordedRow = Awaited<ReturnType<ReturnType<typeof recorded>['executeTakeFirstOrThrow']>>;

const toClose = (r: RecordedRow): TillClose => ({
  id: r.id,
  kind: r.kind === 'day' ? 'day' : 'shift',
  staffId: r.staff_id,
  staffName: r.staff_name,
  day: r.day,
  closedByName: r.closed_by_name,
  at: r.at,
  totals: JSON.parse(r.totals) as TillTotals,
});

/**
 * The handovers and closes recorded on a shop day, newest first, with the totals they printed.
 * Who may read the day's close sees all; a clerk sees only their own handovers.
 */
export async function closesOf(ctx: Ctx, input: ParsedInputOf<'wallet.closes'>): Promise<TillClose[]> {
  const me = requireStaff(ctx);
  const all = can(me.role, 'wallet.report');
  const rows = await recorded(ctx)
    .where('c.day', '=', input.day)
    .$if(!all, (q) => q.where('c.kind', '=', 'shift').where('c.staff_id', '=', me.id))
    .orderBy('c.id', 'desc')
    .execute();
  return rows.map(toClose);
}

/** One recorded handover or day close of the shop day `day`, as it was printed; undefined when there is none. */
export async function recordedClose(ctx: Ctx, id: number, day: string): Promise<TillClose | undefined> {
  const row = await recorded(ctx).where('c.id', '=', id).where('c.day', '=', day).executeTakeFirst();
  return row && toClose(row);
}
