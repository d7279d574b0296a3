import { sql, type Kysely } from 'kysely';

/**
 * The complete member record: profile fields, cards, tags, per-channel consent, the interaction
 * timeline, the duplicate review queue and merges. Consent moves from one yes/no on the member to a
 * history per channel; the old answer is carried over to every channel with its time and staff.
 */
const statements = [
  `alter table members add column occupation text not null default ''`,
  `alter table members add column phone2 text`,
  `alter table members add column email text`,
  `alter table members add column wechat text`,
  `alter table members add column address text not null default ''`,
  `alter table members add column notes text not null default ''`,
  `alter table members add column lunar_birthday text`,
  `alter table members add column referrer_id integer references members(id)`,
  `alter table members add column joined_on text not null default ''`,
  `alter table members add column verified_at text`,
  `alter table members add column archived_at text`,
  `alter table members add column erased_at text`,
  `alter table members add column merged_into integer references members(id)`,
  `alter table members add column name_pinyin text not null default ''`,
  `alter table members add column name_initials text not null default ''`,
  `alter table members add column updated_by integer references staff(id)`,
  `update members set joined_on = created_day, verified_at = created_at`,
  `create index members_email on members(lower(email)) where email is not null`,
  `create index members_wechat on members(lower(wechat)) where wechat is not null`,
  `create index members_name_pinyin on members(name_pinyin)`,
  `create index members_name_initials on members(name_initials)`,
  `create index members_phone2 on members(phone2) where phone2 is not null`,
  `create index members_joined_on on members(joined_on)`,

  `create table member_consents (
    id integer primary key autoincrement,
    member_id integer not null references members(id),
    channel text not null check (channel in ('sms', 'call', 'wechat', 'email')),
    granted integer not null,
    at text not null,
    staff_id integer references staff(id)
  )`,
  `create index member_consents_member on member_consents(member_id, channel, id)`,
  `insert into member_consents (member_id, channel, granted, at, staff_id)
    select m.id, c.channel, m.marketing_consent, m.consent_at, m.consent_by
    from members m cross join (select 'sms' as channel union all select 'call' union all select 'wechat'
      union all select 'email') c
    where m.consent_at is not null
    order by m.id, c.channel`,
  `alter table members drop column marketing_consent`,
  `alter table members drop column consent_at`,
  `alter table members drop column consent_by`,

  `create table member_cards (
    id integer primary key autoincrement,
    member_id integer not null references members(id),
    card_no text not null unique,
    status text not null check (status in ('active', 'lost', 'unbound')),
    bound_at text not null,
    bound_by integer references staff(id),
    ended_at text,
    ended_by integer references staff(id),
    replaces integer references member_cards(id)
  )`,
  `create index member_cards_member on member_cards(member_id)`,

  `create table tags (
    id integer primary key autoincrement,
    name text not null unique collate nocase,
    color text not null,
    created_at text not null,
    created_by integer references staff(id)
  )`,
  `create table member_tags (
    member_id integer not null references members(id),
    tag_id integer not null references tags(id),
    added_at text not null,
    added_by integer references staff(id),
    primary key (member_id, tag_id)
  ) without rowid`,
  `create index member_tags_tag on member_tags(tag_id, member_id)`,

  `create table member_events (
    id integer primary key autoincrement,
    member_id integer not null references members(id),
    kind text not null,
    body text not null default '',
    data text not null default '{}',
    staff_id integer references staff(id),
    at text not null,
    day text not null
  )`,
  `create index member_events_member on member_events(member_id, id)`,
  `insert into member_events (member_id, kind, staff_id, at, day)
    select id, 'registered', created_by, created_at, created_day from members order by id`,

  `create table duplicate_candidates (
    id integer primary key autoincrement,
    member_a integer not null references members(id),
    member_b integer not null references members(id),
    reason text not null,
    found_at text not null,
    status text not null default 'open' check (status in ('open', 'merged', 'dismissed')),
    resolved_at text,
    resolved_by integer references staff(id),
    unique (member_a, member_b),
    check (member_a < member_b)
  )`,
  `create index duplicate_candidates_open on duplicate_candidates(status, id)`,

  `create table member_merges (
    id integer primary key autoincrement,
    survivor_id integer not null references members(id),
    merged_id integer not null references members(id),
    at text not null,
    staff_id integer references staff(id),
    moved text not null
  )`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const s of statements) await sql.raw(s).execute(db);
}
