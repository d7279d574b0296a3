import { useQuery } from '@tanstack/react-query';
import type { JobStatus } from '../../shared/domain.js';
import { call } from './client';

/**
 * Follows a long job (import, export, undo) by polling its status while it runs; stops polling
 * once it has ended. `job` is what the starting call returned, or null when none is running.
 */
export function useJob(job: JobStatus | null): JobStatus | null {
  const q = useQuery({
    queryKey: ['job', job?.id],
    queryFn: () => call('jobs.get', { id: job!.id }),
    enabled: !!job,
    refetchInterval: (query) => ((query.state.data?.state ?? job?.state) === 'running' ? 300 : false),
    // The job's own start value until the first poll answers.
    initialData: job ?? undefined,
    initialDataUpdatedAt: 0,
  });
  return job ? (q.data ?? job) : null;
}
