import { sql, type Kysely } from 'kysely';

/**
 * Data quality: duplicate detection looks members up by exact name, and a merge keeps a snapshot of
 * both records as they were, so "nothing is lost" holds even for the values not chosen.
 */
const statements = [
  `create index members_name on members(name) where name <> ''`,
  `alter table member_merges add column snapshot text not null default '{}'`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const s of statements) await sql.raw(s).execute(db);
}
