import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SqliteDb } from '../../../db/open.js';
import { openAt, type MigrationShop } from './atMigration.js';

let shop: MigrationShop;
let raw: SqliteDb;

beforeEach(async () => {
  shop = await openAt('0006_rewards');
  ({ raw } = shop);
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

afterEach(() => shop.close());

describe('0007_draws on a shop with a ledger', () => {
  it('adds the draw tables and indexes the existing earning entries for the leaderboard', async () => {
    await shop.toLatest();
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
    await shop.toLatest();
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
