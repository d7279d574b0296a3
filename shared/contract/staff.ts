import { z } from 'zod';
import { channel } from './channel.js';
import type { StaffInfo } from '../domain.js';
import { roles } from '../permissions.js';
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
  'staff.setActive': channel<StaffInfo>()({
    input: z.object({ staffId: id, active: z.boolean() }),
    access: 'staff.manage',
    idempotent: true,
  }),
};
