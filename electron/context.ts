import type { Kysely, Selectable } from 'kysely';
import type { DB, StaffTable } from '../db/schema.js';
import { appError } from '../shared/errors.js';
import type { Backend } from './backend.js';

export type StaffRow = Selectable<StaffTable>;

/** What a handler is given for one call. */
export interface Ctx {
  backend: Backend;
  /** This call's transaction: everything a handler writes commits or rolls back together. */
  readonly db: Kysely<DB>;
  now: Date;
  nowIso: string;
  staff: StaffRow | null;
  /** The client's request id for a mutating call: ledger rows carry it, so an entry names its request. */
  requestId: string | null;
  /** What the channel's `prepare` step computed before the transaction, if it has one. */
  prepared: unknown;
  /** Runs after a failed call rolled back, in a transaction of its own (failed sign-ins, lockouts). */
  onFailure(fn: (db: Kysely<DB>) => Promise<void>): void;
  /** Runs once this call's transaction has committed: in-memory state follows the database, never leads it. */
  afterCommit(fn: () => void): void;
  startSession(staffId: number): void;
  endSession(): void;
}

export function requireStaff(ctx: Ctx): StaffRow {
  if (!ctx.staff) throw appError('UNAUTHENTICATED', 'errors.auth.signInRequired');
  return ctx.staff;
}

/**
 * A context outside any call: for work the main process starts itself (jobs, benchmarks). Writes
 * are not wrapped in a transaction here; `afterCommit` runs at once.
 */
export function standaloneCtx(backend: Backend, staff: StaffRow | null): Ctx {
  const now = backend.clock.now();
  return {
    backend,
    db: backend.db,
    now,
    nowIso: now.toISOString(),
    staff,
    requestId: null,
    prepared: undefined,
    onFailure: () => undefined,
    afterCommit: (fn) => fn(),
    startSession: () => undefined,
    endSession: () => undefined,
  };
}
