const wallClocks = new Map<string, Intl.DateTimeFormat>();

/** The shop's wall clock (date and hour) at an instant. One formatter per zone: building one is slow. */
function wallClock(instant: Date, timeZone: string): { y: number; m: number; d: number; h: number } {
  let f = wallClocks.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
    });
    wallClocks.set(timeZone, f);
  }
  const v: Record<string, number> = {};
  for (const p of f.formatToParts(instant)) if (p.type !== 'literal') v[p.type] = Number(p.value);
  return { y: v.year!, m: v.month!, d: v.day!, h: v.hour! };
}

/**
 * The shop's business day for an instant: the calendar date in the shop's time zone, shifted back
 * by `dayStartHour` so a bar open until 3 a.m. books 01:30 on the previous day. On the hot path of
 * every write (a purchase, a check-in), so it avoids dayjs's per-call time-zone formatter.
 */
export function businessDay(instantIso: string, timeZone: string, dayStartHour = 0): string {
  const w = wallClock(new Date(instantIso), timeZone);
  return new Date(Date.UTC(w.y, w.m - 1, w.d, w.h - dayStartHour)).toISOString().slice(0, 10);
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
