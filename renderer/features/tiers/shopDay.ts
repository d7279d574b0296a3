import { businessDay } from '../../../shared/rules/businessDay.js';
import { shopNow, useSession } from '../../stores/session';

/** Today's business day in the shop's time zone (YYYY-MM-DD), as the main process counts days. */
export function useShopToday(): string {
  const settings = useSession((s) => s.session?.settings);
  return businessDay(
    new Date(shopNow()).toISOString(),
    settings?.timeZone ?? 'Asia/Shanghai',
    settings?.dayStartHour ?? 0,
  );
}

/** The first and last day of the month a shop day falls in. */
export function monthOf(day: string): { from: string; to: string } {
  const [y, m] = day.split('-').map(Number) as [number, number];
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return { from: `${day.slice(0, 7)}-01`, to: `${day.slice(0, 7)}-${String(last).padStart(2, '0')}` };
}
