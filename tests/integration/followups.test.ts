import { afterEach, describe, expect, it } from 'vitest';
import type { FollowupView } from '../../shared/contract/followups.js';
import { auditRows, closeShops, type Client } from './harness.js';
import { newMember, setDay } from './pointsHelpers.js';
import { complaintsShop, logFor, signInAgain, walkIn } from './complaintsHelpers.js';

afterEach(closeShops);

// The harness clock starts on shop day 2026-03-01 (10:00 in Shanghai).

async function list(c: Client, view: FollowupView, memberId: number | null = null) {
  return (await c.call('followups.list', { view, memberId })).rows;
}

const ids = (rows: { id: number }[]) => rows.map((r) => r.id);

describe('follow-ups: the lists', () => {
  it("a task shows on today's list from its due day, late after it, and on mine and open until done", async () => {
    const { h, clerk, ids: staff } = await complaintsShop();
    const m = await newMember(clerk);
    const task = await clerk.call('followups.create', {
      memberId: m,
      reason: 'largePurchase',
      note: '问问茶叶喝得怎样',
      dueOn: '2026-03-04',
      assigneeId: staff.clerk,
    });
    expect(task).toMatchObject({
      memberId: m,
      reason: 'largePurchase',
      dueOn: '2026-03-04',
      assigneeId: staff.clerk,
      assigneeName: 'xiaoli',
      outcome: null,
      doneAt: null,
      late: false,
    });
    expect(ids(await list(clerk, 'today'))).toEqual([]);
    expect(ids(await list(clerk, 'open'))).toEqual([task.id]);
    expect(ids(await list(clerk, 'mine'))).toEqual([task.id]);

    await setDay(h, '2026-03-03');
    let { clerk: c } = await signInAgain(h);
    expect(ids(await list(c, 'today'))).toEqual([]);
    await setDay(h, '2026-03-04');
    const again = await signInAgain(h);
    c = again.clerk;
    const manager = again.manager;
    const today = await list(c, 'today');
    expect(today.map((r) => [r.id, r.late])).toEqual([[task.id, false]]);
    // Someone else's task is on everyone's today list, but only on its assignee's own list.
    expect(ids(await list(manager, 'today'))).toEqual([task.id]);
    expect(ids(await list(manager, 'mine'))).toEqual([]);

    await setDay(h, '2026-03-06');
    ({ clerk: c } = await signInAgain(h));
    expect((await list(c, 'today')).map((r) => [r.id, r.late])).toEqual([[task.id, true]]);
    await c.call('followups.record', { id: task.id, outcome: 'reached', note: '很满意' });
    expect(await list(c, 'today')).toEqual([]);
    expect(await list(c, 'open')).toEqual([]);
    expect((await list(c, 'done')).map((r) => [r.id, r.late, r.outcome])).toEqual([[task.id, false, 'reached']]);

    expect(auditRows(h, 'followups.created').map((a) => a.details)).toEqual([
      { followupId: task.id, memberId: m, reason: 'largePurchase', dueOn: '2026-03-04' },
    ]);
    const timeline = await c.call('members.timeline', { id: m });
    expect(timeline.rows.map((e) => [e.kind, e.data, e.body])).toEqual([
      ['followupDone', { followupId: task.id, outcome: 'reached' }, '很满意'],
      ['followupCreated', { followupId: task.id, reason: 'largePurchase', dueOn: '2026-03-04' }, '问问茶叶喝得怎样'],
      ['registered', expect.anything(), expect.anything()],
    ]);
  });

  it('orders open tasks by due day, done ones newest first, and filters by member', async () => {
    const { h, owner } = await complaintsShop();
    const a = await newMember(owner);
    const b = await newMember(owner);
    const make = (memberId: number, dueOn: string) =>
      owner.call('followups.create', { memberId, reason: 'custom', note: '问问近况', dueOn, assigneeId: null });
    const late = await make(a, '2026-03-05');
    const soon = await make(b, '2026-03-02');
    const same = await make(a, '2026-03-02');
    expect(ids(await list(owner, 'open'))).toEqual([soon.id, same.id, late.id]);
    expect(ids(await list(owner, 'open', a))).toEqual([same.id, late.id]);
    await owner.call('followups.record', { id: late.id, outcome: 'notReached' });
    h.clock.advance(60_000);
    await owner.call('followups.record', { id: soon.id, outcome: 'reached' });
    expect(ids(await list(owner, 'done'))).toEqual([soon.id, late.id]);
    expect(ids(await list(owner, 'done', a))).toEqual([late.id]);
    const page = await owner.call('followups.list', { view: 'open', memberId: null, page: 1, pageSize: 1 });
    expect(page.total).toBe(1);
    expect(ids(page.rows)).toEqual([same.id]);
  });
});

