import { Migrator, type Kysely, type MigrationProvider } from 'kysely';
import { migrations } from './migrations/index.js';
import type { DB } from './schema.js';
import type { SqliteDb } from './open.js';

export class NewerDatabaseError extends Error {
  constructor(readonly unknown: string[]) {
    super(`database was migrated by a newer Liuke (${unknown.join(', ')})`);
    this.name = 'NewerDatabaseError';
  }
}

const provider: MigrationProvider = { getMigrations: () => Promise.resolve(migrations) };

function appliedMigrations(raw: SqliteDb): string[] {
  const table = raw.prepare("select 1 from sqlite_master where type = 'table' and name = 'kysely_migration'").get();
  if (!table) return [];
  return (raw.prepare('select name from kysely_migration order by name').all() as { name: string }[]).map(
    (r) => r.name,
  );
}

export interface MigrateOptions {
  /** Where to write the encrypted pre-migration snapshot; called only when there is work to do on existing data. */
  snapshotPath: (from: string, to: string) => string;
}

/**
 * Brings the schema to the latest version, one migration per transaction. Before touching a
 * database that already has data it writes an encrypted copy (`VACUUM INTO` keeps the key).
 * Refuses a database that a newer Liuke has migrated: its schema is not ours to guess at.
 */
export async function migrateToLatest(
  raw: SqliteDb,
  db: Kysely<DB>,
  opts: MigrateOptions,
): Promise<{ applied: string[]; snapshot: string | null }> {
  const known = Object.keys(migrations).sort();
  const applied = appliedMigrations(raw);
  const unknown = applied.filter((name) => !known.includes(name));
  if (unknown.length > 0) throw new NewerDatabaseError(unknown);
  const pending = known.filter((name) => !applied.includes(name));
  if (pending.length === 0) return { applied: [], snapshot: null };

  let snapshot: string | null = null;
  if (applied.length > 0) {
    snapshot = opts.snapshotPath(applied[applied.length - 1]!, pending[pending.length - 1]!);
    raw.prepare('VACUUM INTO ?').run(snapshot);
  }

  // Kysely's typings want the schema-less view for migrations.
  const migrator = new Migrator({ db: db as unknown as Kysely<unknown>, provider });
  const done: string[] = [];
  for (let i = 0; i < pending.length; i++) {
    const { error, results } = await migrator.migrateUp();
    if (error) throw error instanceof Error ? error : new Error(String(error));
    for (const r of results ?? []) if (r.status === 'Success') done.push(r.migrationName);
  }
  return { applied: done, snapshot };
}
