import { useQuery } from '@tanstack/react-query';
import { can } from '../../../shared/permissions.js';
import { call } from '../../api/client';
import { useSession } from '../../stores/session';

/** Every mutation of a complaint changes what these show: lists, the detail, the member's points and timeline. */
export const complaintInvalidates = ['complaints', 'members', 'points', 'rewards', 'followups'];

export function useComplaintsConfig() {
  return useQuery({ queryKey: ['complaints', 'config'], queryFn: () => call('complaints.config', {}) });
}

export function useComplaint(id: number) {
  return useQuery({ queryKey: ['complaints', 'get', id], queryFn: () => call('complaints.get', { id }) });
}

/**
 * Who a complaint may be given to: any active staff member for a manager, only oneself for a clerk
 * (the main process refuses anything else).
 */
export function useAssignees() {
  const staff = useSession((s) => s.session)!.staff;
  const manage = can(staff.role, 'complaints.manage');
  const q = useQuery({
    queryKey: ['staff', 'assignees'],
    queryFn: () => call('staff.assignees', {}),
    enabled: manage,
  });
  const all = manage ? (q.data ?? []) : [{ id: staff.id, displayName: staff.displayName, role: staff.role }];
  return { me: staff, manage, assignees: all };
}
