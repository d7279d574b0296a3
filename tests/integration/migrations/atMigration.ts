import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { Migrator, type Kysely } from 'kysely';
import { migrateToLatest } from '../../../db/migrate.js';
import { migrations } from '../../../db/migrations/index.js';
import { createKysely, openEncrypted, type SqliteDb } from '../../../db/open.js';
import type { DB } from '../../../db/schema.js';
import { removeDir, tempDir } from '../harness.js';

export interface MigrationShop {
  raw: SqliteDb;
  db: Kysely<DB>;
  toLatest(): ReturnType<typeof migrateToLatest>;
  close(): Promise<void>;
}

/**
 * A new encrypted database migrated up to `name` only, so a test can put an older shop's rows in
 * it and then run the later migrations on them (`toLatest`), as an upgrade does.
 */
export async function openAt(name: string): Promise<MigrationShop> {
  const dir = tempDir();
  const raw: SqliteDb = openEncrypted(join(dir, 'shop.db'), { key: randomBytes(32) });
  const db: Kysely<DB> = createKysely(raw);
  const migrator = new Migrator({
    db: db as unknown as Kysely<unknown>,
    provider: { getMigrations: () => Promise.resolve(migrations) },
  });
  const { error } = await migrator.migrateTo(name);
  if (error) throw error;
  return {
    raw,
    db,
    toLatest: () => migrateToLatest(raw, db, { snapshotPath: (from, to) => join(dir, `pre-${from}-${to}.db`) }),
    async close() {
      await db.destroy();
      if (raw.open) raw.close();
      removeDir(dir);
    },
  };
}
