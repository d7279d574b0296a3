import type { TFunction } from 'i18next';
import { parseMoneyFen } from '../../../shared/rules/importValues.js';

/**
 * A yuan amount typed at the counter ("268.5", "¥268.50", full-width digits) as fen, by the
 * importer's own string arithmetic: no float ever holds money. Returns the translated problem.
 */
export function yuanField(t: TFunction, text: string, required: boolean): { fen: number } | { error: string } {
  if (text.trim() === '') return required ? { error: t('errors.required') } : { fen: 0 };
  const r = parseMoneyFen(text);
  return r.ok ? { fen: r.value } : { error: t(`import.reason.${r.reason}`) };
}

export const fieldProblem = (r: { fen: number } | { error: string }): string | null => ('error' in r ? r.error : null);
