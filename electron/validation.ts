import type { z } from 'zod';
import type { AppErrorData, FieldError } from '../shared/errors.js';

/**
 * Zod issues → one translated message per field. Schemas name their own i18n keys; zod's built-in
 * messages (wrong type, missing field) are mapped to generic keys here.
 */
export function validationError(error: z.ZodError): AppErrorData {
  const fields: Record<string, FieldError> = {};
  for (const issue of error.issues) {
    const field = issue.path.join('.') || '_';
    if (fields[field]) continue;
    let messageKey = issue.message.startsWith('errors.') ? issue.message : 'errors.invalid';
    // An emptied number field arrives as '' (or null): that is a missing value, not a malformed one.
    if (issue.code === 'invalid_type' && (issue.input === undefined || issue.input === '' || issue.input === null))
      messageKey = 'errors.required';
    const fe: FieldError = { messageKey };
    if (issue.code === 'too_small' || issue.code === 'too_big') {
      const limit = issue.code === 'too_small' ? issue.minimum : issue.maximum;
      fe.params = { limit: Number(limit) };
    }
    fields[field] = fe;
  }
  return { code: 'VALIDATION', messageKey: 'errors.validation', fields };
}
