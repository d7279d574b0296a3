import type { ComplaintStatus } from '../../shared/complaints.js';
import type { InputOf } from '../../shared/contract/index.js';
import { addStaff, openShop, signedIn, type Client, type Harness } from './harness.js';

/** A shop with a manager and two clerks signed in, and each one's staff id. */
export async function complaintsShop() {
  const { h, owner } = await openShop();
  const ids = {
    owner: (await owner.call('auth.me', {})).staff.id,
    manager: (await addStaff(owner, 'laozhang', 'manager')).id,
    clerk: (await addStaff(owner, 'xiaoli', 'clerk')).id,
    clerk2: (await addStaff(owner, 'xiaowang', 'clerk')).id,
  };
  return {
    h,
    owner,
    ids,
    manager: await signedIn(h, 'laozhang', 'laozhang-pass-1'),
    clerk: await signedIn(h, 'xiaoli', 'xiaoli-pass-1'),
    clerk2: await signedIn(h, 'xiaowang', 'xiaowang-pass-1'),
  };
}

/** Everyone signs in again, after the clock jumped past the idle lock. */
export async function signInAgain(h: Harness) {
  return {
    owner: await signedIn(h, 'boss', 'owner-pass-1'),
    manager: await signedIn(h, 'laozhang', 'laozhang-pass-1'),
    clerk: await signedIn(h, 'xiaoli', 'xiaoli-pass-1'),
  };
}

/** The id of a built-in category by its key. */
export async function category(c: Client, key = 'quality'): Promise<number> {
  const { categories } = await c.call('complaints.config', {});
  return categories.find((x) => x.key === key)!.id;
}

export type LogInput = InputOf<'complaints.log'>;

/** A member's complaint, normal severity, in the quality category unless `extra` says otherwise. */
export async function logFor(c: Client, memberId: number | null, extra: Partial<LogInput> = {}) {
  return c.call('complaints.log', {
    memberId,
    channel: 'store',
    categoryId: extra.categoryId ?? (await category(c)),
    severity: 'normal',
    description: '买的牛奶过期了',
    ...extra,
  });
}

/** A walk-in's complaint: a name and a phone, no member record. */
export const walkIn = (extra: Partial<LogInput> = {}) => ({
  contactName: '路人甲',
  contactPhone: '13700137000',
  ...extra,
});

/**
 * A member's complaint brought to `status` by `c` (a manager or the owner), assigned to `assigneeId`
 * on the way. Resolved with an apology and closed without a score.
 */
export async function complaintIn(
  c: Client,
  memberId: number | null,
  status: ComplaintStatus,
  assigneeId: number,
): Promise<number> {
  const { id } = await logFor(c, memberId, memberId === null ? walkIn() : {});
  if (status === 'new') return id;
  await c.call('complaints.assign', { id, assigneeId, note: '' });
  if (status === 'assigned') return id;
  await c.call('complaints.start', { id, note: '已联系' });
  if (status === 'inProgress') return id;
  await c.call('complaints.resolve', { id, resolution: '已道歉', compensation: { kind: 'apology' } });
  if (status === 'resolved') return id;
  await c.call('complaints.close', { id, note: '', csat: null });
  return id;
}

export function complaintRow(h: Harness, id: number): Record<string, unknown> {
  return h.backend.raw.prepare('select * from complaints where id = ?').get(id) as Record<string, unknown>;
}

export interface StepRow {
  action: string;
  from_status: string | null;
  to_status: string;
  note: string;
  assignee_id: number | null;
  staff_id: number | null;
}

export function stepRows(h: Harness, id: number): StepRow[] {
  return h.backend.raw
    .prepare(
      'select action, from_status, to_status, note, assignee_id, staff_id from complaint_steps where complaint_id = ? order by id',
    )
    .all(id) as StepRow[];
}

export function count(h: Harness, sql: string, ...params: unknown[]): number {
  return (h.backend.raw.prepare(sql).get(...params) as { n: number }).n;
}
