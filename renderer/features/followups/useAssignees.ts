import { useQuery } from '@tanstack/react-query';
import { can } from '../../../shared/permissions.js';
import { call } from '../../api/client';
import { useSession } from '../../stores/session';

/**
 * Active staff to give a follow-up to, as Select options. A clerk may only take work themselves
 * (the main process refuses the rest), so a clerk is offered themselves and whoever has it now.
 */
export function useAssignees(current: number | null = null) {
  const me = useSession((s) => s.session?.staff);
  const q = useQuery({
    queryKey: ['staff', 'assignees'],
    queryFn: () => call('staff.assignees', {}),
    staleTime: 60_000,
  });
  const manager = !!me && can(me.role, 'complaints.manage');
  const options = (q.data ?? [])
    .filter((s) => manager || s.id === me?.id || s.id === current)
    .map((s) => ({ value: String(s.id), label: s.displayName }));
  return { ...q, options, manager, mine: (id: number | null) => id !== null && id === me?.id };
}
