import { sql, type Kysely } from 'kysely';

/**
 * Membership tiers (会员等级). Tiers are rows (members, rewards and history refer to them) and are
 * retired, never deleted. Growth value (成长值) has its own append-only ledger: purchases earn it,
 * refunds take it back on the purchase's own day (so a rolling window counts both or neither).
 * `member_tiers` holds a row only for members above the base tier or on a manual tier; a manual
 * tier always has an end date. Every change is a `tier_changes` row; an upgrade keeps the
 * `member_tiers` row it replaced (JSON), so a refund that takes its growth back restores it exactly.
 */
const statements = [
  `create table tiers (
    id integer primary key autoincrement,
    name text not null,
    color text not null,
    rank integer not null check (rank >= 0),
    threshold integer not null check (threshold >= 0),
    retention integer not null check (retention >= 0 and retention <= threshold),
    multiplier_pct integer not null default 100 check (multiplier_pct between 100 and 1000),
    discount_pct integer not null default 100 check (discount_pct between 50 and 100),
    birthday_points integer check (birthday_points is null or birthday_points >= 0),
    complaint_priority integer not null default 0 check (complaint_priority between 0 and 3),
    active integer not null default 1,
    created_at text not null,
    updated_at text not null
  )`,
  `create unique index tiers_rank on tiers(rank) where active = 1`,
  `create table tier_services (
    id integer primary key autoincrement,
    tier_id integer not null references tiers(id),
    name text not null,
    quantity integer not null check (quantity > 0),
    period text not null check (period in ('month', 'quarter', 'year')),
    active integer not null default 1
  )`,
  `create index tier_services_tier on tier_services(tier_id)`,
  `create table member_tiers (
    member_id integer primary key references members(id),
    tier_id integer not null references tiers(id),
    since text not null,
    review_on text,
    manual_until text,
    manual_reason text not null default '',
    manual_by integer references staff(id),
    manual_at text
  )`,
  `create index member_tiers_tier on member_tiers(tier_id)`,
  `create index member_tiers_review on member_tiers(review_on) where review_on is not null`,
  `create index member_tiers_manual on member_tiers(manual_until) where manual_until is not null`,
  `create table growth_ledger (
    id integer primary key autoincrement,
    member_id integer not null references members(id),
    kind text not null check (kind in ('purchase', 'refund', 'activity')),
    growth integer not null check (growth <> 0),
    ref_type text not null,
    ref_id integer not null,
    day text not null,
    at text not null
  )`,
  `create index growth_ledger_member on growth_ledger(member_id, day)`,
  `create table tier_changes (
    id integer primary key autoincrement,
    member_id integer not null references members(id),
    kind text not null,
    from_tier_id integer references tiers(id),
    to_tier_id integer not null references tiers(id),
    growth integer not null,
    reason text not null default '',
    ref_type text not null default '',
    ref_id integer,
    prev_state text,
    reverted integer not null default 0,
    staff_id integer references staff(id),
    at text not null,
    day text not null
  )`,
  `create index tier_changes_member on tier_changes(member_id, id)`,
  `create index tier_changes_day on tier_changes(day, kind)`,
  `create table tier_service_uses (
    id integer primary key autoincrement,
    member_id integer not null references members(id),
    service_id integer not null references tier_services(id),
    period_key text not null,
    note text not null default '',
    request_id text unique,
    staff_id integer references staff(id),
    at text not null,
    day text not null,
    undone_at text,
    undone_by integer references staff(id),
    undo_reason text not null default ''
  )`,
  `create index tier_service_uses_member on tier_service_uses(member_id, service_id, period_key)`,
  `alter table rewards add column min_tier_id integer references tiers(id)`,
];

/** The deck's grades. Names are shop data: the owner renames them on the tiers page. */
const defaults: [string, string, number, number, number, number, number][] = [
  // name, colour, threshold, retention, multiplier %, price %, complaint priority
  ['普通会员', '#868e96', 0, 0, 100, 100, 0],
  ['银卡会员', '#74c0fc', 1000, 500, 110, 98, 1],
  ['金卡会员', '#fab005', 5000, 2500, 120, 95, 2],
  ['钻石会员', '#7950f2', 20000, 10000, 150, 90, 3],
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const s of statements) await sql.raw(s).execute(db);
  const now = new Date().toISOString();
  for (const [rank, [name, color, threshold, retention, multiplier, price, priority]] of defaults.entries())
    await sql`insert into tiers (name, color, rank, threshold, retention, multiplier_pct, discount_pct,
      complaint_priority, created_at, updated_at)
      values (${name}, ${color}, ${rank}, ${threshold}, ${retention}, ${multiplier}, ${price}, ${priority}, ${now}, ${now})`.execute(
      db,
    );
}
