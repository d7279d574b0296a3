import type { z } from 'zod';
import type { Permission } from '../permissions.js';

/**
 * Who may call a channel: anyone (setup, unlock, sign-in), any signed-in staff member, or staff
 * whose role grants a permission.
 */
export type Access = 'public' | 'session' | Permission;

export interface ChannelDef<I extends z.ZodType, O> {
  input: I;
  access: Access;
  /**
   * Changes data: the call must carry a client request id, and dispatch stores the result in the
   * same transaction as the change so a repeat replays it instead of applying twice.
   */
  idempotent: boolean;
  /** Guesses a secret (passphrase, password, PIN): throttled per transport client. */
  rateLimited?: boolean;
  /**
   * The call produces a file. The handler returns a `FileDownload`; the transport delivers it
   * (a save dialog in Electron, a download in the browser) and the renderer gets `{ saved }`.
   * `upload`: the call brings a file, as `{ path, name }`. The desktop renderer names the file the
   * clerk picked; the HTTP binding accepts only the file's bytes for such a channel, writes them to a
   * temporary file and builds the input itself, so a browser can never name a path.
   */
  file?: 'download' | 'upload';
  /**
   * `false`: the handler runs outside a transaction (after the session and permission are checked
   * in a short one) because it cannot run inside one — a backup's `VACUUM INTO`, or a restore that
   * replaces the database. Such calls are not idempotent and open their own transactions.
   */
  transaction?: false;
  /** Phantom: the output type, carried for the typed client. Never set at run time. */
  readonly output?: O;
}

/** `channel<Output>()({ input, access, idempotent })` — the output type is given, the rest inferred. */
export function channel<O>() {
  return <I extends z.ZodType>(def: Omit<ChannelDef<I, O>, 'output'>): ChannelDef<I, O> => def;
}

/** What a file channel's handler returns. The path stays in the main process. */
export interface FileDownload {
  fileName: string;
  contentType: string;
  path: string;
  /** A temporary file made for this download, removed once delivered. */
  deleteAfter: boolean;
}
