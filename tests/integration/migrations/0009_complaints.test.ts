import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SqliteDb } from '../../../db/open.js';
import { openAt, type MigrationShop } from './atMigration.js';

let shop: MigrationShop;
let raw: SqliteDb;

beforeEach(async () => {
  shop = await openAt('0008_tiers');
  ({ raw } = shop);
  // A shop with a member, a purchase and points from before complaints existed.
  raw.exec(`
    insert into staff (id, username, display_name, role, password_hash, created_at) values (1, 'boss', '老板', 'owner', 'x', '2025-01-01T00:00:00Z');
    insert into members (id, member_no, phone, phone_kind, phone_rev, name, gender, source, created_at, created_day, created_by, updated_at, joined_on)
      values (1, 'M000001', '+8613800138000', 'mobile', '0008310083168', '王女士', 'female', 'in_store', '2025-02-01T03:00:00Z', '2025-02-01', 1, '2025-02-01T03:00:00Z', '2025-02-01');
    insert into purchases (id, member_id, amount_fen, payment_method, at, day) values (1, 1, 12000, 'cash', '2025-02-01T03:00:00Z', '2025-02-01');
    insert into points_ledger (member_id, kind, points, ref_type, ref_id, at, day, usable_on, remaining)
      values (1, 'purchase', 120, 'purchase', 1, '2025-02-01T03:00:00Z', '2025-02-01', '2025-02-01', 120),
             (1, 'adjust', 5, 'adjust', 1, '2025-02-02T03:00:00Z', '2025-02-02', '2025-02-02', 5);
  `);
});

afterEach(() => shop.close());

const complaint = (extra: Record<string, unknown> = {}) => {
  const row: Record<string, unknown> = {
    member_id: 1,
    channel: 'store',
    category_id: 1,
    severity: 'normal',
    description: '过期',
    purchase_id: 1,
    status: 'new',
    first_response_due: '2025-03-02T03:00:00Z',
    resolution_due: '2025-03-04T16:00:00Z',
    created_at: '2025-03-01T03:00:00Z',
    day: '2025-03-01',
    ...extra,
  };
  const cols = Object.keys(row);
  return raw
    .prepare(`insert into complaints (${cols.join(', ')}) values (${cols.map((c) => `@${c}`).join(', ')})`)
    .run(row);
};

describe('0009_complaints on a shop with members, purchases and a ledger', () => {
  it('adds the six built-in categories, untranslated and in order, and leaves the ledger alone', async () => {
    await shop.toLatest();
    expect(raw.prepare('select key, name, rank, active from complaint_categories order by rank').all()).toEqual(
      ['quality', 'attitude', 'price', 'returns', 'environment', 'other'].map((key, rank) => ({
        key,
        name: null,
        rank,
        active: 1,
      })),
    );
    for (const t of ['complaints', 'complaint_steps', 'followups', 'surveys', 'survey_members'])
      expect(raw.prepare(`select count(*) as n from ${t}`).get(), t).toEqual({ n: 0 });
    expect(raw.prepare('select sum(points) as n from points_ledger').get()).toEqual({ n: 125 });
  });

  it('checks what it stores: statuses, severities, scores, the category name, the member', async () => {
    await shop.toLatest();
    expect(complaint().changes).toBe(1);
    expect(complaint({ member_id: null, contact_name: '路人', contact_phone: '+8613700137000' }).changes).toBe(1);
    expect(() => complaint({ status: 'done' })).toThrow(/CHECK/);
    expect(() => complaint({ severity: 'critical' })).toThrow(/CHECK/);
    expect(() => complaint({ priority: 4 })).toThrow(/CHECK/);
    expect(() => complaint({ csat_score: 6 })).toThrow(/CHECK/);
    expect(() => complaint({ compensation_kind: 'cash' })).toThrow(/CHECK/);
    expect(() => complaint({ member_id: 99 })).toThrow(/FOREIGN KEY/);
    expect(() => complaint({ category_id: 99 })).toThrow(/FOREIGN KEY/);
    expect(() => raw.prepare('insert into complaint_categories (rank) values (9)').run()).toThrow(/CHECK/);
    expect(() => raw.prepare(`insert into complaint_categories (key, rank) values ('quality', 9)`).run()).toThrow(
      /UNIQUE/,
    );
    raw.exec(`insert into surveys (id, name, created_at) values (1, 'NPS', 't')`);
    const answer = raw.prepare('insert into survey_members (survey_id, member_id, score) values (1, 1, ?)');
    expect(() => answer.run(11)).toThrow(/CHECK/);
    answer.run(10);
    expect(() => answer.run(9)).toThrow(/UNIQUE|PRIMARY/);
  });

  it('compensates a complaint in points once, and books its first follow-up once', async () => {
    await shop.toLatest();
    complaint();
    const entry = raw.prepare(
      `insert into points_ledger (member_id, kind, points, ref_type, ref_id, at, day, usable_on, remaining)
       values (1, 'compensation', 20, 'complaint', 1, 't', '2025-03-01', '2025-03-01', 20)`,
    );
    entry.run();
    expect(() => entry.run()).toThrow(/UNIQUE/);
    const followup = raw.prepare(
      `insert into followups (member_id, complaint_id, previous_id, reason, due_on, created_at)
       values (1, 1, ?, 'complaint', '2025-03-04', 't')`,
    );
    const first = followup.run(null);
    expect(() => followup.run(null)).toThrow(/UNIQUE/);
    // A call back scheduled from it is another task of the same complaint.
    expect(followup.run(first.lastInsertRowid).changes).toBe(1);
    expect(() =>
      raw.prepare(`insert into followups (reason, due_on, created_at) values ('custom', '2025-03-04', 't')`).run(),
    ).toThrow(/CHECK/);
  });
});
