import type { TFunction } from 'i18next';
import type { MemberFilters } from '../members/listFilters';

/**
 * The member list's filter as one sentence ("标签“老顾客”，5 月生日"), kept with the survey so its
 * readers know who was asked. Sorting does not change who is asked and is left out.
 */
export function describeFilter(t: TFunction, f: MemberFilters, tagName: string | null): string {
  const k = 'surveys.filter';
  const parts: string[] = [];
  if (f.tagId !== null) parts.push(t(`${k}.tag`, { name: tagName ?? `#${f.tagId}` }));
  if (f.source) parts.push(t(`${k}.source`, { value: t(`members.sources.${f.source}`) }));
  if (f.consent) parts.push(t(`${k}.consent`, { value: t(`members.consentChannels.${f.consent}`) }));
  if (f.gender) parts.push(t(`${k}.gender`, { value: t(`members.genders.${f.gender}`) }));
  if (f.birthdayMonth !== null) parts.push(t(`${k}.birthdayMonth`, { m: f.birthdayMonth }));
  if (f.joinedFrom && f.joinedTo) parts.push(t(`${k}.joinedBetween`, { from: f.joinedFrom, to: f.joinedTo }));
  else if (f.joinedFrom) parts.push(t(`${k}.joinedFrom`, { from: f.joinedFrom }));
  else if (f.joinedTo) parts.push(t(`${k}.joinedTo`, { to: f.joinedTo }));
  if (f.notConfirmed) parts.push(t(`${k}.notConfirmed`));
  if (f.archived) parts.push(t(`${k}.archived`));
  return parts.length ? parts.join(t(`${k}.separator`)) : t(`${k}.all`);
}
