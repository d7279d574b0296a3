import { sql } from 'kysely';
import { type ComplaintStatus, type ComplaintSummary, type Severity } from '../../../shared/complaints.js';
import type { ComplaintView } from '../../../shared/contract/complaints.js';
import type { Page } from '../../../shared/domain.js';
import { requireStaff, type Ctx } from '../../context.js';
import { openCondition } from './rows.js';
import { summaryQuery, toSummary } from './view.js';

export interface ComplaintListInput {
  page: number;
  pageSize: number;
  view: ComplaintView;
  status: ComplaintStatus | null;
  severity: Severity | null;
  categoryId: number | null;
  memberId: number | null;
}

/**
 * The complaints lists: open ones (the soonest due first, so what is about to be late is on top),
 * mine, the overdue ones, the resolved ones waiting to be closed (the longest waiting first), and
 * all of them newest first. Filtering, ordering and paging run on the complaints table alone; only
 * the page's rows are joined to their members and staff (a join before the sort would look up the
 * member of every complaint in the list).
 */
export async function listComplaints(ctx: Ctx, input: ComplaintListInput): Promise<Page<ComplaintSummary>> {
  const me = requireStaff(ctx);
  const now = ctx.nowIso;
  let q = ctx.db.selectFrom('complaints as c');
  if (input.view === 'toClose') q = q.where('c.status', '=', 'resolved');
  // Written out, not bound: SQLite uses the partial index of open complaints only when the query
  // states its very condition, and a bound list is not that.
  else if (input.view !== 'all') q = q.where(sql.raw<boolean>(openCondition('c')));
  if (input.view === 'mine') q = q.where('c.assignee_id', '=', me.id);
  if (input.view === 'overdue')
    q = q.where((eb) =>
      eb.or([
        eb.and([eb('c.first_response_at', 'is', null), eb('c.first_response_due', '<', now)]),
        eb('c.resolution_due', '<', now),
      ]),
    );
  if (input.status !== null) q = q.where('c.status', '=', input.status);
  if (input.severity !== null) q = q.where('c.severity', '=', input.severity);
  if (input.categoryId !== null) q = q.where('c.category_id', '=', input.categoryId);
  if (input.memberId !== null) q = q.where('c.member_id', '=', input.memberId);

  const counted = await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const ordered =
    input.view === 'all'
      ? // Ids rise with the time of logging: the newest first without a sort.
        q.orderBy('c.id', 'desc')
      : input.view === 'toClose'
        ? q.orderBy('c.resolved_at').orderBy('c.id')
        : q
            .orderBy(
              // The next target still to meet: the first response while there is none, else the resolution.
              sql`case when c.first_response_at is null and c.first_response_due < c.resolution_due
                  then c.first_response_due else c.resolution_due end`,
            )
            .orderBy('c.id');
  const ids = (
    await ordered
      .select('c.id')
      .limit(input.pageSize)
      .offset((input.page - 1) * input.pageSize)
      .execute()
  ).map((r) => r.id);
  if (ids.length === 0) return { rows: [], total: Number(counted.n) };
  const byId = new Map((await summaryQuery(ctx).where('c.id', 'in', ids).execute()).map((r) => [r.id, r]));
  return { rows: ids.map((id) => toSummary(ctx, byId.get(id)!)), total: Number(counted.n) };
}
