import { useTranslation } from 'react-i18next';
import { shopNow, useSession } from '../../stores/session';
import { dateTimeText, dueAtText } from './complaintText';

type Style = 'long' | 'short';

/**
 * Times on the shop's clock in the user's language: `dueAt` reads a shop day's end as such ("12月2日
 * 营业结束"), `at` is any other time; `short` (lists) drops the year when it is this year's.
 */
export function useDueAt(): {
  dueAt: (iso: string, style?: Style) => string;
  at: (iso: string, style?: Style) => string;
} {
  const { t, i18n } = useTranslation();
  const settings = useSession((s) => s.session?.settings);
  const clock = {
    timeZone: settings?.timeZone ?? 'Asia/Shanghai',
    dayStartHour: settings?.dayStartHour ?? 0,
    language: i18n.language,
    nowMs: shopNow(),
  };
  return {
    dueAt: (iso, style = 'long') => dueAtText(t, iso, clock, style),
    at: (iso, style = 'long') => dateTimeText(iso, clock, style),
  };
}
