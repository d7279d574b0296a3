import { z } from 'zod';
import { channel } from './channel.js';
import type { StaffInfo } from '../domain.js';
import { roles, type Role } from '../permissions.js';
import { displayName, id, password, username } from './fields.js';

const role = z.enum(roles, 'errors.choice');

export const staffChannels = {
  'staff.list': channel<StaffInfo[]>()({ input: z.object({}), access: 'staff.manage', idempotent: false }),
  'staff.create': channel<StaffInfo>()({
    input: z.object({ username, displayName, role, password }),
    access: 'staff.manage',
    idempotent: true,
  }),
  'staff.update': channel<StaffInfo>()({
    input: z.object({ staffId: id, displayName, role }),
    access: 'staff.manage',
    idempotent: true,
  }),
  'staff.resetPassword': channel<{ ok: true }>()({
    input: z.object({ staffId: id, password }),
    access: 'staff.manage',
    idempotent: true,
  }),
  /**
   * Deactivating someone with open complaints or follow-ups needs `reassignTo`: another active
   * staff member, or null to leave them unassigned (complaints go back to new). Without it the
   * call is refused with the counts, so the owner is asked first.
   */
  'staff.setActive': channel<StaffInfo>()({
    input: z.object({ staffId: id, active: z.boolean(), reassignTo: id.nullable().optional() }),
    access: 'staff.manage',
    idempotent: true,
  }),
  /** The open complaints and follow-ups assigned to a staff member. */
  'staff.openWork': channel<{ complaints: number; followups: number }>()({
    input: z.object({ staffId: id }),
    access: 'staff.manage',
    idempotent: false,
  }),
  /** Active staff to assign work to: names only, for every role. */
  'staff.assignees': channel<{ id: number; displayName: string; role: Role }[]>()({
    input: z.object({}),
    access: 'session',
    idempotent: false,
  }),
};