describe('follow-ups: making one by hand', () => {
  it('refuses a past day, an unknown or inactive assignee, a missing member, and a clerk assigning someone else', async () => {
    const { owner, clerk, manager, ids: staff } = await complaintsShop();
    const m = await newMember(owner);
    const base = { memberId: m, reason: 'birthday' as const, dueOn: '2026-03-01' };
    const past = await clerk.fail('followups.create', { ...base, dueOn: '2026-02-28' });
    expect(past.fields).toEqual({ dueOn: { messageKey: 'errors.followups.pastDue' } });
    const other = await clerk.fail('followups.create', { ...base, assigneeId: staff.clerk2 });
    expect(other).toMatchObject({ code: 'FORBIDDEN', messageKey: 'errors.followups.assignOthers' });
    expect((await clerk.fail('followups.create', { ...base, assigneeId: 9999 })).fields).toEqual({
      assigneeId: { messageKey: 'errors.followups.badAssignee' },
    });
    const gone = await owner.call('staff.create', {
      username: 'xiaozhao',
      displayName: 'xiaozhao',
      role: 'clerk',
      password: 'xiaozhao-pass-1',
    });
    await owner.call('staff.setActive', { staffId: gone.id, active: false });
    expect((await manager.fail('followups.create', { ...base, assigneeId: gone.id })).fields).toEqual({
      assigneeId: { messageKey: 'errors.followups.badAssignee' },
    });
    expect((await clerk.fail('followups.create', { ...base, memberId: 9999 })).messageKey).toBe(
      'errors.member.notFound',
    );
    // A custom task is only its note: without one (blanks trimmed) there is nothing to do.
    for (const note of [undefined, '', '   '])
      expect((await clerk.fail('followups.create', { ...base, reason: 'custom', note })).fields).toEqual({
        note: { messageKey: 'errors.required' },
      });
    expect(await list(owner, 'open')).toEqual([]);

    // Today is allowed; a clerk may take it or leave it unassigned; a manager gives it to anyone.
    expect((await clerk.call('followups.create', { ...base, assigneeId: staff.clerk })).assigneeId).toBe(staff.clerk);
    expect((await clerk.call('followups.create', base)).assigneeId).toBeNull();
    expect((await manager.call('followups.create', { ...base, assigneeId: staff.clerk2 })).assigneeName).toBe(
      'xiaowang',
    );
  });

  it('shows a clerk whole phones for their own tasks and those nobody holds, masked for a colleague’s', async () => {
    const { owner, clerk, ids: staff } = await complaintsShop();
    const task = async (assigneeId: number | null) => {
      const memberId = await newMember(owner);
      return (await owner.call('followups.create', { memberId, reason: 'inactive', dueOn: '2026-03-01', assigneeId }))
        .id;
    };
    const [nobodys, mine, theirs] = [await task(null), await task(staff.clerk), await task(staff.clerk2)];
    const phones = async (c: Client) => new Map((await list(c, 'today')).map((r) => [r.id, r.phone]));
    const seen = await phones(clerk);
    expect(seen.get(nobodys)).toMatch(/^139 \d{4} \d{4}$/);
    expect(seen.get(mine)).toMatch(/^139 \d{4} \d{4}$/);
    expect(seen.get(theirs)).toMatch(/^139\*{4}\d{4}$/);
    const owners = await phones(owner);
    for (const id of [nobodys, mine, theirs]) expect(owners.get(id)).toMatch(/^139 \d{4} \d{4}$/);
    expect(owners.get(theirs)!.slice(-4)).toBe(seen.get(theirs)!.slice(-4));
    expect((await list(clerk, 'today'))[0]!.memberName).toMatch(/^会员\d+$/);
  });
});

