import type { TFunction } from 'i18next';
import type { ComplaintCategory, ComplaintSettings, Severity } from '../../../shared/complaints.js';
import type { InputOf } from '../../../shared/contract/index.js';
import { formatFen } from '../../../shared/rules/money.js';
import { fieldProblem, yuanField } from '../points/money';

type Numbers = Record<Severity, number | string>;

/** The settings as the form holds them: numbers as typed, the limits in yuan. */
export interface SettingsValues {
  firstResponseHours: Numbers;
  resolutionDays: Numbers;
  priorityCutPct: number | string;
  clerkLimit: string;
  managerLimit: string;
  reopenDays: number | string;
  followupDays: number | string;
}

export function settingsValues(s: ComplaintSettings): SettingsValues {
  return {
    firstResponseHours: { ...s.firstResponseHours },
    resolutionDays: { ...s.resolutionDays },
    priorityCutPct: s.priorityCutPct,
    clerkLimit: formatFen(s.clerkLimitFen),
    managerLimit: formatFen(s.managerLimitFen),
    reopenDays: s.reopenDays,
    followupDays: s.followupDays,
  };
}

const severityNumbers = (v: Numbers): Record<Severity, number> => ({
  low: Number(v.low),
  normal: Number(v.normal),
  high: Number(v.high),
  urgent: Number(v.urgent),
});

const fen = (t: TFunction, text: string) => {
  const r = yuanField(t, text, true);
  return 'fen' in r ? r.fen : -1;
};

export function settingsInput(t: TFunction, v: SettingsValues): InputOf<'complaints.saveSettings'> {
  return {
    firstResponseHours: severityNumbers(v.firstResponseHours),
    resolutionDays: severityNumbers(v.resolutionDays),
    priorityCutPct: Number(v.priorityCutPct),
    clerkLimitFen: fen(t, v.clerkLimit),
    managerLimitFen: fen(t, v.managerLimit),
    reopenDays: Number(v.reopenDays),
    followupDays: Number(v.followupDays),
  };
}

/** Problems the form can see itself; the main process checks the ranges again. */
export function settingsValidation(t: TFunction) {
  return {
    clerkLimit: (v: string) => fieldProblem(yuanField(t, v, true)),
    managerLimit: (v: string) => fieldProblem(yuanField(t, v, true)),
  };
}

export const settingsRename = { clerkLimitFen: 'clerkLimit', managerLimitFen: 'managerLimit' };

export interface CategoryRow {
  id?: number;
  key: ComplaintCategory['key'];
  name: string;
  active: boolean;
}

export const categoryRows = (categories: ComplaintCategory[]): { categories: CategoryRow[] } => ({
  categories: categories.map((c) => ({ id: c.id, key: c.key, name: c.name ?? '', active: c.active })),
});

export function categoriesInput(rows: CategoryRow[]): InputOf<'complaints.saveCategories'> {
  return {
    categories: rows.map((r) => ({
      ...(r.id === undefined ? {} : { id: r.id }),
      name: r.name.trim(),
      active: r.active,
    })),
  };
}

/** The list with row `from` moved to `to`. */
export function moved<T>(rows: readonly T[], from: number, to: number): T[] {
  const next = [...rows];
  const [row] = next.splice(from, 1);
  next.splice(to, 0, row!);
  return next;
}
