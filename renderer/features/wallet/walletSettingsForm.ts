import type { TFunction } from 'i18next';
import type { InputOf } from '../../../shared/contract/index.js';
import { formatFen } from '../../../shared/rules/money.js';
import type { DrawOrder, StoredValuePoints, WalletPackage, WalletSettings } from '../../../shared/wallet.js';
import { fieldProblem, yuanField } from '../points/money';

/** The settings as the form holds them: numbers as typed, the cap in yuan. */
export interface WalletSettingsValues {
  drawOrder: DrawOrder;
  pointsOnStoredValue: StoredValuePoints;
  cap: string;
  refundFeePct: number | string;
  visitcardRefundFeePct: number | string;
  expiringDays: number | string;
  terms: string;
}

export const walletSettingsValues = (s: WalletSettings): WalletSettingsValues => ({
  drawOrder: s.drawOrder,
  pointsOnStoredValue: s.pointsOnStoredValue,
  cap: formatFen(s.capFen),
  refundFeePct: s.refundFeePct,
  visitcardRefundFeePct: s.visitcardRefundFeePct,
  expiringDays: s.expiringDays,
  terms: s.terms,
});

/** Typed yuan as fen; -1 (refused by the main process) when the form's own check was skipped. */
const fen = (t: TFunction, text: string) => {
  const r = yuanField(t, text, true);
  return 'fen' in r ? r.fen : -1;
};

/** The cap typed so far in fen, or null while it does not parse. */
export const typedCapFen = (t: TFunction, text: string): number | null => {
  const r = yuanField(t, text, true);
  return 'fen' in r ? r.fen : null;
};

export const walletSettingsInput = (t: TFunction, v: WalletSettingsValues): InputOf<'wallet.saveSettings'> => ({
  drawOrder: v.drawOrder,
  pointsOnStoredValue: v.pointsOnStoredValue,
  capFen: fen(t, v.cap),
  refundFeePct: Number(v.refundFeePct),
  visitcardRefundFeePct: Number(v.visitcardRefundFeePct),
  expiringDays: Number(v.expiringDays),
  terms: v.terms,
});

export const walletSettingsValidation = (t: TFunction) => ({
  cap: (v: string) => fieldProblem(yuanField(t, v, true)),
  terms: (v: string) => (v.trim() ? null : t('errors.required')),
});

export const walletSettingsRename = { capFen: 'cap' };

/** A package as the editor holds it: amounts in yuan as typed. */
export interface PackageRow {
  id?: number;
  pay: string;
  bonus: string;
  bonusPoints: number | string;
  active: boolean;
}

export const packageRows = (packages: WalletPackage[]): { packages: PackageRow[] } => ({
  packages: packages.map((p) => ({
    id: p.id,
    pay: formatFen(p.payFen),
    bonus: formatFen(p.bonusFen),
    bonusPoints: p.bonusPoints,
    active: p.active,
  })),
});

export const packagesInput = (t: TFunction, rows: PackageRow[]): InputOf<'wallet.savePackages'> => ({
  packages: rows.map((r) => ({
    ...(r.id === undefined ? {} : { id: r.id }),
    payFen: fen(t, r.pay),
    bonusFen: fen(t, r.bonus),
    bonusPoints: Number(r.bonusPoints || 0),
    active: r.active,
  })),
});

/** Problems the editor sees itself; the main process checks again (and the duplicate amounts). */
export const packagesValidation = (t: TFunction) => ({
  packages: {
    pay: (v: string) => fieldProblem(yuanField(t, v, true)),
    bonus: (v: string) => fieldProblem(yuanField(t, v, true)),
  },
});

/** The main process names a row's fields `packages.<i>.payFen`; the editor holds them as `packages.<i>.pay`. */
export const packagesRename = (count: number): Record<string, string> =>
  Object.fromEntries(
    Array.from({ length: count }, (_, i) => [
      [`packages.${i}.payFen`, `packages.${i}.pay`],
      [`packages.${i}.bonusFen`, `packages.${i}.bonus`],
    ]).flat(),
  );

/** A row whose bonus is more than its amount paid: allowed, but likely the two typed the wrong way round. */
export function bonusOverPay(t: TFunction, r: PackageRow): boolean {
  const pay = yuanField(t, r.pay, true);
  const bonus = yuanField(t, r.bonus, true);
  return 'fen' in pay && 'fen' in bonus && bonus.fen > pay.fen;
}