describe('follow-ups: recording the outcome', () => {
  it('a call back closes this task and schedules the next; a done task refuses both recording and reassigning', async () => {
    const { h, manager, clerk, ids: staff } = await complaintsShop();
    const m = await newMember(manager);
    const first = await manager.call('followups.create', {
      memberId: m,
      reason: 'birthday',
      dueOn: '2026-03-01',
      assigneeId: staff.clerk,
    });
    const missing = await clerk.fail('followups.record', { id: first.id, outcome: 'callBack' });
    expect(missing.fields).toEqual({ callBackOn: { messageKey: 'errors.required' } });
    const past = await clerk.fail('followups.record', { id: first.id, outcome: 'callBack', callBackOn: '2026-02-27' });
    expect(past.fields).toEqual({ callBackOn: { messageKey: 'errors.followups.pastDue' } });

    const done = await clerk.call('followups.record', {
      id: first.id,
      outcome: 'callBack',
      note: '在开会',
      nextStep: '周五下午再打',
      callBackOn: '2026-03-06',
    });
    expect(done).toMatchObject({
      id: first.id,
      outcome: 'callBack',
      outcomeNote: '在开会',
      nextStep: '周五下午再打',
      doneAt: h.clock.now().toISOString(),
      doneByName: 'xiaoli',
    });
    const [next] = await list(clerk, 'open');
    expect(next).toMatchObject({
      previousId: first.id,
      memberId: m,
      reason: 'birthday',
      note: '周五下午再打',
      dueOn: '2026-03-06',
      assigneeId: staff.clerk,
      complaintId: null,
      outcome: null,
    });
    expect(auditRows(h, 'followups.recorded').map((a) => a.details)).toEqual([
      { followupId: first.id, outcome: 'callBack', nextId: next!.id },
    ]);

    const again = await clerk.fail('followups.record', { id: first.id, outcome: 'reached' });
    expect(again).toMatchObject({ code: 'CONFLICT', messageKey: 'errors.followups.done' });
    const move = await manager.fail('followups.reassign', { id: first.id, assigneeId: null, dueOn: '2026-03-09' });
    expect(move).toMatchObject({ code: 'CONFLICT', messageKey: 'errors.followups.done' });
    expect((await clerk.fail('followups.record', { id: 9999, outcome: 'reached' })).code).toBe('NOT_FOUND');

    await setDay(h, '2026-03-06');
    const { clerk: c } = await signInAgain(h);
    expect(ids(await list(c, 'today'))).toEqual([next!.id]);
    await c.call('followups.record', { id: next!.id, outcome: 'reached', note: '已送上生日券' });
    expect(ids(await list(c, 'done'))).toEqual([next!.id, first.id]);
    const kinds = (await c.call('members.timeline', { id: m })).rows.map((e) => e.kind);
    expect(kinds.filter((k) => k.startsWith('followup'))).toEqual([
      'followupDone',
      'followupCreated',
      'followupDone',
      'followupCreated',
    ]);
  });

  it('reassigning: a manager hands a task over and moves it; a clerk takes it, moves its day or gives it back', async () => {
    const { h, manager, clerk, clerk2, ids: staff } = await complaintsShop();
    const m = await newMember(manager);
    const t = await manager.call('followups.create', {
      memberId: m,
      reason: 'custom',
      note: '送新品试用装',
      dueOn: '2026-03-03',
      assigneeId: null,
    });
    const give = await clerk.fail('followups.reassign', { id: t.id, assigneeId: staff.clerk2, dueOn: '2026-03-03' });
    expect(give).toMatchObject({ code: 'FORBIDDEN', messageKey: 'errors.followups.assignOthers' });

    expect(
      (await clerk.call('followups.reassign', { id: t.id, assigneeId: staff.clerk, dueOn: '2026-03-03' })).assigneeId,
    ).toBe(staff.clerk);
    expect(ids(await list(clerk, 'mine'))).toEqual([t.id]);
    expect(await list(clerk2, 'mine')).toEqual([]);
    // A colleague may move the day of a task they leave with its assignee, but not take it off them.
    expect(
      (await clerk2.call('followups.reassign', { id: t.id, assigneeId: staff.clerk, dueOn: '2026-03-05' })).dueOn,
    ).toBe('2026-03-05');
    const off = await clerk2.fail('followups.reassign', { id: t.id, assigneeId: null, dueOn: '2026-03-05' });
    expect(off.code).toBe('FORBIDDEN');
    expect(
      (await clerk.call('followups.reassign', { id: t.id, assigneeId: null, dueOn: '2026-03-05' })).assigneeId,
    ).toBeNull();
    const past = await manager.fail('followups.reassign', { id: t.id, assigneeId: staff.clerk2, dueOn: '2026-02-28' });
    expect(past.fields).toEqual({ dueOn: { messageKey: 'errors.followups.pastDue' } });
    await manager.call('followups.reassign', { id: t.id, assigneeId: staff.clerk2, dueOn: '2026-03-02' });

    // Late now: it may keep its day while it changes hands.
    await setDay(h, '2026-03-04');
    const { manager: mgr } = await signInAgain(h);
    const kept = await mgr.call('followups.reassign', { id: t.id, assigneeId: staff.manager, dueOn: '2026-03-02' });
    expect(kept).toMatchObject({ assigneeId: staff.manager, dueOn: '2026-03-02', late: true });
    expect(auditRows(h, 'followups.reassigned').map((a) => a.details)).toEqual([
      { followupId: t.id, fromAssignee: null, toAssignee: staff.clerk, fromDue: '2026-03-03', toDue: '2026-03-03' },
      {
        followupId: t.id,
        fromAssignee: staff.clerk,
        toAssignee: staff.clerk,
        fromDue: '2026-03-03',
        toDue: '2026-03-05',
      },
      { followupId: t.id, fromAssignee: staff.clerk, toAssignee: null, fromDue: '2026-03-05', toDue: '2026-03-05' },
      { followupId: t.id, fromAssignee: null, toAssignee: staff.clerk2, fromDue: '2026-03-05', toDue: '2026-03-02' },
      {
        followupId: t.id,
        fromAssignee: staff.clerk2,
        toAssignee: staff.manager,
        fromDue: '2026-03-02',
        toDue: '2026-03-02',
      },
    ]);
  });
});

