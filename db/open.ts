import Database from 'better-sqlite3-multiple-ciphers';
import { Kysely, SqliteAdapter, SqliteDialect, type DialectAdapter, type SqliteDatabase } from 'kysely';
import type { DB } from './schema.js';

export type SqliteDb = Database.Database;

export class DbOpenError extends Error {
  constructor(
    readonly reason: 'notADatabase' | 'cannotOpen',
    cause?: unknown,
  ) {
    super(`database ${reason}`, { cause });
    this.name = 'DbOpenError';
  }
}

export interface OpenOptions {
  /** 32 random bytes. Applied as a raw key: it is already random, so SQLCipher's PBKDF2 is waste. */
  key: Buffer;
  /** The Electron-ABI build of the native module when running inside Electron (see docs). */
  nativeBinding?: string;
  fileMustExist?: boolean;
}

/**
 * Opens (or creates) the SQLCipher database and sets the pragmas the design requires. The key is
 * only ever in the pragma text, which is never logged.
 */
export function openEncrypted(path: string, opts: OpenOptions): SqliteDb {
  if (opts.key.length !== 32) throw new Error('data key must be 32 bytes');
  let db: SqliteDb;
  try {
    db = new Database(path, {
      fileMustExist: opts.fileMustExist ?? false,
      ...(opts.nativeBinding ? { nativeBinding: opts.nativeBinding } : {}),
    });
  } catch (e) {
    throw new DbOpenError('cannotOpen', e);
  }
  try {
    db.pragma("cipher='sqlcipher'");
    db.pragma('legacy=4');
    db.pragma(`key="x'${opts.key.toString('hex')}'"`);
    // The first read is where a wrong key or a damaged file shows.
    db.prepare('select count(*) from sqlite_master').get();
    db.pragma('journal_mode=WAL');
    db.pragma('synchronous=FULL');
    db.pragma('temp_store=MEMORY');
    db.pragma('foreign_keys=ON');
    // Freed bytes are zeroed, so an erased member's data does not survive in free space.
    db.pragma('secure_delete=ON');
    db.pragma('busy_timeout=5000');
  } catch (e) {
    db.close();
    const code = (e as { code?: string }).code;
    throw new DbOpenError(code === 'SQLITE_NOTADB' ? 'notADatabase' : 'cannotOpen', e);
  }
  return db;
}

/**
 * SQLite runs DDL inside transactions perfectly well; Kysely's adapter only says it does not to be
 * safe across drivers. Saying yes makes the Migrator wrap a migration and its bookkeeping row in
 * one transaction, so a crash mid-migration leaves the previous schema intact.
 */
class TransactionalSqliteAdapter extends SqliteAdapter {
  override get supportsTransactionalDdl(): boolean {
    return true;
  }
}

class LiukeSqliteDialect extends SqliteDialect {
  override createAdapter(): DialectAdapter {
    return new TransactionalSqliteAdapter();
  }
}

/**
 * Kysely prepares every query afresh, and preparing costs SQLite more than running a small
 * statement does. The same SQL text gets the same prepared statement back (least recently used
 * beyond `size`), unless that one is still being iterated, when a fresh one is prepared.
 */
export function withStatementCache(db: SqliteDb, size = 500): SqliteDatabase {
  const cache = new Map<string, Database.Statement>();
  return {
    close: () => db.close(),
    prepare(sql: string) {
      const hit = cache.get(sql);
      if (hit && !hit.busy) {
        cache.delete(sql);
        cache.set(sql, hit);
        return hit;
      }
      const stmt = db.prepare(sql);
      cache.set(sql, stmt);
      if (cache.size > size) cache.delete(cache.keys().next().value!);
      return stmt;
    },
  };
}

export function createKysely(db: SqliteDb): Kysely<DB> {
  return new Kysely<DB>({ dialect: new LiukeSqliteDialect({ database: withStatementCache(db) }) });
}
