import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SqliteDb } from '../../../db/open.js';
import { growthOf } from '../../../electron/services/tiers/growth.js';
import { defaultTierSettings } from '../../../electron/services/tiers/config.js';
import { openAt, type MigrationShop } from './atMigration.js';

let shop: MigrationShop;
let raw: SqliteDb;

beforeEach(async () => {
  shop = await openAt('0007_draws');
  ({ raw } = shop);
  // A shop with a reward and a member whose old system's lifetime spend was imported.
  raw.exec(`
    insert into staff (id, username, display_name, role, password_hash, created_at) values (1, 'boss', '老板', 'owner', 'x', '2025-01-01T00:00:00Z');
    insert into members (id, member_no, phone, phone_kind, phone_rev, name, gender, source, created_at, created_day, created_by, updated_at, joined_on)
      values (1, 'M000001', '+8613800138000', 'mobile', '0008310083168', '王女士', 'female', 'import', '2025-02-01T03:00:00Z', '2025-02-01', 1, '2025-02-01T03:00:00Z', '2025-02-01');
    insert into member_opening_balances (member_id, points, spend_fen, legacy_tier, at, day, staff_id)
      values (1, 300, 1234567, '金卡', '2025-02-01T03:00:00Z', '2025-02-01', 1);
    insert into rewards (name, kind, points_cost, created_at, updated_at) values ('杯子', 'goods', 100, 'now', 'now');
  `);
});

afterEach(() => shop.close());

describe('0008_tiers on a shop with members and rewards', () => {
  it('adds the four default tiers, leaves every reward open to all, and counts imported spend as growth', async () => {
    await shop.toLatest();
    expect(
      raw.prepare('select name, rank, threshold, retention, multiplier_pct from tiers order by rank').all(),
    ).toEqual([
      { name: '普通会员', rank: 0, threshold: 0, retention: 0, multiplier_pct: 100 },
      { name: '银卡会员', rank: 1, threshold: 1000, retention: 500, multiplier_pct: 110 },
      { name: '金卡会员', rank: 2, threshold: 5000, retention: 2500, multiplier_pct: 120 },
      { name: '钻石会员', rank: 3, threshold: 20000, retention: 10000, multiplier_pct: 150 },
    ]);
    expect(raw.prepare('select min_tier_id from rewards').all()).toEqual([{ min_tier_id: null }]);
    // Everyone starts in the base tier (no row); ¥12,345.67 of lifetime spend is 12,345 growth.
    expect(raw.prepare('select count(*) as n from member_tiers').get()).toEqual({ n: 0 });
    const lifetime = { ...defaultTierSettings, window: 'lifetime' as const };
    expect(await growthOf(shop.db, lifetime, 1, '2026-12-02')).toBe(12345);
    // Within 12 months of the import day only.
    expect(await growthOf(shop.db, defaultTierSettings, 1, '2026-01-31')).toBe(12345);
    expect(await growthOf(shop.db, defaultTierSettings, 1, '2026-02-01')).toBe(0);
  });

  it('refuses a second active tier of the same rank and retention above the threshold', async () => {
    await shop.toLatest();
    const insert = raw.prepare(
      `insert into tiers (name, color, rank, threshold, retention, created_at, updated_at) values (?, '#000000', ?, ?, ?, 'now', 'now')`,
    );
    expect(() => insert.run('重复', 1, 10, 0)).toThrow(/UNIQUE/);
    expect(() => insert.run('高保级', 9, 10, 11)).toThrow(/CHECK/);
  });
});
