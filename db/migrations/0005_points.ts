import { sql, type Kysely } from 'kysely';

/**
 * Purchases and the points ledger. The ledger is append-only: every change of a member's points is
 * one row, and a member's balance is the sum of their rows. An earning row is also a lot (when it
 * becomes usable, when it expires, how much of it is left); every debit records which lots it took
 * from in `points_allocations` (a restore writes negative allocations back onto the same lots), so
 * a lot's `remaining` is a cache of `points − allocations`, checked by a test. Opening balances
 * already imported become the ledger's `opening` entries.
 */
const statements = [
  `create table purchases (
    id integer primary key autoincrement,
    member_id integer not null references members(id),
    amount_fen integer not null check (amount_fen > 0),
    points_used integer not null default 0 check (points_used >= 0),
    points_used_fen integer not null default 0 check (points_used_fen >= 0),
    coupon_fen integer not null default 0 check (coupon_fen >= 0),
    receipt_no text not null default '',
    category text not null default '',
    items text not null default '',
    payment_method text not null,
    points_earned integer not null default 0 check (points_earned >= 0),
    refunded_fen integer not null default 0 check (refunded_fen >= 0 and refunded_fen <= amount_fen),
    request_id text unique,
    import_batch_id integer references import_batches(id),
    at text not null,
    day text not null,
    staff_id integer references staff(id),
    check (points_used_fen + coupon_fen <= amount_fen)
  )`,
  `create index purchases_member on purchases(member_id, day)`,
  `create index purchases_day on purchases(day)`,
  `create index purchases_receipt on purchases(receipt_no) where receipt_no <> ''`,
  `create table purchase_refunds (
    id integer primary key autoincrement,
    purchase_id integer not null references purchases(id),
    member_id integer not null references members(id),
    amount_fen integer not null check (amount_fen > 0),
    points_reversed integer not null check (points_reversed >= 0),
    points_shortfall integer not null default 0 check (points_shortfall >= 0),
    points_returned integer not null default 0 check (points_returned >= 0),
    reason text not null default '',
    request_id text unique,
    at text not null,
    day text not null,
    staff_id integer references staff(id)
  )`,
  `create index purchase_refunds_purchase on purchase_refunds(purchase_id)`,
  `create index purchase_refunds_member on purchase_refunds(member_id)`,
  `create table points_ledger (
    id integer primary key autoincrement,
    member_id integer not null references members(id),
    kind text not null,
    points integer not null check (points <> 0),
    ref_type text not null default '',
    ref_id integer,
    reverses_id integer references points_ledger(id),
    note text not null default '',
    request_id text,
    staff_id integer references staff(id),
    at text not null,
    day text not null,
    usable_on text,
    expires_on text,
    remaining integer check (remaining >= 0 and remaining <= points),
    -- A lot is an earning; a restore (points given back to older lots) is a credit without one.
    check (remaining is null or points > 0)
  )`,
  `create index points_ledger_member on points_ledger(member_id, id)`,
  `create index points_ledger_ref on points_ledger(ref_type, ref_id) where ref_id is not null`,
  `create index points_ledger_reverses on points_ledger(reverses_id) where reverses_id is not null`,
  `create index points_ledger_day on points_ledger(day)`,
  `create index points_lots_open on points_ledger(member_id, expires_on) where remaining > 0`,
  `create index points_lots_expiring on points_ledger(expires_on) where remaining > 0 and expires_on is not null`,
  // Once per referred member and trigger. (The birthday bonus is once per member and year too, but a
  // merge may bring two records' bonuses for one year together, so that one is checked, not indexed.)
  `create unique index points_referral_once on points_ledger(ref_id, ref_type) where kind = 'referral'`,
  `create index points_birthday on points_ledger(member_id, ref_id) where kind = 'birthday'`,
  // A void or a cancellation reverses its entry once; a refund's `payReturn` may return a payment in parts.
  `create unique index points_reversed_once on points_ledger(reverses_id) where kind in ('void', 'redeemCancel')`,
  `create table points_allocations (
    entry_id integer not null references points_ledger(id),
    lot_id integer not null references points_ledger(id),
    points integer not null check (points <> 0),
    primary key (entry_id, lot_id)
  ) without rowid`,
  `create index points_allocations_lot on points_allocations(lot_id)`,
  `create table checkins (
    member_id integer not null references members(id),
    day text not null,
    streak integer not null check (streak >= 1),
    entry_id integer references points_ledger(id),
    at text not null,
    staff_id integer references staff(id),
    primary key (member_id, day)
  ) without rowid`,
  `create table activities (
    id integer primary key autoincrement,
    name text not null,
    day text not null,
    points integer not null check (points > 0),
    active integer not null default 1,
    created_at text not null,
    created_by integer references staff(id)
  )`,
  `create table activity_attendees (
    activity_id integer not null references activities(id),
    member_id integer not null references members(id),
    entry_id integer not null references points_ledger(id),
    at text not null,
    staff_id integer references staff(id),
    primary key (activity_id, member_id)
  ) without rowid`,
  `create index activity_attendees_member on activity_attendees(member_id)`,
  // Opening balances imported before this version become ledger entries, usable at once. No expiry:
  // the default policy is "never", and later imports date their lots from the import day.
  `insert into points_ledger (member_id, kind, points, ref_type, ref_id, at, day, staff_id, usable_on, remaining)
     select member_id, 'opening', points, 'opening', id, at, day, staff_id, day, points
     from member_opening_balances where points > 0 order by id`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const s of statements) await sql.raw(s).execute(db);
}
