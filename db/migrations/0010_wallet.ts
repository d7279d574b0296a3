import { sql, type Kysely } from 'kysely';

/**
 * Stored value (储值) and count cards (次卡). Money held for customers, so every change is a row
 * in an append-only ledger that keeps principal (本金, what the member paid) and bonus (赠金, the
 * shop's gift) apart; `wallet_accounts` caches each member's two balances, written in the same
 * transaction as the ledger row, and its checks keep both at or above zero. A count card keeps the
 * product's terms as sold (a later edit of the product changes no card already sold); each visit
 * deducted, and each undo, is a `visitcard_uses` row. Shift handovers and day closes keep the
 * totals they printed.
 */
const methods = `('cash', 'wechat', 'alipay', 'card', 'other')`;
const statements = [
  `alter table purchases add column stored_value_fen integer not null default 0 check (stored_value_fen >= 0)`,
  `alter table purchase_refunds add column wallet_principal_fen integer not null default 0`,
  `alter table purchase_refunds add column wallet_bonus_fen integer not null default 0`,
  `create table wallet_terms (
    id integer primary key autoincrement,
    body text not null,
    staff_id integer references staff(id),
    at text not null
  )`,
  `create table wallet_packages (
    id integer primary key autoincrement,
    pay_fen integer not null check (pay_fen > 0),
    bonus_fen integer not null check (bonus_fen >= 0),
    bonus_points integer not null default 0 check (bonus_points >= 0),
    active integer not null default 1
  )`,
  `create table wallet_accounts (
    member_id integer primary key references members(id),
    principal_fen integer not null default 0 check (principal_fen >= 0),
    bonus_fen integer not null default 0 check (bonus_fen >= 0),
    updated_at text not null
  )`,
  `create table wallet_ledger (
    id integer primary key autoincrement,
    member_id integer not null references members(id),
    kind text not null check (kind in ('topup', 'spend', 'spendReturn', 'payout', 'adjust', 'reversal')),
    principal_fen integer not null,
    bonus_fen integer not null,
    ref_type text not null default '',
    ref_id integer,
    reverses_id integer references wallet_ledger(id),
    note text not null default '',
    request_id text,
    staff_id integer references staff(id),
    at text not null,
    day text not null,
    check (principal_fen <> 0 or bonus_fen <> 0)
  )`,
  `create index wallet_ledger_member on wallet_ledger(member_id, id)`,
  // Covers the day close's and the report's sums by day, kind and clerk without reading the rows.
  `create index wallet_ledger_day on wallet_ledger(day, kind, ref_type, staff_id, principal_fen, bonus_fen)`,
  `create index wallet_ledger_ref on wallet_ledger(ref_type, ref_id)`,
  `create unique index wallet_ledger_reversed on wallet_ledger(reverses_id) where reverses_id is not null`,
  `create table wallet_topups (
    id integer primary key autoincrement,
    member_id integer not null references members(id),
    paid_fen integer not null check (paid_fen > 0),
    bonus_fen integer not null default 0 check (bonus_fen >= 0),
    bonus_points integer not null default 0 check (bonus_points >= 0),
    package_id integer references wallet_packages(id),
    payment_method text not null check (payment_method in ${methods}),
    terms_id integer references wallet_terms(id),
    entry_id integer not null references wallet_ledger(id),
    points_entry_id integer references points_ledger(id),
    voided_at text,
    void_entry_id integer references wallet_ledger(id),
    request_id text,
    staff_id integer references staff(id),
    at text not null,
    day text not null
  )`,
  `create index wallet_topups_member on wallet_topups(member_id, id)`,
  `create index wallet_topups_day on wallet_topups(day)`,
  `create table wallet_payouts (
    id integer primary key autoincrement,
    member_id integer not null references members(id),
    principal_fen integer not null check (principal_fen >= 0),
    bonus_forfeited_fen integer not null check (bonus_forfeited_fen >= 0),
    fee_fen integer not null check (fee_fen >= 0 and fee_fen <= principal_fen),
    payout_fen integer not null check (payout_fen = principal_fen - fee_fen),
    payout_method text not null check (payout_method in ${methods}),
    entry_id integer not null references wallet_ledger(id),
    reason text not null default '',
    request_id text,
    staff_id integer references staff(id),
    at text not null,
    day text not null
  )`,
  `create index wallet_payouts_member on wallet_payouts(member_id)`,
  `create index wallet_payouts_day on wallet_payouts(day)`,
  `create table visitcard_products (
    id integer primary key autoincrement,
    name text not null,
    services text not null,
    uses integer not null check (uses between 1 and 1000),
    price_fen integer not null check (price_fen >= 0),
    validity_kind text not null check (validity_kind in ('days', 'until', 'none')),
    validity_days integer check (validity_days is null or validity_days > 0),
    valid_until text,
    per_day_limit integer check (per_day_limit is null or per_day_limit > 0),
    weekdays_only integer not null default 0,
    active integer not null default 1,
    created_at text not null
  )`,
  `create table visitcards (
    id integer primary key autoincrement,
    member_id integer not null references members(id),
    product_id integer not null references visitcard_products(id),
    name text not null,
    services text not null,
    uses_total integer not null check (uses_total > 0),
    uses_left integer not null check (uses_left >= 0 and uses_left <= uses_total),
    price_fen integer not null check (price_fen >= 0),
    per_day_limit integer,
    weekdays_only integer not null default 0,
    expires_on text,
    payment_method text not null check (payment_method in ('cash', 'wechat', 'alipay', 'card', 'storedValue', 'other')),
    wallet_entry_id integer references wallet_ledger(id),
    refunded_at text,
    refunded_uses integer not null default 0,
    refund_fen integer not null default 0 check (refund_fen >= 0),
    refund_method text,
    refund_entry_id integer references wallet_ledger(id),
    refund_reason text not null default '',
    refund_staff_id integer references staff(id),
    refund_day text,
    request_id text,
    staff_id integer references staff(id),
    at text not null,
    day text not null
  )`,
  `create index visitcards_member on visitcards(member_id, id)`,
  `create index visitcards_day on visitcards(day)`,
  `create index visitcards_refund_day on visitcards(refund_day) where refund_day is not null`,
  `create index visitcards_expiring on visitcards(expires_on) where refunded_at is null and uses_left > 0 and expires_on is not null`,
  `create table visitcard_uses (
    id integer primary key autoincrement,
    visitcard_id integer not null references visitcards(id),
    member_id integer not null references members(id),
    uses integer not null check (uses in (1, -1)),
    service text not null default '',
    reverses_id integer references visitcard_uses(id),
    note text not null default '',
    request_id text,
    staff_id integer references staff(id),
    at text not null,
    day text not null
  )`,
  `create index visitcard_uses_card on visitcard_uses(visitcard_id, day)`,
  `create index visitcard_uses_day on visitcard_uses(day)`,
  `create unique index visitcard_uses_reversed on visitcard_uses(reverses_id) where reverses_id is not null`,
  `create table till_closes (
    id integer primary key autoincrement,
    kind text not null check (kind in ('shift', 'day')),
    staff_id integer references staff(id),
    day text not null,
    from_at text not null,
    to_at text not null,
    totals text not null,
    closed_by integer not null references staff(id),
    at text not null
  )`,
  `create index till_closes_staff on till_closes(kind, staff_id, to_at)`,
  `create index till_closes_day on till_closes(day)`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const s of statements) await sql.raw(s).execute(db);
}
