import type { TFunction } from 'i18next';
import type {
  ComplaintCategory,
  ComplaintStatus,
  Compensation,
  CompensationKind,
  Severity,
} from '../../../shared/complaints.js';
import { businessDay } from '../../../shared/rules/businessDay.js';
import { formatFen } from '../../../shared/rules/money.js';

export const severityColors: Record<Severity, string> = { low: 'gray', normal: 'blue', high: 'orange', urgent: 'red' };

export const statusColors: Record<ComplaintStatus, string> = {
  new: 'grape',
  assigned: 'cyan',
  inProgress: 'blue',
  resolved: 'teal',
  closed: 'gray',
};

/** A category's name: the shop's own when it renamed it, else the built-in one in the user's language. */
export function categoryName(c: Pick<ComplaintCategory, 'key' | 'name'>, t: TFunction): string {
  if (c.name) return c.name;
  return c.key ? t(`complaints.categories.${c.key}`) : '';
}

/** A span of time in whole days, hours and minutes (rounded down to the minute). */
export function splitDuration(ms: number): { d: number; h: number; m: number } {
  const minutes = Math.floor(Math.abs(ms) / 60_000);
  return { d: Math.floor(minutes / 1440), h: Math.floor((minutes % 1440) / 60), m: minutes % 60 };
}

export function durationText(t: TFunction, ms: number): string {
  const p = splitDuration(ms);
  if (p.d > 0) return t('complaints.duration.days', p);
  if (p.h > 0) return t('complaints.duration.hours', p);
  return t('complaints.duration.minutes', p);
}

export type DueState =
  | { state: 'met' }
  | { state: 'late'; ms: number }
  | { state: 'left'; ms: number }
  | { state: 'over'; ms: number }
  /** Not done, but the complaint is no longer being worked on (it cannot be late any more). */
  | { state: 'none' };

/** Where a target stands: met (in time or late), or still open with the time left or past it. */
export function dueState(due: string, doneAt: string | null, open: boolean, nowMs: number): DueState {
  const dueMs = Date.parse(due);
  if (doneAt !== null) {
    const late = Date.parse(doneAt) - dueMs;
    return late > 0 ? { state: 'late', ms: late } : { state: 'met' };
  }
  if (!open) return { state: 'none' };
  return nowMs > dueMs ? { state: 'over', ms: nowMs - dueMs } : { state: 'left', ms: dueMs - nowMs };
}

export function dueText(t: TFunction, s: DueState): string {
  switch (s.state) {
    case 'met':
      return t('complaints.due.met');
    case 'late':
      return t('complaints.due.late', { time: durationText(t, s.ms) });
    case 'left':
      return t('complaints.due.left', { time: durationText(t, s.ms) });
    case 'over':
      return t('complaints.due.over', { time: durationText(t, s.ms) });
    case 'none':
      return '';
  }
}

/** What reading a due time needs: the shop's clock (zone, day-start hour), the UI language and now. */
export interface DueClock {
  timeZone: string;
  dayStartHour: number;
  language: string;
  nowMs: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(locale: string, timeZone: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale} ${timeZone} ${JSON.stringify(options)}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(locale, { ...options, timeZone });
    formatters.set(key, f);
  }
  return f;
}

/** Hour, minute, second and year on the shop's wall clock. */
function wallTime(ms: number, timeZone: string): { y: number; h: number; m: number; s: number } {
  const f = formatter('en-US', timeZone, {
    hourCycle: 'h23',
    year: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  });
  const v: Record<string, number> = {};
  for (const p of f.formatToParts(new Date(ms))) if (p.type !== 'literal') v[p.type] = Number(p.value);
  return { y: v.year!, h: v.hour! % 24, m: v.minute!, s: v.second! };
}

