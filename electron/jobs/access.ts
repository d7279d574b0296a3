import type { JobStatus } from '../../shared/domain.js';
import { appError } from '../../shared/errors.js';
import { requireStaff, type Ctx } from '../context.js';

/** A job is its starter's; the owner may see and stop any (a rollback at start has no starter). */
function visible(ctx: Ctx, id: string): JobStatus {
  const me = requireStaff(ctx);
  const job = ctx.backend.jobs.get(id);
  if (!job || (job.staffId !== me.id && me.role !== 'owner')) throw appError('NOT_FOUND', 'errors.jobs.notFound');
  return job;
}

export async function getJob(ctx: Ctx, id: string): Promise<JobStatus> {
  return visible(ctx, id);
}

export async function cancelJob(ctx: Ctx, id: string): Promise<JobStatus> {
  visible(ctx, id);
  ctx.backend.jobs.cancel(id);
  return ctx.backend.jobs.get(id)!;
}
