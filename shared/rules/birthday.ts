import { Lunar, Solar } from 'lunar-typescript';

/** Whole years between a YYYY-MM-DD birthday and today (both plain dates in the shop's zone). */
export function ageOn(birthday: string, today: string): number {
  const [by, bm, bd] = birthday.split('-').map(Number) as [number, number, number];
  const [ty, tm, td] = today.split('-').map(Number) as [number, number, number];
  return ty - by - (tm < bm || (tm === bm && td < bd) ? 1 : 0);
}

/**
 * The solar date of a lunar-calendar birthday ("MM-DD") on or after `today`. A 30th in a lunar
 * month that has only 29 days falls on the 29th; a birthday in a leap month is kept in the regular
 * month of that number, as families usually do.
 */
export function nextLunarBirthday(lunarMonthDay: string, today: string): string {
  const [m, d] = lunarMonthDay.split('-').map(Number) as [number, number];
  const [ty, tm, td] = today.split('-').map(Number) as [number, number, number];
  const lunarYear = Solar.fromYmd(ty, tm, td).getLunar().getYear();
  for (const year of [lunarYear - 1, lunarYear, lunarYear + 1]) {
    let solar: string;
    try {
      solar = Lunar.fromYmd(year, m, d).getSolar().toYmd();
    } catch {
      solar = Lunar.fromYmd(year, m, 29).getSolar().toYmd();
    }
    if (solar >= today) return solar;
  }
  throw new Error('unreachable: a lunar date recurs within two years');
}
