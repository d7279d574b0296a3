/**
 * Errors cross both transports as data, never as thrown stacks:
 * `{ ok: false, error: { code, messageKey, fields?, params?, requestId? } }`.
 * `messageKey` is an i18n key under `errors.`; `fields` maps a form field to its own key so the
 * renderer can show the message on the right input, in the user's language.
 */
export type ErrorCode =
  | 'VALIDATION'
  | 'UNAUTHENTICATED'
  | 'SESSION_EXPIRED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'IDEMPOTENCY_CONFLICT'
  | 'BAD_STATE'
  | 'RATE_LIMITED'
  | 'LOCKED_OUT'
  | 'BAD_CREDENTIALS'
  | 'BAD_PASSPHRASE'
  | 'CLOCK_HELD'
  | 'INTERNAL';

export interface FieldError {
  messageKey: string;
  params?: Record<string, string | number>;
}

export interface AppErrorData {
  code: ErrorCode;
  messageKey: string;
  params?: Record<string, string | number>;
  fields?: Record<string, FieldError>;
  /** Extra machine-readable detail, e.g. the member who already has a phone. */
  details?: Record<string, unknown>;
  /** Present on INTERNAL errors: the id written to the log next to the stack. */
  requestId?: string;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: AppErrorData };

/** Thrown by services; dispatch turns it into `{ ok: false, error }`. */
export class AppError extends Error {
  readonly data: AppErrorData;
  constructor(data: AppErrorData) {
    super(data.messageKey);
    this.name = 'AppError';
    this.data = data;
  }
}

export function appError(
  code: ErrorCode,
  messageKey: string,
  extra: Omit<AppErrorData, 'code' | 'messageKey'> = {},
): AppError {
  return new AppError({ code, messageKey, ...extra });
}

export function fieldError(field: string, messageKey: string, params?: Record<string, string | number>): AppError {
  return new AppError({
    code: 'VALIDATION',
    messageKey: 'errors.validation',
    fields: { [field]: params ? { messageKey, params } : { messageKey } },
  });
}
