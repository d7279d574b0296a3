import { createHash, randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.js';
import { channels, isChannelName, requestIdPattern, type Envelope } from '../shared/contract/index.js';
import { AppError, appError, type Result } from '../shared/errors.js';
import { can } from '../shared/permissions.js';
import type { Backend } from './backend.js';
import type { Ctx, StaffRow } from './context.js';
import { handlers, prepare } from './handlers.js';
import { RateLimiter } from './rateLimit.js';
import { getStaff } from './services/staff.js';
import { validationError } from './validation.js';

/** What the transport knows about the caller. */
export interface Caller {
  /** Session token: the HTTP cookie, or the token the IPC binding keeps for its window. */
  sessionToken: string | undefined;
  /** Who is knocking, for rate limits: the remote address or the window id. */
  clientKey: string;
}

export interface DispatchResult {
  response: Result<unknown>;
  /** The transport must store a new session token, or forget the current one. */
  session?: { set: string } | { clear: true };
}

type Handler = (ctx: Ctx, input: unknown) => Promise<unknown>;

/**
 * Passwords, PINs and passphrases are left out of the stored input hash: an unsalted hash of a
 * short secret is crackable by anyone holding the database, which would undo scrypt.
 */
const secretKey = /password|pin|passphrase/i;
function withoutSecrets(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutSecrets);
  if (value && typeof value === 'object')
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [k, secretKey.test(k) ? '(secret)' : withoutSecrets(v)]),
    );
  return value;
}

/**
 * One dispatch for both transports: validate → session → permission → idempotency → service →
 * result. Every call that reaches the database runs in one transaction.
 */
export class Dispatcher {
  private readonly limiter = new RateLimiter();
  constructor(private readonly backend: Backend) {}

  async dispatch(caller: Caller, channelName: string, envelope: Envelope): Promise<DispatchResult> {
    return this.backend.activity.around(() => this.run(caller, channelName, envelope));
  }

  /** A transport counts a request from its first byte, so a running job steps aside from then on. */
  around<T>(work: () => Promise<T>): Promise<T> {
    return this.backend.activity.around(work);
  }

  private async run(caller: Caller, channelName: string, envelope: Envelope): Promise<DispatchResult> {
    let sessionChange: DispatchResult['session'];
    try {
      if (!isChannelName(channelName)) throw appError('NOT_FOUND', 'errors.unknownChannel');
      const def = channels[channelName];
      // reportInput lets validationError tell a missing field (errors.required) from a wrong value.
      const parsed = def.input.safeParse(envelope.input ?? {}, { reportInput: true });
      if (!parsed.success) return { response: { ok: false, error: validationError(parsed.error) } };

      const backend = this.backend;
      const now = backend.clock.now();
      if (def.rateLimited && !this.limiter.allow(`${channelName}|${caller.clientKey}`, now.getTime()))
        throw appError('RATE_LIMITED', 'errors.rateLimited');

      if (def.idempotent && (!envelope.requestId || !requestIdPattern.test(envelope.requestId)))
        throw appError('VALIDATION', 'errors.requestIdRequired');

      const ready = backend.currentState === 'ready';
      if (def.access !== 'public' && !ready) throw appError('BAD_STATE', 'errors.app.notReady');

      const preparer = prepare[channelName] as ((b: Backend, input: unknown) => Promise<unknown>) | undefined;
      const prepared = ready && preparer ? await preparer(backend, parsed.data) : undefined;

      const failures: ((db: Kysely<DB>) => Promise<void>)[] = [];
      const commits: (() => void)[] = [];
      const run = async (db: Kysely<DB> | null): Promise<unknown> => {
        const staff = db ? await this.sessionStaff(db, caller, def.access !== 'public') : null;
        if (staff && def.access !== 'public' && def.access !== 'session' && !can(staff.role, def.access))
          throw appError('FORBIDDEN', 'errors.forbidden');
        const ctx: Ctx = {
          backend,
          get db() {
            if (!db) throw appError('BAD_STATE', 'errors.app.notReady');
            return db;
          },
          now,
          nowIso: now.toISOString(),
          staff,
          requestId: envelope.requestId ?? null,
          prepared,
          onFailure: (fn) => failures.push(fn),
          afterCommit: (fn) => commits.push(fn),
          startSession: (staffId) => {
            sessionChange = { set: backend.sessions.create(staffId) };
          },
          endSession: () => {
            backend.sessions.end(caller.sessionToken);
            sessionChange = { clear: true };
          },
        };
        const handler = handlers[channelName] as Handler;
        if (!db || !def.idempotent) return handler(ctx, parsed.data);
        return this.once(db, channelName, envelope.requestId!, parsed.data, staff, () => handler(ctx, parsed.data));
      };

      let value: unknown;
      if (!ready) value = await run(null);
      else if (def.transaction === false) {
        // Who is asking is checked in a short transaction; the work itself then runs on its own.
        const staff = await backend.db
          .transaction()
          .execute((trx) => this.sessionStaff(trx, caller, def.access !== 'public'));
        if (staff && def.access !== 'public' && def.access !== 'session' && !can(staff.role, def.access))
          throw appError('FORBIDDEN', 'errors.forbidden');
        value = await (handlers[channelName] as Handler)(
          {
            backend,
            get db() {
              return backend.db;
            },
            now,
            nowIso: now.toISOString(),
            staff,
            requestId: envelope.requestId ?? null,
            prepared: undefined,
            onFailure: () => undefined,
            afterCommit: (fn) => commits.push(fn),
            startSession: () => {
              throw new Error('a non-transactional call cannot start a session');
            },
            endSession: () => {
              sessionChange = { clear: true };
            },
          },
          parsed.data,
        );
      } else {
        try {
          value = await backend.db.transaction().execute(async (trx) => {
            const v = await run(trx);
            await backend.touch(trx);
            return v;
          });
        } catch (e) {
          if (failures.length)
            await backend.db.transaction().execute(async (trx) => {
              for (const f of failures) await f(trx);
            });
          throw e;
        }
      }
      for (const fn of commits) fn();
      return { response: { ok: true, value }, ...(sessionChange ? { session: sessionChange } : {}) };
    } catch (e) {
      if (e instanceof AppError) {
        const session = e.data.code === 'SESSION_EXPIRED' ? { clear: true as const } : undefined;
        return { response: { ok: false, error: e.data }, ...(session ? { session } : {}) };
      }
      const requestId = envelope.requestId ?? randomUUID();
      this.backend.log.error('dispatch.unexpected', { channel: channelName, requestId, error: e });
      return { response: { ok: false, error: { code: 'INTERNAL', messageKey: 'errors.internal', requestId } } };
    }
  }

