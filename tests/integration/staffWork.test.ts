import { afterEach, describe, expect, it } from 'vitest';
import { auditRows, closeShops, type Client } from './harness.js';
import { newMember } from './pointsHelpers.js';
import { complaintIn, complaintRow, complaintsShop, count, stepRows } from './complaintsHelpers.js';

afterEach(closeShops);

/** The clerk holds one assigned and one in-progress complaint, and one follow-up (from a resolved one). */
async function clerkWithWork() {
  const shop = await complaintsShop();
  const { manager, ids } = shop;
  const m = await newMember(manager);
  const assigned = await complaintIn(manager, m, 'assigned', ids.clerk);
  const working = await complaintIn(manager, m, 'inProgress', ids.clerk);
  const done = await complaintIn(manager, m, 'closed', ids.clerk);
  return { ...shop, assigned, working, done };
}

const active = async (owner: Client, id: number) =>
  (await owner.call('staff.list', {})).find((s) => s.id === id)!.active;

describe('deactivating staff with open work', () => {
  it('is refused with the counts until told where the work goes, and changes nothing', async () => {
    const { h, owner, clerk, ids, assigned } = await clerkWithWork();
    expect(await owner.call('staff.openWork', { staffId: ids.clerk })).toEqual({ complaints: 2, followups: 1 });
    const e = await owner.fail('staff.setActive', { staffId: ids.clerk, active: false });
    expect(e).toMatchObject({
      code: 'CONFLICT',
      messageKey: 'errors.staff.openWork',
      params: { complaints: 2, followups: 1 },
    });
    expect(await active(owner, ids.clerk)).toBe(true);
    expect(complaintRow(h, assigned).assignee_id).toBe(ids.clerk);
    // The clerk is still signed in: nothing ended the session.
    expect((await clerk.call('auth.me', {})).staff.id).toBe(ids.clerk);
    for (const reassignTo of [ids.clerk, 999]) {
      const bad = await owner.fail('staff.setActive', { staffId: ids.clerk, active: false, reassignTo });
      expect(bad.fields?.reassignTo?.messageKey).toBe('errors.staff.reassignInvalid');
    }
    await owner.call('staff.setActive', { staffId: ids.clerk2, active: false });
    const toInactive = await owner.fail('staff.setActive', {
      staffId: ids.clerk,
      active: false,
      reassignTo: ids.clerk2,
    });
    expect(toInactive.fields?.reassignTo?.messageKey).toBe('errors.staff.reassignInvalid');
    expect(await active(owner, ids.clerk)).toBe(true);
  });

  it('hands everything to another active staff member, keeping the statuses', async () => {
    const { h, owner, ids, assigned, working, done } = await clerkWithWork();
    const stepsBefore = stepRows(h, done);
    const r = await owner.call('staff.setActive', { staffId: ids.clerk, active: false, reassignTo: ids.manager });
    expect(r.active).toBe(false);
    expect(complaintRow(h, assigned)).toMatchObject({ status: 'assigned', assignee_id: ids.manager });
    expect(complaintRow(h, working)).toMatchObject({ status: 'inProgress', assignee_id: ids.manager });
    // A closed complaint is history: it keeps naming who worked it.
    expect(complaintRow(h, done).assignee_id).toBe(ids.clerk);
    expect(stepRows(h, done)).toEqual(stepsBefore);
    expect(stepRows(h, working).at(-1)).toMatchObject({
      action: 'assign',
      from_status: 'inProgress',
      to_status: 'inProgress',
      assignee_id: ids.manager,
      staff_id: ids.owner,
    });
    expect(count(h, 'select count(*) as n from followups where assignee_id = ? and done_at is null', ids.manager)).toBe(
      1,
    );
    expect(await owner.call('staff.openWork', { staffId: ids.clerk })).toEqual({ complaints: 0, followups: 0 });
    expect(auditRows(h, 'staff.workReassigned')).toMatchObject([
      { details: { staffId: ids.clerk, to: ids.manager, complaints: 2, followups: 1 } },
    ]);
    expect(auditRows(h, 'staff.deactivated')).toHaveLength(1);
  });

  it('or to nobody: an assigned complaint goes back to new, one in progress stays in progress', async () => {
    const { h, owner, manager, ids, assigned, working } = await clerkWithWork();
    await owner.call('staff.setActive', { staffId: ids.clerk, active: false, reassignTo: null });
    expect(complaintRow(h, assigned)).toMatchObject({ status: 'new', assignee_id: null });
    expect(complaintRow(h, working)).toMatchObject({ status: 'inProgress', assignee_id: null });
    expect(stepRows(h, assigned).at(-1)).toMatchObject({
      action: 'assign',
      from_status: 'assigned',
      to_status: 'new',
      assignee_id: null,
    });
    expect(count(h, 'select count(*) as n from followups where assignee_id is null')).toBe(1);
    // Back in the open list for someone to take.
    const open = await manager.call('complaints.list', { view: 'open', status: 'new' });
    expect(open.rows.map((c) => c.id)).toEqual([assigned]);
    expect((await manager.call('complaints.assign', { id: assigned, assigneeId: ids.manager, note: '' })).status).toBe(
      'assigned',
    );
  });

  it('someone without open work is deactivated as before; reactivating needs nothing', async () => {
    const { owner, ids } = await complaintsShop();
    expect((await owner.call('staff.setActive', { staffId: ids.clerk2, active: false })).active).toBe(false);
    expect((await owner.call('staff.setActive', { staffId: ids.clerk2, active: true })).active).toBe(true);
  });
});

describe('staff to assign work to', () => {
  it('lists active staff, names and roles only, to every role; open work is the owner’s to see', async () => {
    const { owner, clerk, ids } = await complaintsShop();
    await owner.call('staff.setActive', { staffId: ids.clerk2, active: false });
    const list = await clerk.call('staff.assignees', {});
    expect(list.map((s) => s.id).sort()).toEqual([ids.owner, ids.manager, ids.clerk].sort());
    expect(list.find((s) => s.id === ids.clerk)).toEqual({ id: ids.clerk, displayName: 'xiaoli', role: 'clerk' });
    expect((await clerk.fail('staff.openWork', { staffId: ids.clerk })).code).toBe('FORBIDDEN');
  });
});
