import type { TFunction } from 'i18next';
import type {
  ComplaintCategory,
  ComplaintStatus,
  Compensation,
  CompensationKind,
  Severity,
} from '../../../shared/complaints.js';
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
