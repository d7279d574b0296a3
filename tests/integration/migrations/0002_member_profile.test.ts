import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Migrator, type Kysely } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { migrateToLatest } from '../../../db/migrate.js';
import { migrations } from '../../../db/migrations/index.js';
import { createKysely, openEncrypted, type SqliteDb } from '../../../db/open.js';
import type { DB } from '../../../db/schema.js';
import { removeDir, tempDir } from '../harness.js';

let dir: string;
let key: Buffer;
let raw: SqliteDb;
let db: Kysely<DB>;

beforeEach(async () => {
  dir = tempDir();
  key = randomBytes(32);
  raw = openEncrypted(join(dir, 'shop.db'), { key });
  db = createKysely(raw);
  // A shop still on the foundation schema, with old-shaped rows.
  const migrator = new Migrator({
    db: db as unknown as Kysely<unknown>,
    provider: { getMigrations: () => Promise.resolve(migrations) },
  });
  const { error } = await migrator.migrateTo('0001_foundation');
  if (error) throw error;
  raw.exec(`
    insert into staff (id, username, display_name, role, password_hash, created_at) values (1, 'boss', '老板', 'owner', 'x', '2025-01-01T00:00:00Z');
    insert into members (member_no, phone, phone_kind, phone_rev, name, gender, source, marketing_consent, consent_at, consent_by, created_at, created_day, created_by, updated_at)
      values ('M000001', '+8613800138000', 'mobile', '0008310083168', '王女士', 'female', 'in_store', 1, '2025-02-01T03:00:00Z', 1, '2025-02-01T03:00:00Z', '2025-02-01', 1, '2025-02-01T03:00:00Z'),
             ('M000002', '+8613900139000', 'mobile', '0009310093168', '李先生', 'male', 'phone', 0, '2025-03-01T03:00:00Z', 1, '2025-03-01T03:00:00Z', '2025-03-01', 1, '2025-03-01T03:00:00Z');
  `);
});

afterEach(async () => {
  await db.destroy();
  if (raw.open) raw.close();
  removeDir(dir);
});

describe('0002_member_profile on a foundation database', () => {
  it('snapshots first, then carries consent over to every channel, dates the join and starts each timeline', async () => {
    const result = await migrateToLatest(raw, db, { snapshotPath: (from, to) => join(dir, `pre-${from}-${to}.db`) });
    // Later migrations run in the same step; one snapshot is taken before the first.
    expect(result.applied[0]).toBe('0002_member_profile');
    expect(result.snapshot).toBe(join(dir, `pre-0001_foundation-${result.applied.at(-1)}.db`));
    expect(existsSync(result.snapshot!)).toBe(true);

    // The snapshot is the old schema, encrypted under the same key.
    const snap = openEncrypted(result.snapshot!, { key, fileMustExist: true });
    expect(snap.prepare('select marketing_consent from members order by id').all()).toEqual([
      { marketing_consent: 1 },
      { marketing_consent: 0 },
    ]);
    snap.close();

    expect(
      raw
        .prepare('select member_id, channel, granted, at, staff_id from member_consents order by member_id, channel')
        .all(),
    ).toEqual(
      [1, 2].flatMap((member) =>
        ['call', 'email', 'sms', 'wechat'].map((channel) => ({
          member_id: member,
          channel,
          granted: member === 1 ? 1 : 0,
          at: member === 1 ? '2025-02-01T03:00:00Z' : '2025-03-01T03:00:00Z',
          staff_id: 1,
        })),
      ),
    );
    expect(raw.prepare('select id, joined_on, verified_at from members order by id').all()).toEqual([
      { id: 1, joined_on: '2025-02-01', verified_at: '2025-02-01T03:00:00Z' },
      { id: 2, joined_on: '2025-03-01', verified_at: '2025-03-01T03:00:00Z' },
    ]);
    expect(raw.prepare('select member_id, kind, staff_id, at, day from member_events order by id').all()).toEqual([
      { member_id: 1, kind: 'registered', staff_id: 1, at: '2025-02-01T03:00:00Z', day: '2025-02-01' },
      { member_id: 2, kind: 'registered', staff_id: 1, at: '2025-03-01T03:00:00Z', day: '2025-03-01' },
    ]);
    const columns = (raw.prepare('pragma table_info(members)').all() as { name: string }[]).map((c) => c.name);
    expect(columns).not.toContain('marketing_consent');
    expect(columns).toEqual(expect.arrayContaining(['email', 'wechat', 'name_pinyin', 'merged_into', 'archived_at']));
  });
});
