import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import type { InteractionKind, Page, TimelineEvent } from '../../shared/domain.js';
import { businessDay } from '../../shared/rules/businessDay.js';
import { requireStaff, type Ctx } from '../context.js';
import { mustGetMember, mustGetWritable } from './members/rows.js';

/**
 * The member timeline is one feed: every feature that touches a member (registration, edits,
 * purchases, points, tiers, complaints …) writes its event here, in the same transaction as the
 * change, with a kind and its own details in `data`.
 */
export async function addEvent(
  ctx: Ctx,
  memberId: number,
  kind: string,
  data: Record<string, unknown> = {},
  body = '',
): Promise<number> {
  const s = ctx.backend.settings!;
  const row = await ctx.db
    .insertInto('member_events')
    .values({
      member_id: memberId,
      kind,
      body,
      data: JSON.stringify(data),
      staff_id: ctx.staff?.id ?? null,
      at: ctx.nowIso,
      day: businessDay(ctx.nowIso, s.timeZone, s.dayStartHour),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** The same event on many members at once (bulk tagging), in batches the driver accepts. */
export async function addEvents(
  ctx: Ctx,
  memberIds: number[],
  kind: string,
  data: Record<string, unknown> = {},
): Promise<void> {
  const s = ctx.backend.settings!;
  const day = businessDay(ctx.nowIso, s.timeZone, s.dayStartHour);
  const json = JSON.stringify(data);
  for (let i = 0; i < memberIds.length; i += 2000)
    await ctx.db
      .insertInto('member_events')
      .values(
        memberIds.slice(i, i + 2000).map((member_id) => ({
          member_id,
          kind,
          data: json,
          staff_id: ctx.staff?.id ?? null,
          at: ctx.nowIso,
          day,
        })),
      )
      .execute();
}

async function eventById(db: Kysely<DB>, id: number): Promise<TimelineEvent> {
  const r = await db
    .selectFrom('member_events as e')
    .leftJoin('staff as s', 's.id', 'e.staff_id')
    .select(['e.id', 'e.kind', 'e.body', 'e.data', 'e.at', 's.display_name'])
    .where('e.id', '=', id)
    .executeTakeFirstOrThrow();
  return {
    id: r.id,
    kind: r.kind,
    body: r.body,
    data: JSON.parse(r.data) as Record<string, unknown>,
    staff: r.display_name,
    at: r.at,
  };
}

export async function addInteraction(
  ctx: Ctx,
  input: { id: number; kind: InteractionKind; body: string },
): Promise<TimelineEvent> {
  requireStaff(ctx);
  await mustGetWritable(ctx, input.id);
  const id = await addEvent(ctx, input.id, input.kind, {}, input.body);
  return eventById(ctx.db, id);
}

export async function listTimeline(
  ctx: Ctx,
  memberId: number,
  page: number,
  pageSize: number,
): Promise<Page<TimelineEvent>> {
  await mustGetMember(ctx, memberId);
  const rows = await ctx.db
    .selectFrom('member_events as e')
    .leftJoin('staff as s', 's.id', 'e.staff_id')
    .select(['e.id', 'e.kind', 'e.body', 'e.data', 'e.at', 's.display_name'])
    .where('e.member_id', '=', memberId)
    // When it happened, not when it was written: an imported purchase of last month sits in last month.
    .orderBy('e.at', 'desc')
    .orderBy('e.id', 'desc')
    .limit(pageSize)
    .offset((page - 1) * pageSize)
    .execute();
  const { total } = await ctx.db
    .selectFrom('member_events')
    .select((eb) => eb.fn.countAll<number>().as('total'))
    .where('member_id', '=', memberId)
    .executeTakeFirstOrThrow();
  return {
    total,
    rows: rows.map((r) => ({
      id: r.id,
      kind: r.kind,
      body: r.body,
      data: JSON.parse(r.data) as Record<string, unknown>,
      staff: r.display_name,
      at: r.at,
    })),
  };
}