describe('follow-ups after a complaint', () => {
  it("a walk-in's follow-up shows the complaint's contact to the one who calls, and its call back keeps the complaint", async () => {
    const { h, manager, ids: staff } = await complaintsShop();
    const { id: complaintId } = await logFor(manager, null, walkIn({ assigneeId: staff.clerk }));
    await manager.call('complaints.resolve', {
      id: complaintId,
      resolution: '已退换',
      compensation: { kind: 'apology' },
    });

    // Resolved on 03-01; the default setting books the visit 3 days later, for the complaint's assignee.
    await setDay(h, '2026-03-04');
    const { clerk, owner } = await signInAgain(h);
    const [task] = await list(clerk, 'today');
    expect(task).toMatchObject({
      memberId: null,
      memberName: '路人甲',
      // The clerk holds the task: they make the call and see the whole number.
      phone: '137 0013 7000',
      reason: 'complaint',
      complaintId,
      dueOn: '2026-03-04',
      assigneeId: staff.clerk,
    });
    expect((await list(owner, 'today'))[0]!.phone).toBe('137 0013 7000');

    await clerk.call('followups.record', {
      id: task!.id,
      outcome: 'callBack',
      nextStep: '下周再问',
      callBackOn: '2026-03-09',
    });
    const [next] = await list(clerk, 'open');
    expect(next).toMatchObject({
      memberId: null,
      memberName: '路人甲',
      complaintId,
      previousId: task!.id,
      reason: 'complaint',
      dueOn: '2026-03-09',
    });
  });

  it("a member's follow-up from a complaint is on their timeline and filtered by member", async () => {
    const { h, manager, ids: staff } = await complaintsShop();
    const m = await newMember(manager);
    const { id } = await logFor(manager, m, { assigneeId: staff.manager });
    await manager.call('complaints.resolve', { id, resolution: '换货', compensation: { kind: 'apology' } });
    const [task] = await list(manager, 'open', m);
    expect(task).toMatchObject({ memberId: m, complaintId: id, dueOn: '2026-03-04', assigneeId: staff.manager });
    await setDay(h, '2026-03-04');
    const { manager: mgr } = await signInAgain(h);
    await mgr.call('followups.record', { id: task!.id, outcome: 'notReached', note: '没接' });
    const events = (await mgr.call('members.timeline', { id: m })).rows;
    expect(events.find((e) => e.kind === 'followupDone')?.data).toEqual({
      followupId: task!.id,
      outcome: 'notReached',
    });
  });
});
