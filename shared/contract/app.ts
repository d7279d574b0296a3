import { z } from 'zod';
import { channel } from './channel.js';
import type { AppStatus } from '../domain.js';
import { displayName, passphrase, password, timeZone, username } from './fields.js';

export const shopName = z.string().trim().min(1, 'errors.required').max(60, 'errors.tooLong');

export const appChannels = {
  /** Where the app stands: first-run setup, locked, ready, or an error to show. Public. */
  'app.status': channel<AppStatus>()({ input: z.object({}), access: 'public', idempotent: false }),
  /**
   * First run, step 1: the main process makes the recovery passphrase and holds it until
   * `setup.complete` echoes it back — proof the owner wrote it down.
   */
  'setup.begin': channel<{ passphrase: string }>()({ input: z.object({}), access: 'public', idempotent: false }),
  /**
   * First run, step 2. Not request-id idempotent: there is no database to store a result in yet;
   * a repeat is refused because the app is no longer in the setup state.
   */
  'setup.complete': channel<{ ok: true }>()({
    input: z.object({
      shopName,
      timeZone,
      owner: z.object({ username, displayName, password }),
      passphraseConfirm: passphrase,
    }),
    access: 'public',
    idempotent: false,
  }),
  'app.unlock': channel<{ ok: true }>()({
    input: z.object({ passphrase }),
    access: 'public',
    idempotent: false,
    rateLimited: true,
  }),
  /** Owner confirms the system date after the clock guard held time-based work. */
  'clock.confirm': channel<{ ok: true }>()({ input: z.object({}), access: 'clock.confirm', idempotent: true }),
  /** Dismisses the "last used on another PC" warning for this run. */
  'app.acknowledgeDevice': channel<{ ok: true }>()({
    input: z.object({}),
    access: 'settings.manage',
    idempotent: false,
  }),
  /** Owner: make a new recovery passphrase (held until confirmed by `key.changePassphrase`). */
  'key.preparePassphrase': channel<{ passphrase: string }>()({
    input: z.object({}),
    access: 'key.manage',
    idempotent: false,
  }),
  'key.changePassphrase': channel<{ ok: true }>()({
    input: z.object({ currentPassphrase: passphrase, passphraseConfirm: passphrase }),
    access: 'key.manage',
    idempotent: true,
    rateLimited: true,
  }),
};
