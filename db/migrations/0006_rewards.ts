import { sql, type Kysely } from 'kysely';

/**
 * The rewards catalog (积分兑换) and what members got from it. A redemption keeps a copy of the
 * reward's name, kind and value as they were, so editing the catalog never rewrites history. A
 * coupon, voucher, virtual good or service carries a unique code that is marked used at the
 * counter; physical goods are handed over at once. Points move only through the ledger
 * (`entry_id` the debit, `cancel_entry_id` the restore).
 */
const statements = [
  `create table rewards (
    id integer primary key autoincrement,
    name text not null,
    kind text not null,
    description text not null default '',
    points_cost integer not null check (points_cost > 0),
    value_fen integer check (value_fen is null or value_fen > 0),
    discount_pct integer check (discount_pct is null or (discount_pct >= 1 and discount_pct <= 99)),
    stock integer check (stock is null or stock >= 0),
    per_member_limit integer check (per_member_limit is null or per_member_limit > 0),
    available_from text,
    available_to text,
    code_valid_days integer check (code_valid_days is null or code_valid_days > 0),
    active integer not null default 1,
    image text,
    created_at text not null,
    updated_at text not null,
    created_by integer references staff(id)
  )`,
  `create table redemptions (
    id integer primary key autoincrement,
    member_id integer not null references members(id),
    reward_id integer not null references rewards(id),
    reward_name text not null,
    kind text not null,
    value_fen integer,
    discount_pct integer,
    source text not null,
    source_id integer,
    points integer not null check (points >= 0),
    entry_id integer references points_ledger(id),
    code text unique,
    valid_until text,
    status text not null check (status in ('issued', 'used', 'cancelled')),
    used_at text,
    used_by integer references staff(id),
    cancelled_at text,
    cancelled_by integer references staff(id),
    cancel_reason text not null default '',
    cancel_entry_id integer references points_ledger(id),
    request_id text unique,
    at text not null,
    day text not null,
    staff_id integer references staff(id)
  )`,
  `create index redemptions_member on redemptions(member_id, reward_id)`,
  `create index redemptions_day on redemptions(day)`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const s of statements) await sql.raw(s).execute(db);
}
