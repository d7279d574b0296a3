import { sql, type Kysely } from 'kysely';

/**
 * Complaints (投诉), follow-up visits (回访) and NPS surveys. A complaint keeps its SLA due times,
 * computed once when it is logged (from the severity and the member's tier priority then), and
 * every step of its workflow as a `complaint_steps` row. Its compensation is written once: points
 * are a `compensation` ledger entry (one per complaint, indexed), a coupon is a redemption. A
 * walk-in complainant without a member record is a name and a phone on the complaint itself.
 */
const statements = [
  `create table complaint_categories (
    id integer primary key autoincrement,
    key text unique,
    name text,
    rank integer not null,
    active integer not null default 1,
    check (key is not null or name is not null)
  )`,
  `create table complaints (
    id integer primary key autoincrement,
    member_id integer references members(id),
    contact_name text not null default '',
    contact_phone text not null default '',
    channel text not null check (channel in ('store', 'phone', 'wechat', 'review', 'other')),
    category_id integer not null references complaint_categories(id),
    severity text not null check (severity in ('low', 'normal', 'high', 'urgent')),
    priority integer not null default 0 check (priority between 0 and 3),
    description text not null,
    purchase_id integer references purchases(id),
    status text not null check (status in ('new', 'assigned', 'inProgress', 'resolved', 'closed')),
    assignee_id integer references staff(id),
    first_response_due text not null,
    first_response_at text,
    resolution_due text not null,
    resolved_at text,
    resolved_by integer references staff(id),
    closed_at text,
    resolution text not null default '',
    compensation_kind text check (compensation_kind in ('apology', 'points', 'coupon', 'refund')),
    compensation_points integer,
    compensation_entry_id integer references points_ledger(id),
    compensation_redemption_id integer references redemptions(id),
    compensation_fen integer,
    refund_reference text not null default '',
    csat_score integer check (csat_score between 1 and 5),
    csat_comment text not null default '',
    csat_by text check (csat_by in ('staff', 'member')),
    csat_at text,
    created_by integer references staff(id),
    created_at text not null,
    day text not null
  )`,
  `create index complaints_member on complaints(member_id) where member_id is not null`,
  `create index complaints_open on complaints(status, resolution_due) where status in ('new', 'assigned', 'inProgress')`,
  `create index complaints_assignee on complaints(assignee_id, status)`,
  `create index complaints_day on complaints(day)`,
  `create index complaints_closed on complaints(closed_at) where closed_at is not null`,
  `create table complaint_steps (
    id integer primary key autoincrement,
    complaint_id integer not null references complaints(id),
    action text not null,
    from_status text,
    to_status text not null,
    note text not null default '',
    assignee_id integer references staff(id),
    staff_id integer references staff(id),
    at text not null
  )`,
  `create index complaint_steps_complaint on complaint_steps(complaint_id, id)`,
  // One compensation per complaint, whatever repeats: the ledger says so, not only the service.
  `create unique index points_compensation_once on points_ledger(ref_id) where kind = 'compensation'`,
  `create table followups (
    id integer primary key autoincrement,
    member_id integer references members(id),
    complaint_id integer references complaints(id),
    previous_id integer references followups(id),
    reason text not null check (reason in ('complaint', 'largePurchase', 'birthday', 'inactive', 'custom')),
    note text not null default '',
    due_on text not null,
    assignee_id integer references staff(id),
    outcome text check (outcome in ('reached', 'notReached', 'callBack')),
    outcome_note text not null default '',
    next_step text not null default '',
    done_at text,
    done_by integer references staff(id),
    created_by integer references staff(id),
    created_at text not null,
    check (member_id is not null or complaint_id is not null)
  )`,
  `create index followups_open on followups(due_on) where done_at is null`,
  `create index followups_member on followups(member_id) where member_id is not null`,
  `create index followups_assignee on followups(assignee_id) where done_at is null`,
  `create unique index followups_complaint_once on followups(complaint_id) where reason = 'complaint' and previous_id is null`,
  `create table surveys (
    id integer primary key autoincrement,
    name text not null,
    filter_note text not null default '',
    created_by integer references staff(id),
    created_at text not null,
    closed_at text
  )`,
  `create table survey_members (
    survey_id integer not null references surveys(id),
    member_id integer not null references members(id),
    score integer check (score between 0 and 10),
    reason text not null default '',
    responded_at text,
    responded_day text,
    recorded_by integer references staff(id),
    primary key (survey_id, member_id)
  ) without rowid`,
  `create index survey_members_member on survey_members(member_id)`,
  `create index survey_members_day on survey_members(responded_day) where responded_day is not null`,
];

const categories = ['quality', 'attitude', 'price', 'returns', 'environment', 'other'];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const s of statements) await sql.raw(s).execute(db);
  for (const [rank, key] of categories.entries())
    await sql`insert into complaint_categories (key, rank) values (${key}, ${rank})`.execute(db);
}
