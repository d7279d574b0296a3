import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { Migrator, type Kysely } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { migrateToLatest } from '../../../db/migrate.js';
import { migrations } from '../../../db/migrations/index.js';
import { createKysely, openEncrypted, type SqliteDb } from '../../../db/open.js';
import type { DB } from '../../../db/schema.js';
import { removeDir, tempDir } from '../harness.js';

let dir: string;
let raw: SqliteDb;
let db: Kysely<DB>;

beforeEach(async () => {
  dir = tempDir();
  raw = openEncrypted(join(dir, 'shop.db'), { key: randomBytes(32) });
  db = createKysely(raw);
  const migrator = new Migrator({
    db: db as unknown as Kysely<unknown>,
    provider: { getMigrations: () => Promise.resolve(migrations) },
  });
  const { error } = await migrator.migrateTo('0006_rewards');
  if (error) throw error;
  // A shop with a member and a few months of ledger before the draw existed.
  raw.exec(`
    insert into staff (id, username, display_name, role, password_hash, created_at) values (1, 'boss', '老板', 'owner', 'x', '2025-01-01T00:00:00Z');
    insert into members (id, member_no, phone, phone_kind, phone_rev, name, gender, source, created_at, created_day, created_by, updated_at, joined_on)
      values (1, 'M000001', '+8613800138000', 'mobile', '0008310083168', '王女士', 'female', 'in_store', '2025-02-01T03:00:00Z', '2025-02-01', 1, '2025-02-01T03:00:00Z', '2025-02-01');
    insert into points_ledger (member_id, kind, points, ref_type, at, day, usable_on, remaining)
      values (1, 'purchase', 120, 'purchase', '2025-02-01T03:00:00Z', '2025-02-01', '2025-02-01', 120),
             (1, 'adjust', 500, 'adjust', '2025-02-02T03:00:00Z', '2025-02-02', '2025-02-02', 500),
             (1, 'checkin', 1, 'checkin', '2025-03-01T03:00:00Z', '2025-03-01', '2025-03-01', 1);
  `);
});

afterEach(async () => {
  await db.destroy();
  if (raw.open) raw.close();
  removeDir(dir);
});

describe('0007_draws on a shop with a ledger', () => {
  it('adds the draw tables and indexes the existing earning entries for the leaderboard', async () => {
    await migrateToLatest(raw, db, { snapshotPath: (from, to) => join(dir, `pre-${from}-${to}.db`) });
    expect(raw.prepare('select count(*) as n from draw_prizes').get()).toEqual({ n: 0 });
    expect(raw.prepare('select count(*) as n from draws').get()).toEqual({ n: 0 });
    // The partial index holds the earning kinds only: the purchase and the check-in, not the adjustment.
    const indexed = raw
      .prepare(
        `select day, member_id, points from points_ledger indexed by points_ledger_earned
         where kind in ('purchase', 'checkin', 'referral', 'activity', 'birthday') and day >= '2025-01-01' order by day`,
      )
      .all();
    expect(indexed).toEqual([
      { day: '2025-02-01', member_id: 1, points: 120 },
      { day: '2025-03-01', member_id: 1, points: 1 },
    ]);
  });

  it('refuses prizes that contradict their kind or chances outside 0–10,000', async () => {
    await migrateToLatest(raw, db, { snapshotPath: (from, to) => join(dir, `pre-${from}-${to}.db`) });
    const insert = raw.prepare(
      `insert into draw_prizes (name, kind, points, reward_id, probability_bp, stock, created_at, updated_at)
       values (?, ?, ?, ?, ?, ?, 'now', 'now')`,
    );
    insert.run('50 积分', 'points', 50, null, 2000, 10);
    insert.run('谢谢', 'thanks', 0, null, 8000, null);
    expect(() => insert.run('x', 'points', 0, null, 1, null)).toThrow(/CHECK/);
    expect(() => insert.run('x', 'thanks', 5, null, 1, null)).toThrow(/CHECK/);
    expect(() => insert.run('x', 'reward', 0, null, 1, null)).toThrow(/CHECK/);
    expect(() => insert.run('x', 'thanks', 0, null, 10_001, null)).toThrow(/CHECK/);
    expect(() => insert.run('x', 'thanks', 0, null, 1, -1)).toThrow(/CHECK/);
    expect(() => insert.run('x', 'lottery', 0, null, 1, null)).toThrow(/CHECK/);
  });
});
