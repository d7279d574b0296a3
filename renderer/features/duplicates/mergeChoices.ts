import { mergeFields, type Member, type MergeField } from '../../../shared/domain.js';

export type Side = 'a' | 'b';

/** The stored value of a field, for "are they the same" and "is it empty". */
export function rawValue(m: Member, field: MergeField): string {
  switch (field) {
    case 'gender':
      return m.gender === 'unspecified' ? '' : m.gender;
    case 'source':
      return `${m.source}:${m.referrer?.id ?? ''}`;
    default:
      return m[field] ?? '';
  }
}

/** The older record stays by default: its number is the one on the member's card and receipts. */
export function defaultSurvivor(a: Member, b: Member): Side {
  if (a.joinedOn !== b.joinedOn) return a.joinedOn < b.joinedOn ? 'a' : 'b';
  return a.id < b.id ? 'a' : 'b';
}

/** Each field keeps the surviving record's value, unless only the other record has one. */
export function defaultChoices(a: Member, b: Member, survivor: Side): Record<MergeField, Side> {
  const other: Side = survivor === 'a' ? 'b' : 'a';
  const bySide = { a, b };
  return Object.fromEntries(
    mergeFields.map((f) => [f, !rawValue(bySide[survivor], f) && rawValue(bySide[other], f) ? other : survivor]),
  ) as Record<MergeField, Side>;
}

/** The fields whose value comes from the record that is merged away. */
export function takenFields(choices: Record<MergeField, Side>, survivor: Side): MergeField[] {
  return mergeFields.filter((f) => choices[f] !== survivor);
}
