import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SqliteDb } from '../../../db/open.js';
import { openAt, type MigrationShop } from './atMigration.js';

let shop: MigrationShop;
let raw: SqliteDb;

beforeEach(async () => {
  shop = await openAt('0004_io');
  ({ raw } = shop);
  // A shop that imported members with points from its old system before the ledger existed.
  raw.exec(`
    insert into staff (id, username, display_name, role, password_hash, created_at) values (1, 'boss', '老板', 'owner', 'x', '2025-01-01T00:00:00Z');
    insert into members (id, member_no, phone, phone_kind, phone_rev, name, gender, source, created_at, created_day, created_by, updated_at, joined_on)
      values (1, 'M000001', '+8613800138000', 'mobile', '0008310083168', '王女士', 'female', 'import', '2025-02-01T03:00:00Z', '2025-02-01', 1, '2025-02-01T03:00:00Z', '2025-02-01'),
             (2, 'M000002', '+8613900139000', 'mobile', '0009310093168', '李先生', 'male', 'import', '2025-02-01T03:00:00Z', '2025-02-01', 1, '2025-02-01T03:00:00Z', '2025-02-01');
    insert into member_opening_balances (member_id, points, spend_fen, legacy_tier, at, day, staff_id)
      values (1, 1200, 560000, '金卡', '2025-02-01T03:00:00Z', '2025-02-01', 1),
             (2, 0, 9900, '', '2025-02-01T03:00:00Z', '2025-02-01', 1);
  `);
});

afterEach(() => shop.close());

describe('0005_points on a database with imported opening balances', () => {
  it('turns each opening balance with points into an opening ledger entry, usable, never expiring', async () => {
    await shop.toLatest();
    expect(
      raw
        .prepare('select member_id, kind, points, ref_type, usable_on, expires_on, remaining, day from points_ledger')
        .all(),
    ).toEqual([
      {
        member_id: 1,
        kind: 'opening',
        points: 1200,
        ref_type: 'opening',
        usable_on: '2025-02-01',
        expires_on: null,
        remaining: 1200,
        day: '2025-02-01',
      },
    ]);
  });
});
