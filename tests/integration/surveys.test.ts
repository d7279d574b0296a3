import { afterEach, describe, expect, it } from 'vitest';
import { npsOf } from '../../shared/rules/complaints.js';
import { maxSurveyMembers } from '../../shared/surveys.js';
import { auditRows, closeShops, type Client } from './harness.js';
import { newMember, setDay } from './pointsHelpers.js';
import { complaintsShop, count, signInAgain } from './complaintsHelpers.js';

afterEach(closeShops);

/** Four members tagged 回访名单 (one of them archived), and one untagged. */
async function taggedShop() {
  const shop = await complaintsShop();
  const { owner } = shop;
  const tag = await owner.call('tags.create', { name: '回访名单', color: 'teal' });
  const tagged = [await newMember(owner), await newMember(owner), await newMember(owner), await newMember(owner)];
  await owner.call('tags.apply', { tagId: tag.id, memberIds: tagged, add: true });
  const archived = tagged[3]!;
  await owner.call('members.setArchived', { id: archived, archived: true });
  const untagged = await newMember(owner);
  return { ...shop, tag: tag.id, asked: tagged.slice(0, 3), archived, untagged };
}

async function answer(c: Client, surveyId: number, memberId: number, score: number, reason = '') {
  return c.call('surveys.respond', { surveyId, memberId, score, reason });
}

describe('NPS surveys: who is asked', () => {
  it('asks the members the filter shows, never archived ones, in one statement', async () => {
    const { h, manager, clerk, tag, asked, archived, untagged } = await taggedShop();
    const s = await manager.call('surveys.create', {
      name: '春季满意度',
      filter: { tagId: tag },
      filterNote: '标签：回访名单',
    });
    expect(s).toMatchObject({
      name: '春季满意度',
      filterNote: '标签：回访名单',
      createdByName: 'laozhang',
      closedAt: null,
      invited: 3,
      responded: 0,
      responsePct: 0,
      figures: { promoters: 0, passives: 0, detractors: 0, responses: 0, nps: null },
    });
    const rows = h.backend.raw
      .prepare('select member_id from survey_members where survey_id = ? order by member_id')
      .all(s.id) as { member_id: number }[];
    expect(rows.map((r) => r.member_id)).toEqual(asked);
    expect(rows.map((r) => r.member_id)).not.toContain(archived);
    expect(rows.map((r) => r.member_id)).not.toContain(untagged);
    expect(auditRows(h, 'surveys.created').map((a) => a.details)).toEqual([
      { surveyId: s.id, name: '春季满意度', invited: 3 },
    ]);

    // Everyone unfiltered: the four live members, the archived one still left out.
    const all = await manager.call('surveys.create', { name: '全体', filter: {} });
    expect(all.invited).toBe(4);
    expect((await clerk.fail('surveys.create', { name: '店员', filter: {} })).code).toBe('FORBIDDEN');
  });

  it('refuses a filter that finds nobody and leaves no survey behind', async () => {
    const { h, manager, tag } = await taggedShop();
    // The archived list only: archived members are never asked.
    const e = await manager.fail('surveys.create', { name: '已归档', filter: { tagId: tag, archived: true } });
    expect(e.fields).toEqual({ filter: { messageKey: 'errors.surveys.noMembers' } });
    const none = await manager.fail('surveys.create', { name: '十三月', filter: { joinedFrom: '2030-01-01' } });
    expect(none.fields).toEqual({ filter: { messageKey: 'errors.surveys.noMembers' } });
    expect(count(h, 'select count(*) as n from surveys')).toBe(0);
    expect(count(h, 'select count(*) as n from survey_members')).toBe(0);
    expect(auditRows(h, 'surveys.created')).toEqual([]);
  });

  it('asks at most maxSurveyMembers members: a larger set is refused whole, an exact one is taken', async () => {
    const { h, manager } = await taggedShop();
    // The shop has 4 live members; add enough to make the whole membership one too many.
    const add = h.backend.raw.prepare(
      `insert into members (member_no, phone, phone_kind, phone_rev, source, created_at, created_day, created_by, updated_at)
       values (?, ?, 'mobile', ?, 'in_store', 't', 'd', 1, 't')`,
    );
    h.backend.raw.transaction(() => {
      for (let i = 0; i < maxSurveyMembers - 3; i++) add.run(`B${i}`, `+8613900${String(i).padStart(6, '0')}`, `r${i}`);
    })();
    const e = await manager.fail('surveys.create', { name: '全体', filter: {} });
    expect(e.fields).toEqual({ filter: { messageKey: 'errors.surveys.tooMany', params: { max: maxSurveyMembers } } });
    expect(count(h, 'select count(*) as n from surveys')).toBe(0);
    expect(count(h, 'select count(*) as n from survey_members')).toBe(0);
    h.backend.raw.prepare(`update members set archived_at = 't' where member_no = 'B0'`).run();
    expect((await manager.call('surveys.create', { name: '全体', filter: {} })).invited).toBe(maxSurveyMembers);
  });
});

