import { copyFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterEach, describe, expect, it } from 'vitest';
import type { ExportResult } from '../../shared/contract/export.js';
import { complaintFileFields, complaintFileHeaders, complaintReportHeaders } from '../../shared/io/complaintFields.js';
import { firstSheet } from './exportHelpers.js';
import { auditRows, closeShops, ownerAccount, signedIn, tempDir, type Client } from './harness.js';
import { finished } from './ioHelpers.js';
import { newMember } from './pointsHelpers.js';
import { category, complaintsShop, logFor, walkIn } from './complaintsHelpers.js';

afterEach(closeShops);

/**
 * A hand-made quarter (Shanghai, UTC+8; times below are UTC). Default targets: first response
 * normal 24 h, high 4 h, urgent 1 h, low 48 h; resolution by the end of the shop day +3, +1, +0, +7.
 *
 *  A member, quality, normal  03-01 02:00  response 30 min, resolved 120 min, closed 03-01 CSAT 5
 *  B walk-in, attitude, high  03-01 03:00  response 300 min (late), resolved 2820 min (late), closed 03-03 CSAT 2
 *  C member, quality, urgent  03-10 02:00  response 30 min, never resolved (resolution overdue)
 *  D member, price, low       03-31 02:00  response 60 min, resolved 1440 min, closed 04-02 CSAT 4
 *  G walk-in, environment, normal 04-01 02:00  resolved at once 60 min, closed without CSAT
 *  E walk-in, other, low      04-30 02:00  assigned; its targets are still ahead at report time
 * Survey created 03-05 asking the four members: 10 and 9 on 03-05, 3 on 04-02, one never answers.
 */
async function quarter() {
  const { h, ids } = await complaintsShop();
  let owner = await signedIn(h, ownerAccount.username, ownerAccount.password);
  const at = async (iso: string) => {
    h.clock.set(iso);
    owner = await signedIn(h, ownerAccount.username, ownerAccount.password);
    return owner;
  };
  const [mA, mC, mD, mX] = [
    await newMember(owner),
    await newMember(owner),
    await newMember(owner),
    await newMember(owner),
  ];
  const me = { assigneeId: ids.owner };
  const log = async (memberId: number | null, key: string, severity: 'low' | 'normal' | 'high' | 'urgent') =>
    (
      await logFor(owner, memberId, {
        ...(memberId === null ? walkIn() : {}),
        categoryId: await category(owner, key),
        severity,
        ...me,
      })
    ).id;
  const start = (id: number) => owner.call('complaints.start', { id, note: '' });
  const resolve = (id: number) =>
    owner.call('complaints.resolve', { id, resolution: '已处理', compensation: { kind: 'apology' } });
  const close = (id: number, score: number | null) =>
    owner.call('complaints.close', {
      id,
      note: '',
      csat: score === null ? null : { score, comment: `打${score}分`, by: 'staff' },
    });

  await at('2026-03-01T02:00:00.000Z');
  const A = await log(mA, 'quality', 'normal');
  await at('2026-03-01T02:30:00.000Z');
  await start(A);
  await at('2026-03-01T03:00:00.000Z');
  const B = await log(null, 'attitude', 'high');
  await at('2026-03-01T04:00:00.000Z');
  await resolve(A);
  await at('2026-03-01T05:00:00.000Z');
  await close(A, 5);
  await at('2026-03-01T08:00:00.000Z');
  await start(B);
  await at('2026-03-03T02:00:00.000Z');
  await resolve(B);
  await at('2026-03-03T03:00:00.000Z');
  await close(B, 2);
  await at('2026-03-05T02:00:00.000Z');
  const survey = await owner.call('surveys.create', { name: '春季', filter: {} });
  await owner.call('surveys.respond', { surveyId: survey.id, memberId: mA, score: 10 });
  await owner.call('surveys.respond', { surveyId: survey.id, memberId: mC, score: 9 });
  await at('2026-03-10T02:00:00.000Z');
  const C = await log(mC, 'quality', 'urgent');
  await at('2026-03-10T02:30:00.000Z');
  await start(C);
  await at('2026-03-31T02:00:00.000Z');
  const D = await log(mD, 'price', 'low');
  await at('2026-03-31T03:00:00.000Z');
  await start(D);
  await at('2026-04-01T02:00:00.000Z');
  await resolve(D);
  const G = await log(null, 'environment', 'normal');
  await at('2026-04-01T03:00:00.000Z');
  await resolve(G);
  await at('2026-04-01T04:00:00.000Z');
  await close(G, null);
  await at('2026-04-02T02:00:00.000Z');
  await close(D, 4);
  await owner.call('surveys.respond', { surveyId: survey.id, memberId: mD, score: 3 });
  await at('2026-04-30T02:00:00.000Z');
  const E = await log(null, 'other', 'low');
  await at('2026-04-30T03:00:00.000Z');
  return { h, owner, ids, complaints: { A, B, C, D, G, E }, members: { mA, mC, mD, mX } };
}

