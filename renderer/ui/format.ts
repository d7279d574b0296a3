import { useTranslation } from 'react-i18next';
import { useSession } from '../stores/session';

/**
 * Times are stored in UTC and shown in the shop's time zone (not the PC's, which may be set
 * wrong), in the user's language.
 */
export function useFormat() {
  const { i18n } = useTranslation();
  const timeZone = useSession((s) => s.session?.settings.timeZone) ?? 'Asia/Shanghai';
  const locale = i18n.language === 'en' ? 'en-GB' : 'zh-CN';
  const dateTime = new Intl.DateTimeFormat(locale, { timeZone, dateStyle: 'medium', timeStyle: 'short' });
  const date = new Intl.DateTimeFormat(locale, { timeZone, dateStyle: 'medium' });
  // A shop day (YYYY-MM-DD) is already a date in the shop's calendar: format it as such, in UTC.
  const day = new Intl.DateTimeFormat(locale, { timeZone: 'UTC', dateStyle: 'medium' });
  return {
    dateTime: (iso: string) => dateTime.format(new Date(iso)),
    date: (iso: string) => date.format(new Date(iso)),
    day: (ymd: string) => day.format(new Date(`${ymd}T00:00:00Z`)),
  };
}
