import { afterEach, describe, expect, it } from 'vitest';
import { auditRows, closeShops, type Harness } from './harness.js';
import { newMember } from './pointsHelpers.js';
import { complaintIn, complaintRow, complaintsShop, logFor, stepRows } from './complaintsHelpers.js';

afterEach(closeShops);

describe('complaints on the member timeline and in the audit log', () => {
  it('records each step on the timeline with its text, and audits ids without it', async () => {
    const { h, manager, clerk, ids } = await complaintsShop();
    const m = await newMember(manager);
    const { id } = await logFor(clerk, m, { description: '态度差' });
    await manager.call('complaints.assign', { id, assigneeId: ids.clerk, note: '' });
    await clerk.call('complaints.start', { id, note: '已电话联系' });
    await clerk.call('complaints.addNote', { id, note: '顾客要求退款' });
    await clerk.call('complaints.resolve', {
      id,
      resolution: '道歉并送积分',
      compensation: { kind: 'points', points: 20 },
    });
    await clerk.call('complaints.close', { id, note: '', csat: { score: 4, comment: '还行', by: 'member' } });
    await manager.call('complaints.reopen', { id, note: '又来投诉' });

    const events = (await manager.call('members.timeline', { id: m })).rows.reverse();
    const mine = events.filter((e) => e.kind.startsWith('complaint') || e.kind === 'csatRecorded');
    expect(mine.map((e) => [e.kind, e.body, e.data])).toEqual([
      ['complaintLogged', '态度差', { complaintId: id, severity: 'normal', categoryId: expect.any(Number) }],
      ['complaintNote', '顾客要求退款', { complaintId: id }],
      ['complaintResolved', '道歉并送积分', { complaintId: id, compensation: 'points', points: 20 }],
      // Closing with a CSAT is one entry: the score in its data, the comment as its body.
      ['complaintClosed', '还行', { complaintId: id, score: 4 }],
      ['complaintReopened', '又来投诉', { complaintId: id }],
    ]);
    expect(events.map((e) => e.kind)).toContain('followupCreated');
    const actions = auditRows(h)
      .filter((r) => r.action.startsWith('complaints.'))
      .map((r) => [r.action, r.details.complaintId, r.details.from ?? null, r.details.to ?? null]);
    expect(actions).toEqual([
      ['complaints.logged', id, null, null],
      ['complaints.assigned', id, 'new', 'assigned'],
      ['complaints.started', id, 'assigned', 'inProgress'],
      ['complaints.resolved', id, 'inProgress', 'resolved'],
      ['complaints.closed', id, 'resolved', 'closed'],
      ['complaints.reopened', id, 'closed', 'inProgress'],
    ]);
    expect(auditRows(h, 'complaints.resolved')[0]!.details).toMatchObject({ compensation: 'points', worthFen: 2000 });
    const text = JSON.stringify(auditRows(h));
    for (const said of ['态度差', '顾客要求退款', '道歉并送积分', '还行', '又来投诉']) expect(text).not.toContain(said);
    expect(stepRows(h, id).map((s) => s.action)).toEqual([
      'log',
      'assign',
      'start',
      'note',
      'resolve',
      'close',
      'reopen',
    ]);
  });
});

describe('CSAT on the member timeline', () => {
  it('a score given later is its own entry; a closing without one says nothing of a score', async () => {
    const { manager, ids } = await complaintsShop();
    const m = await newMember(manager);
    const id = await complaintIn(manager, m, 'resolved', ids.manager);
    await manager.call('complaints.close', { id, note: '', csat: null });
    await manager.call('complaints.rate', { id, csat: { score: 5, comment: '回电话问的', by: 'staff' } });
    const events = (await manager.call('members.timeline', { id: m })).rows.reverse();
    expect(
      events
        .filter((e) => e.kind === 'complaintClosed' || e.kind === 'csatRecorded')
        .map((e) => [e.kind, e.body, e.data]),
    ).toEqual([
      ['complaintClosed', '', { complaintId: id, score: null }],
      ['csatRecorded', '回电话问的', { complaintId: id, score: 5 }],
    ]);
  });
});

