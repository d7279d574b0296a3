/**
 * Plain calendar dates (`YYYY-MM-DD`: birthdays, joined on, business days) are shown as stored:
 * they are days, not instants, so no time zone applies. Instants go through renderer/ui/format.
 */
export function formatDay(day: string): string {
  return day;
}