  /** The signed-in staff member, re-read each call so a deactivation takes effect at once. */
  private async sessionStaff(db: Kysely<DB>, caller: Caller, required: boolean): Promise<StaffRow | null> {
    const found = this.backend.sessions.use(caller.sessionToken);
    if (!found.ok) {
      if (!required) return null;
      throw appError(
        found.reason === 'expired' ? 'SESSION_EXPIRED' : 'UNAUTHENTICATED',
        `errors.auth.${found.reason === 'expired' ? 'sessionExpired' : 'signInRequired'}`,
      );
    }
    const staff = await getStaff(db, found.staffId);
    if (!staff || staff.active !== 1) {
      this.backend.sessions.end(caller.sessionToken);
      if (!required) return null;
      throw appError('UNAUTHENTICATED', 'errors.auth.signInRequired');
    }
    return staff;
  }

  /**
   * Applies a mutating call once per request id: the result is stored in the same transaction as
   * the change, a repeat gets the stored result, and the same id with other input is refused.
   */
  private async once(
    db: Kysely<DB>,
    channel: string,
    requestId: string,
    input: unknown,
    staff: StaffRow | null,
    apply: () => Promise<unknown>,
  ): Promise<unknown> {
    const inputHash = createHash('sha256')
      .update(channel)
      .update('\0')
      .update(JSON.stringify(withoutSecrets(input)))
      .digest('hex');
    const prior = await db.selectFrom('requests').selectAll().where('request_id', '=', requestId).executeTakeFirst();
    if (prior) {
      // A request id is one person's intent: another caller cannot collect its result.
      if (prior.channel !== channel || prior.input_hash !== inputHash || prior.staff_id !== (staff?.id ?? null))
        throw appError('IDEMPOTENCY_CONFLICT', 'errors.idempotencyConflict');
      return JSON.parse(prior.result) as unknown;
    }
    const value = await apply();
    await db
      .insertInto('requests')
      .values({
        request_id: requestId,
        channel,
        input_hash: inputHash,
        result: JSON.stringify(value),
        staff_id: staff?.id ?? null,
        at: this.backend.clock.now().toISOString(),
      })
      .execute();
    return value;
  }
}
