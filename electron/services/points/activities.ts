import type { ActivityInfo, PointsSummary } from '../../../shared/points.js';
import { appError } from '../../../shared/errors.js';
import { requireStaff, type Ctx } from '../../context.js';
import { writeAudit } from '../audit.js';
import { mustGetWritable } from '../members/rows.js';
import { shopToday } from '../members/view.js';
import { growForActivity } from '../tiers/earnGrowth.js';
import { addEvent } from '../timeline.js';
import { credit } from './ledger.js';
import { loadPointsRules } from './rules.js';
import { pointsSummary } from './summary.js';

async function toActivities(ctx: Ctx, ids?: number[]): Promise<ActivityInfo[]> {
  let q = ctx.db
    .selectFrom('activities as a')
    .select((eb) => [
      'a.id',
      'a.name',
      'a.day',
      'a.points',
      'a.active',
      'a.created_at',
      eb
        .selectFrom('activity_attendees as t')
        .select(eb.fn.countAll<number>().as('n'))
        .whereRef('t.activity_id', '=', 'a.id')
        .as('attendees'),
    ]);
  if (ids) q = q.where('a.id', 'in', ids);
  const rows = await q.orderBy('a.day', 'desc').orderBy('a.id', 'desc').execute();
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    day: r.day,
    points: r.points,
    active: r.active === 1,
    attendees: Number(r.attendees ?? 0),
    createdAt: r.created_at,
  }));
}

export async function listActivities(ctx: Ctx, input: { forMember?: number | undefined }): Promise<ActivityInfo[]> {
  const all = await toActivities(ctx);
  if (input.forMember === undefined) return all;
  const today = shopToday(ctx);
  const attended = new Set(
    (
      await ctx.db
        .selectFrom('activity_attendees')
        .select('activity_id')
        .where('member_id', '=', input.forMember)
        .execute()
    ).map((r) => r.activity_id),
  );
  return all.filter((a) => a.active && a.day <= today && !attended.has(a.id));
}

export async function saveActivity(
  ctx: Ctx,
  input: { id?: number | undefined; name: string; day: string; points: number; active: boolean },
): Promise<ActivityInfo> {
  const me = requireStaff(ctx);
  let id = input.id;
  if (id === undefined) {
    const row = await ctx.db
      .insertInto('activities')
      .values({
        name: input.name,
        day: input.day,
        points: input.points,
        active: input.active ? 1 : 0,
        created_at: ctx.nowIso,
        created_by: me.id,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    id = row.id;
  } else {
    const r = await ctx.db
      .updateTable('activities')
      .set({ name: input.name, day: input.day, points: input.points, active: input.active ? 1 : 0 })
      .where('id', '=', id)
      .executeTakeFirst();
    if (Number(r.numUpdatedRows) === 0) throw appError('NOT_FOUND', 'errors.points.activityNotFound');
  }
  await writeAudit(ctx.db, { at: ctx.nowIso, staffId: me.id, action: 'activities.saved', details: { id, ...input } });
  return (await toActivities(ctx, [id]))[0]!;
}

/**
 * Marks a member as having attended: the activity's points, once per member (the primary key
 * stands behind the check), from the activity's day on — points changed later do not change
 * what earlier attendees got.
 */
export async function markAttendee(ctx: Ctx, input: { activityId: number; memberId: number }): Promise<PointsSummary> {
  const me = requireStaff(ctx);
  const activity = await ctx.db
    .selectFrom('activities')
    .selectAll()
    .where('id', '=', input.activityId)
    .executeTakeFirst();
  if (!activity) throw appError('NOT_FOUND', 'errors.points.activityNotFound');
  if (activity.active !== 1) throw appError('CONFLICT', 'errors.points.activityInactive');
  if (activity.day > shopToday(ctx)) throw appError('CONFLICT', 'errors.points.activityNotYet');
  const member = await mustGetWritable(ctx, input.memberId);
  const done = await ctx.db
    .selectFrom('activity_attendees')
    .select('entry_id')
    .where('activity_id', '=', activity.id)
    .where('member_id', '=', member.id)
    .executeTakeFirst();
  if (done) throw appError('CONFLICT', 'errors.points.alreadyAttended');
  const rules = await loadPointsRules(ctx.db);
  const entryId = await credit(
    ctx,
    rules,
    { memberId: member.id, kind: 'activity', refType: 'activity', refId: activity.id },
    activity.points,
    { freeze: false },
  );
  await ctx.db
    .insertInto('activity_attendees')
    .values({ activity_id: activity.id, member_id: member.id, entry_id: entryId, at: ctx.nowIso, staff_id: me.id })
    .execute();
  await addEvent(ctx, member.id, 'activity', { activityId: activity.id, name: activity.name, points: activity.points });
  await growForActivity(ctx, member.id, activity.id);
  return pointsSummary(ctx, member.id);
}