describe('NPS surveys: answers', () => {
  it('takes answers as they come, a correction replaces the earlier one, and the figures are exact', async () => {
    const { h, manager, clerk, tag, asked, untagged } = await taggedShop();
    const s = await manager.call('surveys.create', { name: '春季', filter: { tagId: tag } });
    const [a, b, c] = asked as [number, number, number];
    const first = await answer(clerk, s.id, a, 10, '服务周到');
    expect(first).toMatchObject({ memberId: a, score: 10, reason: '服务周到', recordedByName: 'xiaoli' });
    expect(first.respondedAt).toBe(h.clock.now().toISOString());
    await answer(clerk, s.id, b, 8);
    await setDay(h, '2026-03-02');
    const { clerk: c2, manager: m2, owner } = await signInAgain(h);
    // b called back: it was a 6 after all.
    const fixed = await answer(m2, s.id, b, 6, '价格偏高');
    expect(fixed).toMatchObject({ score: 6, reason: '价格偏高', recordedByName: 'laozhang' });
    const stored = h.backend.raw
      .prepare('select score, responded_day from survey_members where survey_id = ? and member_id = ?')
      .get(s.id, b);
    expect(stored).toEqual({ score: 6, responded_day: '2026-03-02' });

    const [info] = await owner.call('surveys.list', {});
    expect(info).toMatchObject({ id: s.id, invited: 3, responded: 2, responsePct: 67 });
    expect(info!.figures).toEqual(npsOf([10, 6]));
    expect(info!.figures).toEqual({ promoters: 1, passives: 0, detractors: 1, responses: 2, nps: 0 });

    await answer(c2, s.id, c, 9);
    const [after] = await c2.call('surveys.list', {});
    expect(after).toMatchObject({ responded: 3, responsePct: 100 });
    expect(after!.figures).toEqual({ promoters: 2, passives: 0, detractors: 1, responses: 3, nps: 33 });

    const notAsked = await c2.fail('surveys.respond', { surveyId: s.id, memberId: untagged, score: 9 });
    expect(notAsked.fields).toEqual({ memberId: { messageKey: 'errors.surveys.notAsked' } });
    expect((await c2.fail('surveys.respond', { surveyId: 999, memberId: a, score: 9 })).messageKey).toBe(
      'errors.surveys.notFound',
    );
    expect((await c2.fail('surveys.respond', { surveyId: s.id, memberId: a, score: 11 })).fields).toEqual({
      score: { messageKey: 'errors.range', params: { limit: 10 } },
    });

    const events = (await c2.call('members.timeline', { id: b })).rows.filter((e) => e.kind === 'npsAnswered');
    expect(events.map((e) => [e.data, e.body])).toEqual([
      [{ surveyId: s.id, survey: '春季', score: 6 }, '价格偏高'],
      [{ surveyId: s.id, survey: '春季', score: 8 }, ''],
    ]);
  });

  it('pages the members asked, by who answered, with phones masked for clerks', async () => {
    const { owner, manager, clerk, tag, asked } = await taggedShop();
    const s = await manager.call('surveys.create', { name: '春季', filter: { tagId: tag } });
    const [a, b, c] = asked as [number, number, number];
    await answer(clerk, s.id, b, 7);
    const members = (responded: boolean | null, page = 1, pageSize = 50) =>
      clerk.call('surveys.members', { surveyId: s.id, responded, page, pageSize });
    expect((await members(null)).rows.map((r) => r.memberId)).toEqual([a, b, c]);
    expect((await members(true)).rows.map((r) => [r.memberId, r.score])).toEqual([[b, 7]]);
    expect((await members(false)).rows.map((r) => [r.memberId, r.score])).toEqual([
      [a, null],
      [c, null],
    ]);
    const second = await members(null, 2, 2);
    expect(second.total).toBe(3);
    expect(second.rows.map((r) => r.memberId)).toEqual([c]);

    const [clerkRow] = (await members(null)).rows;
    const [ownerRow] = (await owner.call('surveys.members', { surveyId: s.id, responded: null })).rows;
    expect(clerkRow!.phone).toMatch(/^139\*{4}\d{4}$/);
    expect(ownerRow!.phone).toMatch(/^139 \d{4} \d{4}$/);
    expect(clerkRow).toMatchObject({ memberName: ownerRow!.memberName, memberNo: ownerRow!.memberNo });
  });

  it('a closed survey keeps its figures and takes no more answers', async () => {
    const { h, manager, clerk, tag, asked } = await taggedShop();
    const s = await manager.call('surveys.create', { name: '春季', filter: { tagId: tag } });
    await answer(clerk, s.id, asked[0]!, 9);
    expect((await clerk.fail('surveys.close', { surveyId: s.id })).code).toBe('FORBIDDEN');
    const closed = await manager.call('surveys.close', { surveyId: s.id });
    expect(closed).toMatchObject({ closedAt: h.clock.now().toISOString(), invited: 3, responded: 1, responsePct: 33 });
    const late = await clerk.fail('surveys.respond', { surveyId: s.id, memberId: asked[1]!, score: 3 });
    expect(late).toMatchObject({ code: 'CONFLICT', messageKey: 'errors.surveys.closed' });
    const fix = await clerk.fail('surveys.respond', { surveyId: s.id, memberId: asked[0]!, score: 3 });
    expect(fix.messageKey).toBe('errors.surveys.closed');
    expect((await manager.fail('surveys.close', { surveyId: s.id })).messageKey).toBe('errors.surveys.closed');
    expect((await manager.fail('surveys.close', { surveyId: 999 })).code).toBe('NOT_FOUND');
    const [info] = await clerk.call('surveys.list', {});
    expect(info!.figures).toEqual({ promoters: 1, passives: 0, detractors: 0, responses: 1, nps: 100 });
    expect(auditRows(h, 'surveys.closed').map((a) => a.details)).toEqual([
      { surveyId: s.id, invited: 3, responded: 1 },
    ]);
  });

  it('lists surveys newest first, each with its own figures', async () => {
    const { manager, clerk, tag, asked } = await taggedShop();
    const older = await manager.call('surveys.create', { name: '一月', filter: { tagId: tag } });
    const newer = await manager.call('surveys.create', { name: '二月', filter: {} });
    await answer(clerk, older.id, asked[0]!, 2);
    await answer(clerk, newer.id, asked[0]!, 10);
    await answer(clerk, newer.id, asked[1]!, 10);
    const list = await clerk.call('surveys.list', {});
    expect(list.map((s) => [s.name, s.invited, s.responded, s.figures.nps])).toEqual([
      ['二月', 4, 2, 100],
      ['一月', 3, 1, -100],
    ]);
  });
});
