import { randomUUID } from 'node:crypto';
import { expect } from 'vitest';
import type { PointsRules } from '../../shared/points.js';
import { defaultPointsRules } from '../../electron/services/points/rules.js';
import { ownerAccount, signedIn, type Client, type Harness } from './harness.js';

let phoneSeq = 0;
/** A member registered by `c`, with a fresh phone number. */
export async function newMember(c: Client, extra: { referrerId?: number; birthday?: string } = {}): Promise<number> {
  phoneSeq += 1;
  const phone = `139${String(10000000 + phoneSeq).slice(-8)}`;
  return (await c.call('members.register', { phone, name: `会员${phoneSeq}`, ...extra })).id;
}

export async function setRules(c: Client, patch: Partial<PointsRules>): Promise<PointsRules> {
  return c.call('points.saveRules', { ...defaultPointsRules, ...patch });
}

/**
 * Moves the shop's clock forward to a business day at 10:00 Beijing time. Sessions lapse over
 * such a jump, so the owner signs in again: the returned client.
 */
export async function setDay(h: Harness, day: string): Promise<Client> {
  h.clock.set(`${day}T02:00:00.000Z`);
  return signedIn(h, ownerAccount.username, ownerAccount.password);
}

interface Row {
  member_id: number;
  n: number;
}

/**
 * The ledger's invariants, checked on the stored rows: each balance is the sum of the member's
 * entries, equals what their open lots hold and is never negative; each lot's `remaining` is its
 * points less its allocations; no refund took back more than its purchase earned; each purchase's
 * `refunded_fen` is the sum of its refunds.
 */
export function expectLedgerConsistent(h: Harness): void {
  const raw = h.backend.raw;
  const balances = raw
    .prepare(
      `select member_id, sum(points) as n,
         (select coalesce(sum(remaining), 0) from points_ledger o where o.member_id = l.member_id and o.remaining > 0) as lots
       from points_ledger l group by member_id`,
    )
    .all() as (Row & { lots: number })[];
  for (const b of balances) {
    expect(b.n, `member ${b.member_id} balance`).toBeGreaterThanOrEqual(0);
    expect(b.lots, `member ${b.member_id} lots = balance`).toBe(b.n);
  }
  const badLots = raw
    .prepare(
      `select l.id from points_ledger l
       where l.points > 0 and l.remaining <> l.points - (select coalesce(sum(a.points), 0) from points_allocations a where a.lot_id = l.id)`,
    )
    .all();
  expect(badLots).toEqual([]);
  const badDebits = raw
    .prepare(
      `select l.id from points_ledger l
       where l.points < 0 and -l.points <> (select coalesce(sum(a.points), 0) from points_allocations a where a.entry_id = l.id)`,
    )
    .all();
  expect(badDebits).toEqual([]);
  const badRestores = raw
    .prepare(
      `select l.id from points_ledger l
       where l.points > 0 and l.remaining is null
         and l.points <> -(select coalesce(sum(a.points), 0) from points_allocations a where a.entry_id = l.id)`,
    )
    .all();
  expect(badRestores).toEqual([]);
  const overRefunded = raw
    .prepare(
      `select p.id from purchases p
       where (select coalesce(sum(points_reversed + points_shortfall), 0) from purchase_refunds r where r.purchase_id = p.id) > p.points_earned
          or (select coalesce(sum(amount_fen), 0) from purchase_refunds r where r.purchase_id = p.id) <> p.refunded_fen
          or (select coalesce(-sum(points), 0) from points_ledger l where l.kind = 'refund' and l.ref_type = 'refund'
                and l.ref_id in (select id from purchase_refunds r where r.purchase_id = p.id)) > p.points_earned`,
    )
    .all();
  expect(overRefunded).toEqual([]);
}

export { defaultPointsRules };

/**
 * For random counter days: sends each call with a fresh request id and remembers the last, so the
 * sequence can re-send it and check that nothing changed. Refusals (not enough points, nothing left
 * to refund …) are part of the game; crashes are not. `client` is read at each call because a day
 * jump signs the owner in again.
 */
export function replayableSender(client: () => Client) {
  let last: { channel: string; input: unknown; id: string } | null = null;
  return {
    async send(channel: string, input: unknown) {
      const id = randomUUID();
      last = { channel, input, id };
      const r = await client().raw(channel as 'points.get', input as { memberId: number }, id);
      if (!r.ok) expect(r.error.code, JSON.stringify(r.error)).not.toBe('INTERNAL');
      return r;
    },
    /** A new day, a new session: the last request is not re-sent across it. */
    forget() {
      last = null;
    },
    /** Re-sends the last request with its id; `count` (rows that a change would add) must not move. */
    async replay(count: () => unknown) {
      if (!last) return;
      const before = count();
      await client().raw(last.channel as 'points.get', last.input as { memberId: number }, last.id);
      expect(count()).toEqual(before);
    },
  };
}
