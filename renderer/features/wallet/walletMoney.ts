import type { TFunction } from 'i18next';
import { formatFen } from '../../../shared/rules/money.js';
import type { WalletEntry, WalletPackage } from '../../../shared/wallet.js';
import { yuanField } from '../points/money';

/** A yuan amount for a label: whole yuan without ".00" (a package "1000 / 100"), else two decimals. */
export function shortYuan(fen: number): string {
  const text = formatFen(fen);
  return text.endsWith('.00') ? text.slice(0, -3) : text;
}

/** Fen with its sign for a ledger column: "+100.00", "-24.41", "0.00". */
export function signedYuan(fen: number): string {
  return fen > 0 ? `+${formatFen(fen)}` : formatFen(fen);
}

/** A signed yuan amount typed for an adjustment ("-20", "15.5", "−3"): fen, or the translated problem. */
export function signedYuanField(t: TFunction, text: string): { fen: number } | { error: string } {
  const trimmed = text.trim();
  const negative = /^[-\u2212\uff0d]/.test(trimmed);
  const r = yuanField(t, negative ? trimmed.slice(1) : trimmed, false);
  return 'fen' in r && negative ? { fen: -r.fen } : r;
}

/** The fen of a typed amount when it parses, else null (the field shows its own problem). */
export function typedFen(t: TFunction, text: string): number | null {
  const r = yuanField(t, text, true);
  return 'fen' in r ? r.fen : null;
}

/** The packages a top-up of `paidFen` reaches, active ones only. */
export const reachable = (packages: WalletPackage[], paidFen: number | null): WalletPackage[] =>
  paidFen === null ? [] : packages.filter((p) => p.active && p.payFen <= paidFen);

/** The package a top-up of `paidFen` earns by default: the highest tier it reaches (then the richest bonus). */
export function bestPackage(packages: WalletPackage[], paidFen: number | null): WalletPackage | null {
  let best: WalletPackage | null = null;
  for (const p of reachable(packages, paidFen)) {
    if (!best || p.payFen > best.payFen || (p.payFen === best.payFen && p.bonusFen > best.bonusFen)) best = p;
  }
  return best;
}

/** The package's name as the deck says it: "充1000送100", with its bonus points if any. */
export function packageLabel(t: TFunction, p: WalletPackage): string {
  const label = t('wallet.packageLabel', { pay: shortYuan(p.payFen), bonus: shortYuan(p.bonusFen) });
  return p.bonusPoints > 0 ? label + t('wallet.packagePoints', { points: p.bonusPoints }) : label;
}

/** The ledger's word for an entry: reversals and spends say what they were for. */
export function entryKindKey(e: WalletEntry): string {
  if (e.kind === 'reversal') return e.refType === 'topup' ? 'reversalTopup' : 'reversal';
  if (e.kind === 'spend' && e.refType === 'visitcard') return 'spendVisitcard';
  if (e.kind === 'spendReturn' && e.refType === 'visitcardRefund') return 'spendReturnVisitcard';
  return e.kind;
}

/** The ledger's note for an entry: the reason typed, else what it refers to (a purchase, a card). */
export function entryNote(t: TFunction, e: WalletEntry): string {
  if (e.note) return e.note;
  if (e.refId === null || e.refType === '') return '';
  return t(`wallet.ledger.ref.${e.refType}`, { id: e.refId });
}
