import { sql } from 'kysely';
import {
  openStatuses,
  type ComplaintStatus,
  type ComplaintSummary,
  type Severity,
} from '../../../shared/complaints.js';
import type { ComplaintView } from '../../../shared/contract/complaints.js';
import type { Page } from '../../../shared/domain.js';
import { requireStaff, type Ctx } from '../../context.js';
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
 * mine, the overdue ones, and all of them newest first. Filtering and paging happen in SQL.
 */
export async function listComplaints(ctx: Ctx, input: ComplaintListInput): Promise<Page<ComplaintSummary>> {
  const me = requireStaff(ctx);
  const now = ctx.nowIso;
  let q = summaryQuery(ctx);
  if (input.view !== 'all') q = q.where('c.status', 'in', [...openStatuses]);
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

  const counted = await q
    .clearSelect()
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  const ordered =
    input.view === 'all'
      ? q.orderBy('c.created_at', 'desc').orderBy('c.id', 'desc')
      : q
          .orderBy(
            // The next target still to meet: the first response while there is none, else the resolution.
            sql`case when c.first_response_at is null and c.first_response_due < c.resolution_due
                  then c.first_response_due else c.resolution_due end`,
          )
          .orderBy('c.id');
  const rows = await ordered
    .limit(input.pageSize)
    .offset((input.page - 1) * input.pageSize)
    .execute();
  return { rows: rows.map((r) => toSummary(ctx, r)), total: Number(counted.n) };
}
