import dayjs from 'dayjs';
import utc from 'dayjs/plugin/utc.js';
import timezone from 'dayjs/plugin/timezone.js';

dayjs.extend(utc);
dayjs.extend(timezone);

/**
 * The shop's business day for an instant: the calendar date in the shop's time zone, shifted back
 * by `dayStartHour` so a bar open until 3 a.m. books 01:30 on the previous day.
 */
export function businessDay(instantIso: string, timeZone: string, dayStartHour = 0): string {
  return dayjs(instantIso).tz(timeZone).subtract(dayStartHour, 'hour').format('YYYY-MM-DD');
}

export function isValidTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone });
    return true;
  } catch {
    return false;
  }
}

/** A real calendar date written YYYY-MM-DD (rejects 2023-02-29). */
export function isCalendarDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const [y, m, d] = value.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}
