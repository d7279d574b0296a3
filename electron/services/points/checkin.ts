import type { CheckInResult } from '../../../shared/points.js';
import { appError } from '../../../shared/errors.js';
import { addDays, streakBonus } from '../../../shared/rules/earning.js';
import { requireStaff, type Ctx } from '../../context.js';
import { mustGetWritable } from '../members/rows.js';
import { shopToday } from '../members/view.js';
import { addEvent } from '../timeline.js';
import { credit } from './ledger.js';
import { loadPointsRules } from './rules.js';
import { pointsSummary } from './summary.js';

function lastCheckIn(ctx: Ctx, memberId: number) {
  return ctx.db
    .selectFrom('checkins')
    .select(['day', 'streak'])
    .where('member_id', '=', memberId)
    .orderBy('day', 'desc')
    .limit(1)
    .executeTakeFirst();
}

/**
 * 签到 at the counter: once per business day. Yesterday's check-in continues the streak, any gap
 * starts it again at 1; the streak bonus is paid on its days (7, 14 … for a 7-day bonus).
 */
export async function checkIn(ctx: Ctx, input: { memberId: number }): Promise<CheckInResult> {
  const me = requireStaff(ctx);
  const member = await mustGetWritable(ctx, input.memberId);
  if (member.archived_at !== null) throw appError('CONFLICT', 'errors.purchase.memberArchived');
  const rules = await loadPointsRules(ctx.db);
  if (rules.checkIn.points <= 0 && rules.checkIn.streakBonuses.length === 0)
    throw appError('CONFLICT', 'errors.points.checkInOff');
  const today = shopToday(ctx);
  const last = await lastCheckIn(ctx, member.id);
  if (last?.day === today)
    throw appError('CONFLICT', 'errors.points.checkedInToday', { params: { streak: last.streak } });
  const streak = last && last.day === addDays(today, -1) ? last.streak + 1 : 1;
  const bonus = streakBonus(rules.checkIn.streakBonuses, streak);
  const points = rules.checkIn.points + bonus;
  const entryId =
    points > 0
      ? await credit(ctx, rules, { memberId: member.id, kind: 'checkin', refType: 'checkin' }, points, {
          freeze: false,
        })
      : null;
  await ctx.db
    .insertInto('checkins')
    .values({ member_id: member.id, day: today, streak, entry_id: entryId, at: ctx.nowIso, staff_id: me.id })
    .execute();
  await addEvent(ctx, member.id, 'checkin', { streak, points, bonus });
  return { streak, points, bonus, summary: await pointsSummary(ctx, member.id) };
}

/** The member's current streak: still alive if the last check-in was today or yesterday. */
export async function currentStreak(ctx: Ctx, memberId: number): Promise<{ streak: number; today: boolean }> {
  const today = shopToday(ctx);
  const last = await lastCheckIn(ctx, memberId);
  if (!last) return { streak: 0, today: false };
  if (last.day === today) return { streak: last.streak, today: true };
  return { streak: last.day === addDays(today, -1) ? last.streak : 0, today: false };
}
