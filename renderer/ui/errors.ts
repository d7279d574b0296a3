import { notifications } from '@mantine/notifications';
import type { TFunction } from 'i18next';
import type { AppErrorData } from '../../shared/errors.js';
import { ApiError } from '../api/client';

export function errorData(e: unknown): AppErrorData {
  return e instanceof ApiError ? e.data : { code: 'INTERNAL', messageKey: 'errors.internal' };
}

/** The error's own message in the user's language, with the log reference for unexpected ones. */
export function errorMessage(t: TFunction, e: unknown): string {
  const d = errorData(e);
  const text = t(d.messageKey, d.params ?? {});
  return d.requestId ? `${text} — ${t('common.reference', { id: d.requestId })}` : text;
}

export function notifyError(t: TFunction, e: unknown): void {
  notifications.show({ color: 'red', message: errorMessage(t, e) });
}

interface FormLike {
  setFieldError(path: string, error: string): void;
  getValues(): object;
}

/**
 * Puts each field error from the main process on its input; anything that is not about a field
 * on this form becomes a notification. `rename` maps a contract field to the form's own name
 * (the form holds "268.50" as `amount`, the contract `amountFen`).
 */
export function showErrors(t: TFunction, form: FormLike, e: unknown, rename: Record<string, string> = {}): void {
  const d = errorData(e);
  let shown = false;
  for (const [contractField, fe] of Object.entries(d.fields ?? {})) {
    const field = rename[contractField] ?? contractField;
    if (field.split('.')[0]! in form.getValues()) {
      form.setFieldError(field, t(fe.messageKey, fe.params ?? {}));
      shown = true;
    }
  }
  if (!shown) notifyError(t, e);
}
