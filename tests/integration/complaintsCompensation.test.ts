import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { afterEach, describe, expect, it } from 'vitest';
import type { InputOf } from '../../shared/contract/index.js';
import { ledgerFileFields, ledgerFileHeaders } from '../../shared/io/ledgerFields.js';
import { finished } from './ioHelpers.js';
import { auditRows, closeShops, type Client } from './harness.js';
import { expectLedgerConsistent, newMember, replayableSender } from './pointsHelpers.js';
import { complaintIn, complaintRow, complaintsShop, count, signInAgain } from './complaintsHelpers.js';

afterEach(closeShops);

type Compensation = InputOf<'complaints.resolve'>['compensation'];
const resolve = (c: Client, id: number, compensation: Compensation) =>
  c.raw('complaints.resolve', { id, resolution: '赔偿处理', compensation }, randomUUID());

const ledger = (h: Parameters<typeof count>[0], id: number) =>
  count(h, `select count(*) as n from points_ledger where kind = 'compensation' and ref_id = ?`, id);

describe('complaints: compensation', () => {
  it('credits points once, in the resolution, even when the request is sent again', async () => {
    const { h, manager, ids } = await complaintsShop();
    const m = await newMember(manager);
    const id = await complaintIn(manager, m, 'inProgress', ids.manager);
    const sender = replayableSender(() => manager);
    const r = await sender.send('complaints.resolve', {
      id,
      resolution: '送200积分',
      compensation: { kind: 'points', points: 200 },
    });
    expect(r.ok).toBe(true);
    await sender.replay(() => [
      ledger(h, id),
      count(h, 'select count(*) as n from complaint_steps where complaint_id = ?', id),
      count(h, 'select count(*) as n from followups'),
    ]);
    expect(ledger(h, id)).toBe(1);
    // The same request id once more, straight: the first answer comes back, not a refusal.
    const input = { id, resolution: '送200积分', compensation: { kind: 'points' as const, points: 200 } };
    const requestId = randomUUID();
    const other = await complaintIn(manager, m, 'inProgress', ids.manager);
    const first = await manager.raw('complaints.resolve', { ...input, id: other }, requestId);
    const second = await manager.raw('complaints.resolve', { ...input, id: other }, requestId);
    expect(first.ok).toBe(true);
    expect(second).toEqual(first);
    expect(ledger(h, other)).toBe(1);
    expect((await manager.call('points.get', { memberId: m })).balance).toBe(400);
    const detail = await manager.call('complaints.get', { id });
    expect(detail.compensation).toMatchObject({ kind: 'points', points: 200 });
    expect(complaintRow(h, id)).toMatchObject({ compensation_fen: 20000, compensation_points: 200 });
    const entry = h.backend.raw
      .prepare(
        `select ref_type, note, staff_id, usable_on, day from points_ledger where kind = 'compensation' and ref_id = ?`,
      )
      .get(id);
    expect(entry).toEqual({
      ref_type: 'complaint',
      note: `#${id}`,
      staff_id: ids.manager,
      usable_on: '2026-03-01',
      day: '2026-03-01',
    });
    // The member's ledger says which complaint each credit was for, and so does the ledger export.
    const { rows: entries } = await manager.call('points.ledger', { memberId: m });
    expect(entries.map((e) => [e.kind, e.points, e.note])).toEqual([
      ['compensation', 200, `#${other}`],
      ['compensation', 200, `#${id}`],
    ]);
    const job = await finished(
      manager,
      await manager.call('io.exportLedger', { format: 'csvUtf8', language: 'zh', from: null, to: null }),
    );
    const file = await manager.call('io.downloadExport', { jobId: job.id });
    const [header, ...rows] = parse(readFileSync(file.path).subarray(3).toString('utf8')) as string[][];
    const cell = (r: string[], f: (typeof ledgerFileFields)[number]) => r[header!.indexOf(ledgerFileHeaders.zh[f])];
    expect(rows.map((r) => [cell(r, 'kind'), cell(r, 'reference'), cell(r, 'note')])).toEqual([
      ['投诉补偿', `投诉 #${id}`, `#${id}`],
      ['投诉补偿', `投诉 #${other}`, `#${other}`],
    ]);
    expectLedgerConsistent(h);
  });

  it('after a reopen, a second resolution may only apologise: the points stay given once', async () => {
    const { h, manager, ids } = await complaintsShop();
    const m = await newMember(manager);
    const id = await complaintIn(manager, m, 'inProgress', ids.manager);
    expect((await resolve(manager, id, { kind: 'points', points: 100 })).ok).toBe(true);
    await manager.call('complaints.reopen', { id, note: '又坏了' });
    for (const again of [
      { kind: 'points', points: 100 },
      { kind: 'refund', amountFen: 1000, reference: 'T-1' },
    ] as const) {
      const r = await resolve(manager, id, again);
      expect(r).toMatchObject({ ok: false, error: { code: 'CONFLICT', messageKey: 'errors.complaints.compensated' } });
    }
    expect(complaintRow(h, id).status).toBe('inProgress');
    const ok = await resolve(manager, id, { kind: 'apology' });
    expect(ok.ok).toBe(true);
    expect(ledger(h, id)).toBe(1);
    expect((await manager.call('complaints.get', { id })).compensation).toMatchObject({ kind: 'points', points: 100 });
    expect((await manager.call('points.get', { memberId: m })).balance).toBe(100);
    expectLedgerConsistent(h);
  });

  it('an apology first leaves room for one real compensation later', async () => {
    const { h, manager, ids } = await complaintsShop();
    const m = await newMember(manager);
    const id = await complaintIn(manager, m, 'resolved', ids.manager);
    await manager.call('complaints.reopen', { id, note: '不满意' });
    expect((await resolve(manager, id, { kind: 'points', points: 30 })).ok).toBe(true);
    expect(ledger(h, id)).toBe(1);
  });

  it('limits by role: a clerk up to ¥50, a manager up to ¥500, the owner any amount', async () => {
    const { h, owner, manager, clerk, ids } = await complaintsShop();
    const m = await newMember(manager);
    const mine = () => complaintIn(manager, m, 'inProgress', ids.clerk);
    const byClerk = await mine();
    const over = await resolve(clerk, byClerk, { kind: 'refund', amountFen: 5001, reference: 'R-9' });
    expect(over).toMatchObject({
      ok: false,
      error: {
        code: 'VALIDATION',
        fields: { 'compensation.amountFen': { messageKey: 'errors.complaints.overLimit', params: { limit: 50 } } },
      },
    });
    // 51 points at ¥1 each is ¥51.
    const overPoints = await resolve(clerk, byClerk, { kind: 'points', points: 51 });
    expect(overPoints.ok || overPoints.error.fields?.['compensation.points']?.messageKey).toBe(
      'errors.complaints.overLimit',
    );
    expect(complaintRow(h, byClerk)).toMatchObject({ status: 'inProgress', compensation_kind: null });
    expect((await resolve(clerk, byClerk, { kind: 'points', points: 50 })).ok).toBe(true);

    const byManager = await mine();
    const tooMuch = await resolve(manager, byManager, { kind: 'points', points: 501 });
    expect(tooMuch.ok || tooMuch.error.fields?.['compensation.points']).toMatchObject({ params: { limit: 500 } });
    expect((await resolve(manager, byManager, { kind: 'points', points: 500 })).ok).toBe(true);
    const byOwner = await mine();
    expect((await resolve(owner, byOwner, { kind: 'refund', amountFen: 1_000_000, reference: 'R-10' })).ok).toBe(true);
    expect((await owner.call('complaints.get', { id: byOwner })).compensation).toEqual({
      kind: 'refund',
      amountFen: 1_000_000,
      reference: 'R-10',
    });
    expect((await clerk.call('complaints.get', { id: byOwner })).limitFen).toBe(5000);
    expect((await owner.call('complaints.get', { id: byOwner })).limitFen).toBeNull();
    expect((await manager.call('points.get', { memberId: m })).balance).toBe(550);
    expectLedgerConsistent(h);
  });

  it('the limits follow the settings and the point value', async () => {
    const { owner, manager, clerk, ids } = await complaintsShop();
    const { settings } = await owner.call('complaints.config', {});
    await owner.call('complaints.saveSettings', { ...settings, clerkLimitFen: 10000 });
    await owner.call('points.saveRules', { ...(await owner.call('points.rules', {})), pointValueFen: 50 });
    const id = await complaintIn(manager, await newMember(manager), 'inProgress', ids.clerk);
    // 200 points at ¥0.50 are ¥100: exactly the new limit.
    expect((await resolve(clerk, id, { kind: 'points', points: 200 })).ok).toBe(true);
  });

  it('a coupon comes from the catalog as a redemption with source compensation, worth its face value', async () => {
    const { h, manager, clerk, ids } = await complaintsShop();
    const m = await newMember(manager);
    const coupon = await manager.call('rewards.save', {
      name: '20元代金券',
      kind: 'coupon',
      pointsCost: 200,
      valueFen: 2000,
      stock: 5,
      active: true,
    });
    const pricey = await manager.call('rewards.save', {
      name: '保温杯',
      kind: 'goods',
      pointsCost: 80,
      stock: null,
      active: true,
    });
    const id = await complaintIn(manager, m, 'inProgress', ids.clerk);
    // A cup at 80 points (¥80, no face value) is over the clerk's ¥50.
    const over = await resolve(clerk, id, { kind: 'coupon', rewardId: pricey.id });
    expect(over.ok || over.error.fields?.['compensation.rewardId']?.messageKey).toBe('errors.complaints.overLimit');
    const r = await clerk.call('complaints.resolve', {
      id,
      resolution: '送券',
      compensation: { kind: 'coupon', rewardId: coupon.id },
    });
    expect(r.compensation).toMatchObject({ kind: 'coupon', rewardId: coupon.id, rewardName: '20元代金券' });
    expect(r.compensation?.kind === 'coupon' && r.compensation.code).toMatch(/^[2-9A-HJKMNP-Z]{12}$/);
    const red = h.backend.raw.prepare('select source, source_id, points, member_id, status from redemptions').all();
    expect(red).toEqual([{ source: 'compensation', source_id: id, points: 0, member_id: m, status: 'issued' }]);
    expect(complaintRow(h, id).compensation_fen).toBe(2000);
    expect((await manager.call('rewards.list', {})).find((x) => x.id === coupon.id)?.stock).toBe(4);
    expect((await manager.call('points.get', { memberId: m })).balance).toBe(0);
    const off = await manager.call('rewards.save', {
      name: '停用券',
      kind: 'coupon',
      pointsCost: 10,
      valueFen: 100,
      stock: null,
      active: false,
    });
    const next = await complaintIn(manager, m, 'inProgress', ids.manager);
    const inactive = await resolve(manager, next, { kind: 'coupon', rewardId: off.id });
    expect(inactive.ok || inactive.error.fields?.['compensation.rewardId']?.messageKey).toBe(
      'errors.rewards.block.inactive',
    );
    expect(count(h, 'select count(*) as n from redemptions')).toBe(1);
  });

  it('a walk-in gets an apology or a refund, not points or a coupon', async () => {
    const { h, manager, ids } = await complaintsShop();
    const id = await complaintIn(manager, null, 'inProgress', ids.manager);
    const r = await resolve(manager, id, { kind: 'points', points: 10 });
    expect(r.ok || r.error.fields?.['compensation.kind']?.messageKey).toBe('errors.complaints.needsMember');
    expect(count(h, 'select count(*) as n from points_ledger')).toBe(0);
    expect((await resolve(manager, id, { kind: 'refund', amountFen: 1500, reference: 'POS-77' })).ok).toBe(true);
    expect(complaintRow(h, id)).toMatchObject({
      compensation_kind: 'refund',
      compensation_fen: 1500,
      refund_reference: 'POS-77',
    });
  });
});

