import { Select, type ComboboxItem } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Member } from '../../../shared/domain.js';
import { call } from '../../api/client';

interface Props {
  value: number | null;
  onChange(value: number | null): void;
  error?: ReactNode;
  /** The referrer already on the record, so the field shows their name before any search. */
  initial: Member['referrer'];
  /** A member cannot refer themselves. */
  excludeId?: number;
  /** The same picker finds the other record of a merge. */
  label?: string;
  placeholder?: string;
}

/** Picks the referring member through the counter search (phone tail, name, pinyin, number). */
export function ReferrerSelect({ value, onChange, error, initial, excludeId, label: fieldLabel, placeholder }: Props) {
  const { t } = useTranslation();
  const label = (m: { name: string; memberNo: string }) => `${m.name || t('members.noName')} · ${m.memberNo}`;
  const [picked, setPicked] = useState<ComboboxItem<number> | null>(
    initial ? { value: initial.id, label: label(initial) } : null,
  );
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search.trim(), 200);
  // Picking an option puts its label in the box: that is not a new search.
  const q = debounced === picked?.label ? '' : debounced;
  const results = useQuery({
    queryKey: ['members', 'search', q, 10],
    queryFn: () => call('members.search', { q, limit: 10 }),
    enabled: q.length > 0,
    placeholderData: keepPreviousData,
  });
  const found = (q ? (results.data ?? []) : [])
    .filter((m) => m.id !== excludeId && m.id !== picked?.value)
    .map((m) => ({ value: m.id, label: `${label(m)} · ${m.phone}` }));
  const data = picked && picked.value === value ? [picked, ...found] : found;

  return (
    <Select<number>
      label={fieldLabel ?? t('members.referrer')}
      placeholder={placeholder ?? t('members.referrerPlaceholder')}
      searchable
      clearable
      data={data}
      value={value}
      onChange={(v, option) => {
        setPicked(option);
        onChange(v);
      }}
      searchValue={search}
      onSearchChange={setSearch}
      filter={({ options }) => options}
      nothingFoundMessage={q && results.isFetched ? t('search.noResults') : undefined}
      error={error}
    />
  );
}
