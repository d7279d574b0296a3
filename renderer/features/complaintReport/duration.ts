import type { TFunction } from 'i18next';

export interface DurationParts {
  days: number;
  hours: number;
  minutes: number;
}

/**
 * A mean time split for reading: minutes under an hour, hours and minutes under a day, and days
 * and hours beyond (minutes no longer matter there, so the hours are rounded instead).
 */
export function durationParts(minutes: number): DurationParts {
  const total = Math.max(0, Math.round(minutes));
  if (total < 60) return { days: 0, hours: 0, minutes: total };
  if (total < 24 * 60) return { days: 0, hours: Math.floor(total / 60), minutes: total % 60 };
  const hours = Math.round(total / 60);
  return { days: Math.floor(hours / 24), hours: hours % 24, minutes: 0 };
}

/** "2小时15分" / "2 h 15 min", "1天3小时" / "1 day 3 h"; a dash when there is nothing to average. */
export function formatDuration(t: TFunction, minutes: number | null): string {
  if (minutes === null) return '–';
  const p = durationParts(minutes);
  const k = 'complaintReport.duration';
  if (p.days > 0)
    return p.hours > 0 ? t(`${k}.daysHours`, { count: p.days, h: p.hours }) : t(`${k}.days`, { count: p.days });
  if (p.hours > 0)
    return p.minutes > 0 ? t(`${k}.hoursMinutes`, { h: p.hours, m: p.minutes }) : t(`${k}.hours`, { h: p.hours });
  return t(`${k}.minutes`, { m: p.minutes });
}