async function exported(c: Client, channel: 'io.exportComplaints' | 'io.exportComplaintReport', input: object) {
  const job = await finished(c, await c.call(channel, { format: 'csvUtf8', language: 'zh', ...input }));
  if (job.state !== 'done') throw new Error(`export ${job.state}: ${job.errorKey}`);
  const file = await c.call('io.downloadExport', { jobId: job.id });
  const path = join(tempDir(), file.fileName);
  copyFileSync(file.path, path);
  return { path, result: job.result as ExportResult };
}

const csvRows = (path: string) => parse(readFileSync(path).subarray(3).toString('utf8')) as string[][];

function cells(path: string) {
  const [header, ...rows] = csvRows(path);
  return rows.map((r) => Object.fromEntries(header!.map((name, i) => [name, r[i]])));
}

describe('the complaints report', () => {
  it('gives exact figures for a hand-made quarter', async () => {
    const { owner } = await quarter();
    const r = await owner.call('complaints.report', { from: '2026-03-01', to: '2026-04-30' });
    expect(r).toMatchObject({ from: '2026-03-01', to: '2026-04-30', total: 6 });
    expect(r.byCategory.map((x) => [x.category.key, x.category.name, x.category.active, x.count])).toEqual([
      ['quality', null, true, 2],
      ['attitude', null, true, 1],
      ['price', null, true, 1],
      ['environment', null, true, 1],
      ['other', null, true, 1],
    ]);
    expect(r.bySeverity).toEqual([
      { severity: 'low', count: 2 },
      { severity: 'normal', count: 2 },
      { severity: 'high', count: 1 },
      { severity: 'urgent', count: 1 },
    ]);
    // (30 + 300 + 30 + 60 + 60) / 5 and (120 + 2820 + 1440 + 60) / 4.
    expect(r.meanFirstResponseMinutes).toBe(96);
    expect(r.meanResolutionMinutes).toBe(1110);
    // E's targets are ahead and unmet: counted neither way. First response: B late of 5; resolution: B late, C never, of 5.
    expect(r.firstResponseBreachPct).toBe(20);
    expect(r.resolutionBreachPct).toBe(40);
    // Closed: A 5, B 2, D 4, G none.
    expect(r.csatAverage).toBe(3.67);
    expect(r.csatResponsePct).toBe(75);
    expect(r.csatTrend).toEqual([
      { month: '2026-03', average: 3.5, responses: 2 },
      { month: '2026-04', average: 4, responses: 1 },
    ]);
    expect(r.nps).toEqual({ promoters: 2, passives: 0, detractors: 1, responses: 3, nps: 33 });
    expect(r.npsResponsePct).toBe(75);
  });

  it('counts only what falls in the period: logged, closed, answered and created then', async () => {
    const { owner, manager } = await quarter().then(async (q) => ({
      ...q,
      manager: await signedIn(q.h, 'laozhang', 'laozhang-pass-1'),
    }));
    const march = await manager.call('complaints.report', { from: '2026-03-01', to: '2026-03-31' });
    expect(march).toMatchObject({
      total: 4,
      meanFirstResponseMinutes: 105,
      meanResolutionMinutes: 1460,
      firstResponseBreachPct: 25,
      resolutionBreachPct: 50,
      csatAverage: 3.5,
      csatResponsePct: 100,
      csatTrend: [{ month: '2026-03', average: 3.5, responses: 2 }],
      nps: { promoters: 2, passives: 0, detractors: 0, responses: 2, nps: 100 },
      // The survey was created in March: answered at any time over asked.
      npsResponsePct: 75,
    });
    expect(march.byCategory.map((x) => x.category.key)).toEqual(['quality', 'attitude', 'price']);
    const april = await owner.call('complaints.report', { from: '2026-04-01', to: '2026-04-30' });
    expect(april).toMatchObject({ total: 2, csatAverage: 4, csatResponsePct: 50, npsResponsePct: null });
    expect(april.nps).toMatchObject({ detractors: 1, responses: 1, nps: -100 });
    const empty = await owner.call('complaints.report', { from: '2026-02-01', to: '2026-02-28' });
    expect(empty).toMatchObject({
      total: 0,
      byCategory: [],
      meanFirstResponseMinutes: null,
      meanResolutionMinutes: null,
      firstResponseBreachPct: null,
      resolutionBreachPct: null,
      csatAverage: null,
      csatResponsePct: null,
      csatTrend: [{ month: '2026-02', average: null, responses: 0 }],
      nps: { responses: 0, nps: null },
      npsResponsePct: null,
    });
  });

  it('is for managers and the owner only, and shows a renamed category by its own name', async () => {
    const { h, ids } = await complaintsShop();
    const clerk = await signedIn(h, 'xiaoli', 'xiaoli-pass-1');
    expect((await clerk.fail('complaints.report', { from: '2026-03-01', to: '2026-03-31' })).code).toBe('FORBIDDEN');
    const owner = await signedIn(h, ownerAccount.username, ownerAccount.password);
    const { categories } = await owner.call('complaints.config', {});
    await owner.call('complaints.saveCategories', {
      categories: categories.map((c) => ({
        id: c.id,
        name: c.key === 'price' ? '价格太贵' : (c.name ?? ''),
        active: true,
      })),
    });
    await logFor(owner, null, { ...walkIn(), categoryId: await category(owner, 'price'), assigneeId: ids.owner });
    const r = await owner.call('complaints.report', { from: '2026-03-01', to: '2026-03-01' });
    expect(r.byCategory.map((x) => [x.category.key, x.category.name, x.count])).toEqual([['price', '价格太贵', 1]]);
  });
});

