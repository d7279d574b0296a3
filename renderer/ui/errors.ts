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
 * on this form becomes a notification.
 */
export function showErrors(t: TFunction, form: FormLike, e: unknown): void {
  const d = errorData(e);
  let shown = false;
  for (const [field, fe] of Object.entries(d.fields ?? {})) {
    if (field.split('.')[0]! in form.getValues()) {
      form.setFieldError(field, t(fe.messageKey, fe.params ?? {}));
      shown = true;
    }
  }
  if (!shown) notifyError(t, e);
}