/**
 * The shop day (YYYY-MM-DD) that ends at this instant, when it is exactly a shop day's end: the
 * day-start hour on the shop's wall clock. Resolution targets are such ends; shown as a time they
 * read "00:00 on the 3rd", which looks like the start of the 3rd rather than the end of the 2nd.
 */
export function shopDayEndingAt(iso: string, timeZone: string, dayStartHour: number): string | null {
  const ms = Date.parse(iso);
  if (ms % 1000 !== 0) return null;
  const w = wallTime(ms, timeZone);
  if (w.h !== dayStartHour || w.m !== 0 || w.s !== 0) return null;
  return businessDay(new Date(ms - 1).toISOString(), timeZone, dayStartHour);
}

/**
 * A due time in words: "12月2日 营业结束" / "end of 2 Dec" when it is a shop day's end, else the
 * date and time. `long` gives the year always (as the rest of a detail page); `short`, for lists,
 * only when it is not this year.
 */
export function dueAtText(t: TFunction, iso: string, clock: DueClock, style: 'long' | 'short' = 'long'): string {
  const endOf = shopDayEndingAt(iso, clock.timeZone, clock.dayStartHour);
  if (endOf === null) return dateTimeText(iso, clock, style);
  // A shop day is a date in the shop's calendar already: format it in UTC. Its year, not the
  // instant's, decides (the end of 31 Dec is on 1 Jan).
  const thisYear = Number(endOf.slice(0, 4)) === wallTime(clock.nowMs, clock.timeZone).y;
  const options: Intl.DateTimeFormatOptions =
    style === 'long' || !thisYear ? { dateStyle: 'medium' } : { month: 'short', day: 'numeric' };
  const day = formatter(localeOf(clock), 'UTC', options).format(new Date(`${endOf}T00:00:00Z`));
  return t('complaints.due.dayEnd', { day });
}

/** A time on the shop's clock, as `useFormat().dateTime` (long) or without this year (short, for lists). */
export function dateTimeText(iso: string, clock: DueClock, style: 'long' | 'short' = 'long'): string {
  const options: Intl.DateTimeFormatOptions = withYear(iso, clock, style)
    ? { dateStyle: 'medium', timeStyle: 'short' }
    : { month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' };
  return formatter(localeOf(clock), clock.timeZone, options).format(new Date(iso));
}

const localeOf = (clock: DueClock) => (clock.language === 'en' ? 'en-GB' : 'zh-CN');

function withYear(iso: string, clock: DueClock, style: 'long' | 'short'): boolean {
  return style === 'long' || wallTime(Date.parse(iso), clock.timeZone).y !== wallTime(clock.nowMs, clock.timeZone).y;
}

/** The compensation in words, from a complaint's detail or from a timeline event's data. */
export function compensationText(
  t: TFunction,
  c: { kind: CompensationKind; points?: number; reward?: string; amountFen?: number },
): string {
  switch (c.kind) {
    case 'apology':
      return t('complaints.compensationText.apology');
    case 'points':
      return t('complaints.compensationText.points', { points: c.points ?? 0 });
    case 'coupon':
      return t('complaints.compensationText.coupon', { reward: c.reward ?? '' });
    case 'refund':
      return t('complaints.compensationText.refund', { amount: yuan(c.amountFen ?? 0) });
  }
}

export function detailCompensationText(t: TFunction, c: Compensation): string {
  switch (c.kind) {
    case 'coupon':
      return compensationText(t, { kind: 'coupon', reward: c.rewardName });
    default:
      return compensationText(t, c);
  }
}

/** Yuan for a sentence: whole amounts without the ".00" ("¥50", "¥12.50"). */
export function yuan(fen: number): string {
  return formatFen(fen).replace(/\.00$/, '');
}

/** What a reward given as compensation is worth: its face value, else its points cost at the point value. */
export function rewardWorthFen(r: { valueFen: number | null; pointsCost: number }, pointValueFen: number): number {
  return r.valueFen ?? r.pointsCost * pointValueFen;
}