describe('the complaints exports', () => {
  it('writes one row per complaint of the period, in words, with masked phones unless the owner asks', async () => {
    const { h, owner, complaints } = await quarter();
    const manager = await signedIn(h, 'laozhang', 'laozhang-pass-1');
    const clerk = await signedIn(h, 'xiaoli', 'xiaoli-pass-1');
    expect((await clerk.fail('io.exportComplaints', { format: 'csvUtf8' })).code).toBe('FORBIDDEN');
    expect((await manager.fail('io.exportComplaints', { format: 'csvUtf8', fullPhones: true })).code).toBe('FORBIDDEN');

    const { path, result } = await exported(manager, 'io.exportComplaints', { from: '2026-03-01', to: '2026-03-31' });
    expect(result.rows).toBe(4);
    expect(csvRows(path)[0]).toEqual(complaintFileFields.map((f) => complaintFileHeaders.zh[f]));
    const rows = cells(path);
    const zh = complaintFileHeaders.zh;
    expect(rows.map((r) => Number(r[zh.id]))).toEqual([complaints.A, complaints.B, complaints.C, complaints.D]);
    expect(rows[0]).toMatchObject({
      [zh.loggedAt]: '2026-03-01 10:00:00',
      [zh.channel]: '到店',
      [zh.category]: '商品质量',
      [zh.severity]: '一般',
      // The tier complaint priority by its label on the tier settings page.
      [zh.priority]: '标准',
      [zh.status]: '已结案',
      [zh.firstResponseDue]: '2026-03-02 10:00:00',
      [zh.firstResponseAt]: '2026-03-01 10:30:00',
      [zh.resolutionDue]: '2026-03-05 00:00:00',
      [zh.resolvedAt]: '2026-03-01 12:00:00',
      [zh.breached]: '否',
      [zh.resolution]: '已处理',
      [zh.compensationKind]: '仅道歉',
      [zh.compensationPoints]: '',
      [zh.csatScore]: '5',
      [zh.csatComment]: '打5分',
    });
    expect(rows[0]![zh.phone]).toMatch(/^139\*{4}\d{4}$/);
    expect(rows[0]![zh.memberNo]).toMatch(/^M\d+$/);
    expect(rows[1]).toMatchObject({
      [zh.memberNo]: '',
      [zh.name]: '路人甲',
      [zh.phone]: '137****7000',
      [zh.category]: '服务态度',
      [zh.severity]: '严重',
      [zh.breached]: '是',
      [zh.csatScore]: '2',
    });
    expect(rows[2]).toMatchObject({ [zh.status]: '处理中', [zh.breached]: '是', [zh.resolvedAt]: '' });
    expect(rows[3]).toMatchObject({ [zh.status]: '已结案', [zh.breached]: '否', [zh.severity]: '轻微' });

    const full = await exported(owner, 'io.exportComplaints', { from: '2026-04-01', fullPhones: true, language: 'en' });
    const en = complaintFileHeaders.en;
    expect(
      cells(full.path).map((r) => [r[en.name], r[en.phone], r[en.category], r[en.status], r[en.priority]]),
    ).toEqual([
      ['路人甲', '13700137000', 'Shop environment', 'Closed', 'Standard'],
      ['路人甲', '13700137000', 'Other', 'Assigned', 'Standard'],
    ]);
    expect(auditRows(h, 'io.exported').map((a) => a.details)).toEqual([
      { list: 'complaints', from: '2026-03-01', to: '2026-03-31', fullPhones: false, format: 'csvUtf8', rows: 4 },
      { list: 'complaints', from: '2026-04-01', to: null, fullPhones: true, format: 'csvUtf8', rows: 2 },
    ]);
  });

  it('writes the report as rows of section, item, count and value', async () => {
    const { h, owner } = await quarter();
    const { path, result } = await exported(owner, 'io.exportComplaintReport', {
      from: '2026-03-01',
      to: '2026-04-30',
    });
    const [header, ...rows] = csvRows(path);
    expect(header).toEqual(['section', 'item', 'count', 'value'].map((f) => complaintReportHeaders.zh[f as 'item']));
    expect(result.rows).toBe(rows.length);
    const find = (section: string, item: string) => rows.find((r) => r[0] === section && r[1] === item);
    expect(rows[0]).toEqual(['概况', '统计期间 2026-03-01 ~ 2026-04-30', '', '']);
    expect(find('概况', '投诉数')).toEqual(['概况', '投诉数', '6', '']);
    expect(find('概况', '平均首次响应（分钟）')?.[3]).toBe('96');
    // One decimal, as the report page shows it.
    expect(find('概况', '满意度（CSAT）平均分')?.[3]).toBe('3.7');
    // The score is a value, never a count; how many answered is the NPS section's own row.
    expect(find('概况', '净推荐值（NPS）')).toEqual(['概况', '净推荐值（NPS）', '', '33']);
    expect(rows.filter((r) => r[0] === '按类别').map((r) => [r[1], r[2]])).toEqual([
      ['商品质量', '2'],
      ['服务态度', '1'],
      ['价格', '1'],
      ['店内环境', '1'],
      ['其他', '1'],
    ]);
    expect(rows.filter((r) => r[0] === '按严重程度').map((r) => r[2])).toEqual(['2', '2', '1', '1']);
    expect(rows.filter((r) => r[0] === '每月满意度')).toEqual([
      ['每月满意度', '2026-03', '2', '3.5'],
      ['每月满意度', '2026-04', '1', '4.0'],
    ]);
    expect(rows.filter((r) => r[0] === '净推荐值（NPS）').map((r) => [r[1], r[2], r[3]])).toEqual([
      ['已回答', '3', ''],
      ['推荐者（9–10）', '2', ''],
      ['中立者（7–8）', '0', ''],
      ['贬损者（0–6）', '1', ''],
    ]);

    // In a workbook the figures are numbers a chart can use; an open start is the first complaint's day.
    const job = await finished(owner, await owner.call('io.exportComplaintReport', { format: 'xlsx', language: 'en' }));
    const file = await owner.call('io.downloadExport', { jobId: job.id });
    const sheet = await firstSheet(file.path);
    expect(sheet.getRow(2).getCell(2).value).toBe('Period 2026-03-01 ~ 2026-04-30');
    const avg = sheet.getRows(2, sheet.rowCount - 1)!.find((r) => r.getCell(2).value === 'Satisfaction (CSAT) average');
    expect(avg?.getCell(4).value).toBe(3.7);
    expect(avg?.getCell(4).numFmt).toBe('0.0');
    const april = sheet.getRows(2, sheet.rowCount - 1)!.find((r) => r.getCell(2).value === '2026-04');
    expect([april?.getCell(4).value, april?.getCell(4).numFmt]).toEqual([4, '0.0']);
    expect(auditRows(h, 'io.exported').at(-1)?.details).toMatchObject({
      list: 'complaintReport',
      from: '2026-03-01',
      to: '2026-04-30',
    });
  });
});
