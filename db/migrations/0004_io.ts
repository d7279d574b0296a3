import { sql, type Kysely } from 'kysely';

/**
 * Data in and out. An import is a batch: every member it creates carries the batch id, every
 * member it changes has the changed fields' old and new values kept, so the batch can be undone
 * as one (and a batch left running by a crash is rolled back at the next start). Rows refused by
 * an import are kept for the error report. Legacy points, lifetime spend and tier arrive as an
 * opening-balance entry, never as invented purchases; the points ledger reads it as its opening kind.
 */
const statements = [
  // Removing a member's search index (edit, erase, undo of an import) looks grams up by member;
  // member ids only grow, so this index is written at its right edge and costs inserts little.
  `create index member_name_grams_member on member_name_grams(member_id)`,
  // "Did anyone refer to this member?" before an undo removes one.
  `create index members_referrer on members(referrer_id) where referrer_id is not null`,
  `create index members_merged_into on members(merged_into) where merged_into is not null`,
  `create table import_batches (
    id integer primary key autoincrement,
    entity text not null,
    file_name text not null,
    file_sha256 text not null,
    encoding text not null,
    mode text not null check (mode in ('addOnly', 'addAndUpdate')),
    mapping text not null,
    status text not null check (status in ('running', 'done', 'cancelled', 'undone', 'rolledBack')),
    rows_total integer not null default 0,
    imported integer not null default 0,
    updated integer not null default 0,
    skipped integer not null default 0,
    invalid integer not null default 0,
    started_at text not null,
    finished_at text,
    staff_id integer references staff(id),
    undone_at text,
    undone_by integer references staff(id)
  )`,
  `alter table members add column import_batch_id integer references import_batches(id)`,
  `create index members_import_batch on members(import_batch_id) where import_batch_id is not null`,
  `create table import_updates (
    batch_id integer not null references import_batches(id),
    member_id integer not null references members(id),
    changes text not null,
    primary key (batch_id, member_id)
  ) without rowid`,
  `create index import_updates_member on import_updates(member_id)`,
  `create table import_rejects (
    id integer primary key autoincrement,
    batch_id integer not null references import_batches(id),
    line integer not null,
    reason text not null,
    field text not null default '',
    member_id integer references members(id),
    raw text not null
  )`,
  `create index import_rejects_batch on import_rejects(batch_id, line)`,
  `create table import_mappings (
    id integer primary key autoincrement,
    entity text not null,
    name text not null collate nocase,
    mapping text not null,
    created_at text not null,
    created_by integer references staff(id),
    unique (entity, name)
  )`,
  `create table member_opening_balances (
    id integer primary key autoincrement,
    member_id integer not null references members(id),
    points integer not null check (points >= 0),
    spend_fen integer not null check (spend_fen >= 0),
    legacy_tier text not null default '',
    import_batch_id integer references import_batches(id),
    at text not null,
    day text not null,
    staff_id integer references staff(id)
  )`,
  `create index member_opening_balances_member on member_opening_balances(member_id)`,
  `create index member_opening_balances_batch on member_opening_balances(import_batch_id)`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const s of statements) await sql.raw(s).execute(db);
}
