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
  /** Phantom: the output type, carried for the typed client. Never set at run time. */
  readonly output?: O;
}

/** `channel<Output>()({ input, access, idempotent })` — the output type is given, the rest inferred. */
export function channel<O>() {
  return <I extends z.ZodType>(def: Omit<ChannelDef<I, O>, 'output'>): ChannelDef<I, O> => def;
}
