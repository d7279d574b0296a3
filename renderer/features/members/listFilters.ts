import { create } from 'zustand';
import type { InputOf } from '../../../shared/contract/index.js';
import type { ConsentChannel, Gender, MemberSource } from '../../../shared/domain.js';

type ListInput = InputOf<'members.list'>;
export type MemberSort = NonNullable<ListInput['sort']>;
export const memberSorts = ['joined', 'name', 'updated'] as const satisfies readonly MemberSort[];

export interface MemberFilters {
  tagId: number | null;
  source: MemberSource | null;
  consent: ConsentChannel | null;
  gender: Gender | null;
  birthdayMonth: number | null;
  /** `YYYY-MM-DD` from the date inputs; empty when not set. */
  joinedFrom: string;
  joinedTo: string;
  notConfirmed: boolean;
  archived: boolean;
  sort: MemberSort;
  direction: 'asc' | 'desc';
}

export const noFilters: MemberFilters = {
  tagId: null,
  source: null,
  consent: null,
  gender: null,
  birthdayMonth: null,
  joinedFrom: '',
  joinedTo: '',
  notConfirmed: false,
  archived: false,
  sort: 'joined',
  direction: 'desc',
};

interface ListState {
  filters: MemberFilters;
  page: number;
  /** Members ticked for bulk tagging; cleared when the filters change, so no hidden row is acted on. */
  selected: number[];
  /** "All that match": bulk tagging acts on every member the filters match, not just the ticks. */
  allMatching: boolean;
  setFilter<K extends keyof MemberFilters>(key: K, value: MemberFilters[K]): void;
  clearFilters(): void;
  setPage(page: number): void;
  setSelected(ids: number[]): void;
  setAllMatching(all: boolean): void;
}

/** Kept outside the page, so coming back from a member finds the list as it was left. */
export const useMemberList = create<ListState>((set) => ({
  filters: noFilters,
  page: 1,
  selected: [],
  allMatching: false,
  setFilter: (key, value) =>
    set((s) => ({ filters: { ...s.filters, [key]: value }, page: 1, selected: [], allMatching: false })),
  clearFilters: () => set({ filters: noFilters, page: 1, selected: [], allMatching: false }),
  setPage: (page) => set({ page }),
  setSelected: (selected) => set({ selected, allMatching: false }),
  setAllMatching: (allMatching) => set({ allMatching }),
}));

/** The filters alone, as bulk tagging of "all that match" sends them. */
export function filterInput(f: MemberFilters): InputOf<'tags.applyToFilter'>['filter'] {
  const { sort: _sort, direction: _direction, ...rest } = f;
  return { ...rest, joinedFrom: f.joinedFrom || null, joinedTo: f.joinedTo || null };
}

export function listInput(f: MemberFilters, page: number, pageSize: number): ListInput {
  return { ...f, joinedFrom: f.joinedFrom || null, joinedTo: f.joinedTo || null, page, pageSize };
}