describe('complaints: the follow-up visit after resolution', () => {
  it('is booked once, for the assignee, the set days after the resolution day', async () => {
    const { h, manager, ids } = await complaintsShop();
    const m = await newMember(manager);
    const id = await complaintIn(manager, m, 'inProgress', ids.clerk);
    await manager.call('complaints.resolve', { id, resolution: '换新', compensation: { kind: 'apology' } });
    const rows = () =>
      h.backend.raw
        .prepare('select member_id, complaint_id, reason, due_on, assignee_id, done_at from followups')
        .all();
    expect(rows()).toEqual([
      {
        member_id: m,
        complaint_id: id,
        reason: 'complaint',
        due_on: '2026-03-04',
        assignee_id: ids.clerk,
        done_at: null,
      },
    ]);
    const timeline = await manager.call('members.timeline', { id: m });
    expect(timeline.rows.map((e) => e.kind)).toContain('followupCreated');
    await manager.call('complaints.reopen', { id, note: '再看看' });
    await manager.call('complaints.resolve', { id, resolution: '再换', compensation: { kind: 'apology' } });
    expect(rows()).toHaveLength(1);
  });

  it('is booked for a walk-in too, and not at all when the setting is 0', async () => {
    const { h, owner, manager, ids } = await complaintsShop();
    const walk = await complaintIn(manager, null, 'resolved', ids.manager);
    expect(h.backend.raw.prepare('select member_id, complaint_id from followups').all()).toEqual([
      { member_id: null, complaint_id: walk },
    ]);
    const { settings } = await owner.call('complaints.config', {});
    await owner.call('complaints.saveSettings', { ...settings, followupDays: 0 });
    await complaintIn(manager, await newMember(manager), 'resolved', ids.manager);
    expect(count(h, 'select count(*) as n from followups')).toBe(1);
  });

  it('counts the due day in shop days, after a clock jump', async () => {
    const { h, manager, ids } = await complaintsShop();
    const id = await complaintIn(manager, await newMember(manager), 'inProgress', ids.manager);
    // 23:30 Beijing time on 31 March: the shop day is 31 March, due on 3 April.
    h.clock.set('2026-03-31T15:30:00.000Z');
    const c = await signInAgain(h);
    await c.manager.call('complaints.resolve', { id, resolution: '晚上处理', compensation: { kind: 'apology' } });
    expect(h.backend.raw.prepare('select due_on from followups').get()).toEqual({ due_on: '2026-04-03' });
    expect(auditRows(h, 'complaints.resolved').at(-1)?.details).toMatchObject({
      complaintId: id,
      compensation: 'apology',
    });
  });
});
