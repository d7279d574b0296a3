import { z } from 'zod';
import { channel } from './channel.js';
import type { SessionInfo } from '../domain.js';
import { passphrase, password, pin, username } from './fields.js';

export const authChannels = {
  'auth.signIn': channel<SessionInfo>()({
    input: z.object({ username, password: z.string().min(1, 'errors.required') }),
    access: 'public',
    idempotent: false,
    rateLimited: true,
  }),
  /** Quick switch on a shared counter PC. */
  'auth.signInPin': channel<SessionInfo>()({
    input: z.object({ username, pin }),
    access: 'public',
    idempotent: false,
    rateLimited: true,
  }),
  /** Names for the quick-switch picker: active staff who have set a PIN. */
  'auth.pinUsers': channel<{ username: string; displayName: string }[]>()({
    input: z.object({}),
    access: 'public',
    idempotent: false,
  }),
  /** A forgotten owner password is reset with the recovery passphrase. */
  'auth.resetOwnerPassword': channel<{ ok: true }>()({
    input: z.object({ passphrase, username, newPassword: password }),
    access: 'public',
    idempotent: true,
    rateLimited: true,
  }),
  'auth.signOut': channel<{ ok: true }>()({ input: z.object({}), access: 'session', idempotent: false }),
  'auth.me': channel<SessionInfo>()({ input: z.object({}), access: 'session', idempotent: false }),
  'auth.changePassword': channel<{ ok: true }>()({
    input: z.object({ currentPassword: z.string().min(1, 'errors.required'), newPassword: password }),
    access: 'session',
    idempotent: true,
    rateLimited: true,
  }),
  'auth.setPin': channel<{ ok: true }>()({
    input: z.object({ currentPassword: z.string().min(1, 'errors.required'), pin: pin.nullable() }),
    access: 'session',
    idempotent: true,
    rateLimited: true,
  }),
};
