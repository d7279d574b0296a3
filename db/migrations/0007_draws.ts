import { sql, type Kysely } from 'kysely';

/**
 * The lucky draw (积分抽奖) and the leaderboard's index. The draw's own settings (on/off, cost, daily
 * limit) live in `settings` under `draws`; its prizes are rows, because draws refer to them and
 * their stock goes down in the draw's transaction. A prize taken off the list is retired
 * (`active = 0`), never deleted: past draws still name it. A draw keeps a copy of the prize as it
 * was, its ledger entries (the cost, a points prize) and a catalog reward's redemption.
 */
const statements = [
  `create table draw_prizes (
    id integer primary key autoincrement,
    name text not null,
    kind text not null check (kind in ('points', 'reward', 'goods', 'thanks')),
    points integer not null default 0 check (points >= 0),
    reward_id integer references rewards(id),
    probability_bp integer not null check (probability_bp >= 0 and probability_bp <= 10000),
    stock integer check (stock is null or stock >= 0),
    position integer not null default 0,
    active integer not null default 1,
    created_at text not null,
    updated_at text not null,
    check ((kind = 'points') = (points > 0)),
    check ((kind = 'reward') = (reward_id is not null))
  )`,
  `create table draws (
    id integer primary key autoincrement,
    member_id integer not null references members(id),
    prize_id integer not null references draw_prizes(id),
    prize_name text not null,
    prize_kind text not null,
    outcome text not null check (outcome in ('points', 'reward', 'goods', 'thanks')),
    fell_back integer not null default 0,
    cost integer not null check (cost >= 0),
    points integer not null default 0 check (points >= 0),
    cost_entry_id integer references points_ledger(id),
    prize_entry_id integer references points_ledger(id),
    redemption_id integer references redemptions(id),
    code text,
    request_id text unique,
    at text not null,
    day text not null,
    staff_id integer references staff(id)
  )`,
  // The daily limit and a member's history.
  `create index draws_member on draws(member_id, day)`,
  // The leaderboard sums the earning kinds over a range of business days, from this index alone
  // (`kind` is in it too: SQLite counts an index as covering only if it holds every column named).
  // Its list of kinds must stay word for word the one in services/draws/leaderboard.ts, or SQLite
  // will not use it (a test checks the query plan).
  `create index points_ledger_earned on points_ledger(day, member_id, points, kind)
     where kind in ('purchase', 'checkin', 'referral', 'activity', 'birthday')`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const s of statements) await sql.raw(s).execute(db);
}
