import { randomBytes } from 'node:crypto';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Kysely } from 'kysely';
import { migrateToLatest, NewerDatabaseError } from '../../db/migrate.js';
import { migrations } from '../../db/migrations/index.js';
import { createKysely, openEncrypted, type SqliteDb } from '../../db/open.js';
import type { DB } from '../../db/schema.js';
import { removeDir, tempDir } from './harness.js';

let dir: string;
let raw: SqliteDb;
let db: Kysely<DB>;
let snapshots: string[];
const snapshotPath = (from: string, to: string) => {
  const p = join(dir, `snapshot-${from}-${to}.db`);
  snapshots.push(p);
  return p;
};

beforeEach(() => {
  dir = tempDir();
  snapshots = [];
  raw = openEncrypted(join(dir, 'test.db'), { key: randomBytes(32) });
  db = createKysely(raw);
});

afterEach(async () => {
  await db.destroy();
  if (raw.open) raw.close();
  removeDir(dir);
});

const tables = () =>
  (
    raw
      .prepare("select name from sqlite_master where type = 'table' and name not like 'sqlite_%' order by name")
      .all() as {
      name: string;
    }[]
  ).map((r) => r.name);

describe('migrateToLatest', () => {
  it('has zero-padded, ordered migration names', () => {
    const names = Object.keys(migrations);
    expect(names).toEqual([...names].sort());
    for (const n of names) expect(n).toMatch(/^\d{4}_[a-z0-9_]+$/);
  });

  it('applies every migration to an empty database without a snapshot', async () => {
    const result = await migrateToLatest(raw, db, { snapshotPath });
    expect(result).toEqual({ applied: Object.keys(migrations), snapshot: null });
    expect(snapshots).toEqual([]);
    expect(tables()).toEqual([
      'activities',
      'activity_attendees',
      'audit_log',
      'checkins',
      'complaint_categories',
      'complaint_steps',
      'complaints',
      'counters',
      'draw_prizes',
      'draws',
      'duplicate_candidates',
      'followups',
      'growth_ledger',
      'import_batches',
      'import_mappings',
      'import_rejects',
      'import_updates',
      'kysely_migration',
      'kysely_migration_lock',
      'member_cards',
      'member_consents',
      'member_events',
      'member_merges',
      'member_name_grams',
      'member_opening_balances',
      'member_tags',
      'member_tiers',
      'members',
      'meta',
      'points_allocations',
      'points_ledger',
      'purchase_refunds',
      'purchases',
      'redemptions',
      'requests',
      'rewards',
      'settings',
      'staff',
      'survey_members',
      'surveys',
      'tags',
      'tier_changes',
      'tier_service_uses',
      'tier_services',
      'tiers',
      'till_closes',
      'visitcard_products',
      'visitcard_uses',
      'visitcards',
      'wallet_accounts',
      'wallet_ledger',
      'wallet_packages',
      'wallet_payouts',
      'wallet_terms',
      'wallet_topups',
    ]);
    expect(
      (raw.prepare('select name from kysely_migration order by name').all() as { name: string }[]).map((r) => r.name),
    ).toEqual(Object.keys(migrations));
  });

  it('applies nothing and writes no snapshot the second time', async () => {
    await migrateToLatest(raw, db, { snapshotPath });
    const again = await migrateToLatest(raw, db, { snapshotPath });
    expect(again).toEqual({ applied: [], snapshot: null });
    expect(snapshots).toEqual([]);
    expect(readdirSync(dir).filter((f) => f.startsWith('snapshot'))).toEqual([]);
  });

  it('refuses a database that names a migration it does not know, and changes nothing', async () => {
    await migrateToLatest(raw, db, { snapshotPath });
    raw.prepare('insert into kysely_migration (name, timestamp) values (?, ?)').run('9999_future', 'x');
    const before = tables();
    const err = await migrateToLatest(raw, db, { snapshotPath }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(NewerDatabaseError);
    expect((err as NewerDatabaseError).unknown).toEqual(['9999_future']);
    expect(tables()).toEqual(before);
    expect(snapshots.filter((s) => existsSync(s))).toEqual([]);
  });
});

describe('the 0001 schema', () => {
  beforeEach(async () => {
    await migrateToLatest(raw, db, { snapshotPath });
    raw
      .prepare(
        "insert into staff (username, display_name, role, password_hash, created_at) values ('boss', 'B', 'owner', 'x', 't')",
      )
      .run();
    raw.prepare("insert into audit_log (at, staff_id, action) values ('t', 1, 'setup.completed')").run();
  });

  it('keeps the audit log append-only', () => {
    expect(() => raw.prepare("update audit_log set action = 'forged'").run()).toThrow(/append-only/);
    expect(() => raw.prepare('delete from audit_log').run()).toThrow(/append-only/);
    expect(raw.prepare('select action, details from audit_log').all()).toEqual([
      { action: 'setup.completed', details: '{}' },
    ]);
    raw.prepare("insert into audit_log (at, action) values ('t', 'more')").run();
    expect(raw.prepare('select count(*) as n from audit_log').get()).toEqual({ n: 2 });
  });

  it('refuses an unknown role, a duplicate user name and a duplicate phone', () => {
    expect(() =>
      raw
        .prepare(
          "insert into staff (username, display_name, role, password_hash, created_at) values ('x', 'X', 'admin', 'x', 't')",
        )
        .run(),
    ).toThrow(/CHECK constraint/);
    expect(() =>
      raw
        .prepare(
          "insert into staff (username, display_name, role, password_hash, created_at) values ('boss', 'X', 'clerk', 'x', 't')",
        )
        .run(),
    ).toThrow(/UNIQUE constraint/);
    const member = raw.prepare(
      "insert into members (member_no, phone, phone_kind, phone_rev, source, created_at, created_day, created_by, updated_at) values (?, '+8613800138000', 'mobile', '0008310083168', 'in_store', 't', 'd', 1, 't')",
    );
    member.run('M000001');
    expect(() => member.run('M000002')).toThrow(/UNIQUE constraint/);
  });

  it('enforces foreign keys', () => {
    expect(() =>
      raw
        .prepare(
          "insert into members (member_no, phone, phone_kind, phone_rev, source, created_at, created_day, created_by, updated_at) values ('M1', '+8613800138000', 'mobile', 'r', 'in_store', 't', 'd', 99, 't')",
        )
        .run(),
    ).toThrow(/FOREIGN KEY/);
  });
});
