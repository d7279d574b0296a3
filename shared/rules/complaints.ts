import dayjs from 'dayjs';
import timezone from 'dayjs/plugin/timezone.js';
import utc from 'dayjs/plugin/utc.js';
import type { ComplaintAction, ComplaintSettings, ComplaintStatus, NpsFigures, Severity } from '../complaints.js';
import { businessDay } from './businessDay.js';
import { addDays } from './earning.js';

dayjs.extend(utc);
dayjs.extend(timezone);

/** The workflow's moves: which statuses an action may start from and where it leads. */
const moves: Partial<Record<ComplaintAction, Partial<Record<ComplaintStatus, ComplaintStatus>>>> = {
  // Assigning a new complaint moves it on; reassigning one being worked keeps its status.
  assign: { new: 'assigned', assigned: 'assigned', inProgress: 'inProgress' },
  start: { assigned: 'inProgress' },
  resolve: { assigned: 'resolved', inProgress: 'resolved' },
  close: { resolved: 'closed' },
  reopen: { resolved: 'inProgress', closed: 'inProgress' },
};

/** Where `action` takes a complaint in `status`, or null when the move is not allowed. */
export function nextStatus(status: ComplaintStatus, action: ComplaintAction): ComplaintStatus | null {
  return moves[action]?.[status] ?? null;
}

/** The percent of a target left after the member's tier priority (0–3) shortens it. */
export function priorityFactorPct(priority: number, cutPct: number): number {
  return Math.max(0, 100 - cutPct * priority);
}

/**
 * The instant a shop day ends: the next calendar day at the shop's day-start hour, on the shop's
 * wall clock (a shop open past midnight ends its day at, say, 04:00).
 */
export function shopDayEnd(day: string, timeZone: string, dayStartHour: number): string {
  const next = addDays(day, 1);
  return dayjs.tz(`${next} ${String(dayStartHour).padStart(2, '0')}:00`, timeZone).toISOString();
}

export interface SlaDue {
  firstResponseDue: string;
  resolutionDue: string;
}

/**
 * A complaint's targets: the first response within its severity's hours (wall-clock time, the shop
 * answers the phone), the resolution by the end of the shop day that many days after the day it
 * was logged. The member's tier priority shortens both by `priorityCutPct` per level, rounding down
 * to whole minutes and whole days; a resolution target of one day or more is never cut below one
 * day (only a severity whose own target is the same day is due the same day).
 */
export function slaDue(
  loggedAt: string,
  severity: Severity,
  priority: number,
  settings: Pick<ComplaintSettings, 'firstResponseHours' | 'resolutionDays' | 'priorityCutPct'>,
  timeZone: string,
  dayStartHour: number,
): SlaDue {
  const factor = priorityFactorPct(priority, settings.priorityCutPct);
  const minutes = Math.floor((settings.firstResponseHours[severity] * 60 * factor) / 100);
  const base = settings.resolutionDays[severity];
  const days = base === 0 ? 0 : Math.max(1, Math.floor((base * factor) / 100));
  const day = businessDay(loggedAt, timeZone, dayStartHour);
  return {
    firstResponseDue: new Date(Date.parse(loggedAt) + minutes * 60_000).toISOString(),
    resolutionDue: shopDayEnd(addDays(day, days), timeZone, dayStartHour),
  };
}

/** Past a target that is still open at `nowIso`. */
export function isOverdue(
  c: { status: ComplaintStatus; firstResponseDue: string; firstResponseAt: string | null; resolutionDue: string },
  nowIso: string,
): boolean {
  if (c.status === 'resolved' || c.status === 'closed') return false;
  if (c.firstResponseAt === null && c.firstResponseDue < nowIso) return true;
  return c.resolutionDue < nowIso;
}

/** Net Promoter Score: 9–10 promote, 7–8 are passive, 0–6 detract; promoters minus detractors in percent. */
export function npsOf(scores: readonly number[]): NpsFigures {
  const promoters = scores.filter((s) => s >= 9).length;
  const detractors = scores.filter((s) => s <= 6).length;
  return npsFigures(promoters, scores.length - promoters - detractors, detractors);
}

/** The same figures from counts made elsewhere (in SQL, over a survey of many thousand members). */
export function npsFigures(promoters: number, passives: number, detractors: number): NpsFigures {
  const responses = promoters + passives + detractors;
  return {
    promoters,
    passives,
    detractors,
    responses,
    nps: responses === 0 ? null : Math.round(((promoters - detractors) * 100) / responses),
  };
}

/** The mean CSAT score (1–5) to two decimals, or null without scores. */
export function csatAverage(scores: readonly number[]): number | null {
  if (scores.length === 0) return null;
  return Math.round((scores.reduce((a, b) => a + b, 0) * 100) / scores.length) / 100;
}

/** A share in whole percent, or null when there is nothing to share. */
export function percentOf(part: number, whole: number): number | null {
  return whole === 0 ? null : Math.round((part * 100) / whole);
}