function insertSurvey(h: Harness, name: string): number {
  const r = h.backend.raw
    .prepare(`insert into surveys (name, created_at) values (?, '2026-03-01T02:00:00.000Z')`)
    .run(name);
  return Number(r.lastInsertRowid);
}

function ask(h: Harness, surveyId: number, memberId: number, score: number | null, reason = '') {
  h.backend.raw
    .prepare('insert into survey_members (survey_id, member_id, score, reason, responded_at) values (?, ?, ?, ?, ?)')
    .run(surveyId, memberId, score, reason, score === null ? null : '2026-03-01T02:00:00.000Z');
}

describe('complaints, follow-ups and survey answers in a merge', () => {
  it('move to the survivor; a survey both were asked keeps one row, the answered one', async () => {
    const { h, owner, manager, ids } = await complaintsShop();
    const survivor = await newMember(manager);
    const merged = await newMember(manager);
    const kept = await complaintIn(manager, survivor, 'resolved', ids.manager);
    const moved = await complaintIn(manager, merged, 'resolved', ids.manager);
    const [s1, s2, s3] = [insertSurvey(h, 'a'), insertSurvey(h, 'b'), insertSurvey(h, 'c')];
    // s1: only the merged record answered; s2: both did; s3: only the merged record was asked.
    ask(h, s1, survivor, null);
    ask(h, s1, merged, 9, '不错');
    ask(h, s2, survivor, 3, '一般');
    ask(h, s2, merged, 10, '很好');
    ask(h, s3, merged, null);
    await owner.call('members.merge', { survivorId: survivor, mergedId: merged });
    expect(h.backend.raw.prepare('select id, member_id from complaints order by id').all()).toEqual([
      { id: kept, member_id: survivor },
      { id: moved, member_id: survivor },
    ]);
    expect(h.backend.raw.prepare('select member_id from followups').all()).toEqual([
      { member_id: survivor },
      { member_id: survivor },
    ]);
    expect(
      h.backend.raw.prepare('select survey_id, member_id, score, reason from survey_members order by survey_id').all(),
    ).toEqual([
      { survey_id: s1, member_id: survivor, score: 9, reason: '不错' },
      { survey_id: s2, member_id: survivor, score: 3, reason: '一般' },
      { survey_id: s3, member_id: survivor, score: null, reason: '' },
    ]);
    expect((await manager.call('complaints.list', { view: 'all', memberId: survivor })).total).toBe(2);
  });
});

describe('complaints of an erased member', () => {
  it('keep their figures and lose what was said and written', async () => {
    const { h, owner, manager, ids } = await complaintsShop();
    const m = await owner.call('members.register', { phone: '13812345678', name: '欧阳秘' });
    const { id } = await logFor(manager, m.id, { contactName: '她女儿', contactPhone: '13911112222' });
    await manager.call('complaints.assign', { id, assigneeId: ids.manager, note: '欧阳秘的订单' });
    await manager.call('complaints.resolve', {
      id,
      resolution: '给欧阳秘退货',
      compensation: { kind: 'refund', amountFen: 3000, reference: 'POS-1' },
    });
    await manager.call('complaints.close', { id, note: '', csat: { score: 2, comment: '欧阳秘不满意', by: 'staff' } });
    h.backend.raw.prepare(`update followups set note = 'n', outcome_note = 'o', next_step = 's'`).run();
    const survey = insertSurvey(h, 'NPS');
    ask(h, survey, m.id, 6, '欧阳秘说太贵');

    await owner.call('members.erase', { id: m.id, confirm: m.memberNo });
    expect(complaintRow(h, id)).toMatchObject({
      member_id: m.id,
      description: '',
      resolution: '',
      csat_comment: '',
      contact_name: '',
      contact_phone: '',
      severity: 'normal',
      status: 'closed',
      compensation_kind: 'refund',
      compensation_fen: 3000,
      csat_score: 2,
    });
    expect(stepRows(h, id).every((s) => s.note === '')).toBe(true);
    expect(h.backend.raw.prepare('select note, outcome_note, next_step from followups').all()).toEqual([
      { note: '', outcome_note: '', next_step: '' },
    ]);
    expect(h.backend.raw.prepare('select score, reason from survey_members').all()).toEqual([{ score: 6, reason: '' }]);
    expect((await owner.call('complaints.get', { id })).memberName).toBe('');
  });
});
