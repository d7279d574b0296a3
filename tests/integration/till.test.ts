import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { tillCloseHeaders, walletReportHeaders } from '../../shared/io/walletFields.js';
import { firstSheet } from './exportHelpers.js';
import { auditRows, closeShops } from './harness.js';
import { act, day, exported, figures, line, scriptedDay, tick } from './tillHelpers.js';

afterEach(closeShops);

/** The scripted day's lines, clerk by clerk (staff ids: owner, wang, li, zhang), methods in counter order. */
const expectedLines = [
  line('老板', 'cash', { refundsFen: 118_000, refundsCount: 2, bonusFen: -10_000, netFen: -118_000 }),
  // B's count card refunded back to stored value (¥243) is no money out: not a refund, only the
  // stored value it put back (netted in the spending). Counting both would count it twice.
  line('老板', 'storedValue', { storedValueSpentFen: -24_300 }),
  line('wang', 'cash', { topupFen: 100_000, topupCount: 1, bonusFen: 10_000, netFen: 100_000 }),
  line('wang', 'wechat', { topupFen: 20_000, topupCount: 1, netFen: 20_000 }),
  line('wang', 'storedValue', { cardSalesFen: 30_000, cardSalesCount: 1, storedValueSpentFen: 56_850 }),
  line('lili', 'cash', {
    topupFen: 100_000,
    topupCount: 1,
    bonusFen: 10_000,
    cardSalesFen: 30_000,
    cardSalesCount: 1,
    netFen: 130_000,
  }),
  line('lili', 'wechat', { topupFen: 50_000, topupCount: 1, netFen: 50_000 }),
  line('lili', 'storedValue', { storedValueSpentFen: -10_000 }),
  line('zhang', 'alipay', { refundsFen: 27_000, refundsCount: 1, netFen: -27_000 }),
];

const expectedByMethod = [
  line(null, 'cash', {
    topupFen: 200_000,
    topupCount: 2,
    bonusFen: 10_000,
    cardSalesFen: 30_000,
    cardSalesCount: 1,
    refundsFen: 118_000,
    refundsCount: 2,
    netFen: 112_000,
  }),
  line(null, 'wechat', { topupFen: 70_000, topupCount: 2, netFen: 70_000 }),
  line(null, 'alipay', { refundsFen: 27_000, refundsCount: 1, netFen: -27_000 }),
  line(null, 'storedValue', { cardSalesFen: 30_000, cardSalesCount: 1, storedValueSpentFen: 22_550 }),
];

const expectedTotal = {
  topupFen: 270_000,
  topupCount: 4,
  bonusFen: 10_000,
  cardSalesFen: 60_000,
  cardSalesCount: 2,
  // Money paid back: the void's ¥1,000, C's ¥180 balance refund, A's ¥270 card refund by Alipay.
  refundsFen: 145_000,
  refundsCount: 3,
  storedValueSpentFen: 22_550,
  // Money only: stored value is no money at the till.
  netFen: 155_000,
};

describe('the day close', () => {
  it('gives exact totals per clerk and payment method after a scripted day', async () => {
    const { h, as } = await scriptedDay();
    const owner = await as('owner', 150);
    const c = await owner.call('wallet.dayClose', { day });
    expect(c).toMatchObject({ id: null, kind: 'day', day, closedByName: null, at: null });
    expect(c.totals.lines.map(figures)).toEqual(expectedLines);
    expect(c.totals.byMethod.map(figures)).toEqual(expectedByMethod);
    expect(c.totals.total).toEqual(expectedTotal);
    expect(c.totals.from).toBe('2026-03-01T16:00:00.000Z');
    expect(c.totals.to).toBe(tick(150));

    // A movement on the next shop day is not this day's; that day has its own.
    const next = await act(h, 'wang', '2026-03-03T01:00:00.000Z');
    await next.call('wallet.topup', { memberId: 1, paidFen: 1_000, paymentMethod: 'alipay' });
    const owner2 = await act(h, 'owner', '2026-03-03T01:05:00.000Z');
    expect((await owner2.call('wallet.dayClose', { day })).totals.total).toEqual(expectedTotal);
    expect((await owner2.call('wallet.dayClose', { day: '2026-03-03' })).totals.byMethod.map(figures)).toEqual([
      line(null, 'alipay', { topupFen: 1_000, topupCount: 1, netFen: 1_000 }),
    ]);
  });

  it('records a close with its totals, audits it, and refuses a day still to come', async () => {
    const { h, as } = await scriptedDay();
    const manager = await as('zhang', 150);
    const closed = await manager.call('wallet.closeDay', { day });
    expect(closed).toMatchObject({ kind: 'day', day, closedByName: 'zhang', at: tick(150) });
    expect(closed.id).toBeGreaterThan(0);
    expect(closed.totals.total).toEqual(expectedTotal);
    const audit = auditRows(h, 'wallet.dayClosed');
    expect(audit).toHaveLength(1);
    expect(audit[0]!.details).toEqual({
      closeId: closed.id,
      day,
      topupFen: 270_000,
      bonusFen: 10_000,
      cardSalesFen: 60_000,
      refundsFen: 145_000,
      storedValueSpentFen: 22_550,
      netFen: 155_000,
    });
    // The live view names the recorded close.
    expect(await manager.call('wallet.dayClose', { day })).toMatchObject({ id: closed.id, closedByName: 'zhang' });
    const refused = await manager.fail('wallet.closeDay', { day: '2026-03-03' });
    expect(refused.fields?.day?.messageKey).toBe('errors.member.dateInFuture');
    // Clerks may not close the day or read it.
    const clerk = await as('wang', 151);
    expect((await clerk.fail('wallet.closeDay', { day })).code).toBe('FORBIDDEN');
    expect((await clerk.fail('wallet.dayClose', { day })).code).toBe('FORBIDDEN');
  });
});

describe('shift handovers', () => {
  it('starts the second shift where the first ended, with only the clerk’s own movements', async () => {
    const { h, firstShift, as } = await scriptedDay();
    // The first handover (10:15): wang's top-ups and the stored-value purchase, not li's refund of it.
    expect(firstShift).toMatchObject({ kind: 'shift', staffName: 'wang', day, closedByName: 'wang', at: tick(75) });
    expect(firstShift.totals.from).toBe('2026-03-01T16:00:00.000Z');
    expect(firstShift.totals.to).toBe(tick(75));
    expect(firstShift.totals.lines.map(figures)).toEqual([
      line('wang', 'cash', { topupFen: 100_000, topupCount: 1, bonusFen: 10_000, netFen: 100_000 }),
      line('wang', 'wechat', { topupFen: 20_000, topupCount: 1, netFen: 20_000 }),
      line('wang', 'storedValue', { storedValueSpentFen: 26_850 }),
    ]);
    const wang = await as('wang', 160);
    const requestId = randomUUID();
    const second = await wang.call('wallet.shift', {});
    expect(second).toMatchObject({ id: null, kind: 'shift', staffName: 'wang', day, at: null });
    expect(second.totals.from).toBe(firstShift.totals.to);
    expect(second.totals.to).toBe(tick(160));
    expect(second.totals.lines.map(figures)).toEqual([
      line('wang', 'storedValue', { cardSalesFen: 30_000, cardSalesCount: 1, storedValueSpentFen: 30_000 }),
    ]);
    const closed = await wang.call('wallet.closeShift', {}, requestId);
    expect(closed.totals).toEqual(second.totals);
    // A double click (the same request id) records one handover.
    expect(await wang.call('wallet.closeShift', {}, requestId)).toEqual(closed);
    expect(h.backend.raw.prepare(`select count(*) as n from till_closes where kind = 'shift'`).get()).toEqual({ n: 2 });
    // Nothing since: a handover right after records zero totals.
    const third = await (await as('wang', 161)).call('wallet.shift', {});
    expect(third.totals.from).toBe(tick(160));
    expect(third.totals.lines).toEqual([]);

    // The next shop day's first shift starts at that day's start, not at yesterday's handover.
    const tomorrow = await act(h, 'wang', '2026-03-03T01:00:00.000Z');
    const fresh = await tomorrow.call('wallet.shift', {});
    expect(fresh.day).toBe('2026-03-03');
    expect(fresh.totals.from).toBe('2026-03-02T16:00:00.000Z');
    expect(fresh.totals.lines).toEqual([]);
  });

  it('shows a clerk only their own handovers; a manager sees the whole day', async () => {
    const { as } = await scriptedDay();
    await (await as('lili', 150)).call('wallet.closeShift', {});
    await (await as('wang', 151)).call('wallet.closeShift', {});
    await (await as('owner', 152)).call('wallet.closeDay', { day });
    const lili = await as('lili', 153);
    const mine = await lili.call('wallet.closes', { day });
    expect(mine.map((c) => [c.kind, c.staffName])).toEqual([['shift', 'lili']]);
    // li's whole morning was one shift: its snapshot is li's lines only.
    expect(mine[0]!.totals.lines.map(figures)).toEqual(expectedLines.filter((l) => l.staff === 'lili'));
    const wang = await as('wang', 154);
    expect((await wang.call('wallet.closes', { day })).map((c) => [c.kind, c.staffName, c.at])).toEqual([
      ['shift', 'wang', tick(151)],
      ['shift', 'wang', tick(75)],
    ]);
    const manager = await as('zhang', 155);
    const all = await manager.call('wallet.closes', { day });
    expect(all.map((c) => [c.kind, c.staffName, c.closedByName])).toEqual([
      ['day', null, '老板'],
      ['shift', 'wang', 'wang'],
      ['shift', 'lili', 'lili'],
      ['shift', 'wang', 'wang'],
    ]);
    expect(all[0]!.totals.total).toEqual(expectedTotal);
    expect(await manager.call('wallet.closes', { day: '2026-03-01' })).toEqual([]);
  });
});

describe('the stored value report', () => {
  it('sums outstanding balances, days, staff, methods and count cards', async () => {
    const { as, product } = await scriptedDay();
    const owner = await as('owner', 150);
    const r = await owner.call('wallet.report', { from: '2026-03-01', to: day });
    // A: 1100 − 268.50 + 100 = 931.50 (principal 75591 + 9090, bonus 7559 + 910); B: 200 + 243; C: 0.
    expect(r.outstanding).toEqual({ principalFen: 84_681 + 44_300, bonusFen: 8_469, members: 2 });
    expect(r.days).toEqual([
      { day: '2026-03-01', topupFen: 0, bonusFen: 0, spentFen: 0, refundsFen: 0 },
      // The day close's terms: top-ups whole (the voided ¥1,000 included), bonus less the void's;
      // spent: 268.50 − 100 + 300 − 243; refunds: the void's ¥1,000, C's ¥180, A's card ¥270 (B's
      // card went back to stored value: no money out).
      { day, topupFen: 270_000, bonusFen: 10_000, spentFen: 22_550, refundsFen: 145_000 },
    ]);
    // Every table adds up to the same totals (no table nets voids where another does not).
    const sum = (k: 'topupFen' | 'bonusFen' | 'refundsFen') => r.days.reduce((x, d) => x + d[k], 0);
    for (const k of ['topupFen', 'bonusFen', 'refundsFen'] as const) {
      expect(sum(k)).toBe(expectedTotal[k]);
      expect(r.byMethod.reduce((x, l) => x + l[k], 0)).toBe(expectedTotal[k]);
      expect(r.byStaff.reduce((x, l) => x + l[k], 0)).toBe(expectedTotal[k]);
    }
    expect(r.byStaff.map(figures)).toEqual(expectedLines);
    expect(r.byMethod.map(figures)).toEqual(expectedByMethod);
    expect(r.visitcards).toEqual({
      soldCount: 2,
      soldFen: 60_000,
      usesCount: 1,
      refundedCount: 2,
      refundedFen: 51_300,
      unusedVisits: 0,
      unusedFen: 0,
      byProduct: [{ productId: product, name: '洗车十次卡', sold: 2, soldFen: 60_000, uses: 1, unusedVisits: 0 }],
    });
  });

  it('counts the visits left on usable cards and their pro-rata value, not expired or refunded ones', async () => {
    const { h, members, product } = await scriptedDay();
    const lili = await act(h, 'lili', tick(150));
    const card = await lili.call('visitcards.sell', {
      memberId: members.A,
      productId: product,
      paymentMethod: 'wechat',
    });
    for (let i = 0; i < 3; i++)
      await (await act(h, 'lili', tick(151 + i))).call('visitcards.use', { cardId: card.card.id, service: '' });
    const owner = await act(h, 'owner', tick(160));
    const r = await owner.call('wallet.report', { from: day, to: day });
    expect(r.visitcards).toMatchObject({ soldCount: 3, usesCount: 4, unusedVisits: 7, unusedFen: 21_000 });
    // 31 days later the card (30 days) has expired: nothing usable is left.
    const later = await act(h, 'owner', '2026-04-02T02:00:00.000Z');
    expect((await later.call('wallet.report', { from: day, to: day })).visitcards).toMatchObject({
      unusedVisits: 0,
      unusedFen: 0,
    });
  });
});

describe('the till exports', () => {
  it('writes the day close as the page shows it, and reads back', async () => {
    const { h, as } = await scriptedDay();
    const owner = await as('owner', 150);
    const { rows, fileName, result } = await exported(owner, 'io.exportTillClose', { day });
    const [header, ...body] = rows;
    expect(header).toEqual(Object.values(tillCloseHeaders.zh));
    expect(result.rows).toBe(body.length);
    expect(body).toHaveLength(expectedLines.length + expectedByMethod.length + 1);
    expect(fileName).toMatch(/^日结-2026-03-02\.csv$/);
    expect(body[0]).toEqual([
      day,
      '按员工和支付方式',
      '老板',
      '现金',
      '0.00',
      '0',
      '-100.00',
      '0.00',
      '0',
      '1180.00',
      '2',
      '0.00',
      '-1180.00',
    ]);
    expect(body.find((r) => r[1] === '按支付方式' && r[3] === '储值')).toEqual([
      day,
      '按支付方式',
      '',
      '储值',
      '0.00',
      '0',
      '0.00',
      '300.00',
      '1',
      '0.00',
      '0',
      '225.50',
      '0.00',
    ]);
    expect(body[body.length - 1]).toEqual([
      day,
      '合计',
      '',
      '',
      '2700.00',
      '4',
      '100.00',
      '600.00',
      '2',
      '1450.00',
      '3',
      '225.50',
      '1550.00',
    ]);
    const audit = auditRows(h, 'io.exported');
    expect(audit.at(-1)!.details).toMatchObject({ list: 'tillClose', day, format: 'csvUtf8', rows: body.length });

    // In a workbook the money is numbers, in English words.
    const x = await exported(owner, 'io.exportTillClose', { day }, 'xlsx', 'en');
    const sheet = await firstSheet(x.path);
    expect(sheet.getRow(1).getCell(4).value).toBe('Payment method');
    const total = sheet.getRow(sheet.rowCount);
    expect(total.getCell(2).value).toBe('Total');
    expect(total.getCell(13).value).toBe(1550);
  });

  it('writes the report as rows of section, item, method, figure, count and amount', async () => {
    const { h, as } = await scriptedDay();
    const owner = await as('owner', 150);
    const { rows, result, fileName } = await exported(owner, 'io.exportWalletReport', { from: day, to: day });
    // Named after the period it covers.
    expect(fileName).toBe(`储值报表-${day}-${day}.csv`);
    const [header, ...body] = rows;
    expect(header).toEqual(Object.values(walletReportHeaders.zh));
    expect(result.rows).toBe(body.length);
    const find = (section: string, figure: string, item = '', method = '') =>
      body.find((r) => r[0] === section && r[3] === figure && r[1] === item && r[2] === method);
    expect(body[0]).toEqual(['概况', `${day} ~ ${day}`, '', '统计期间', '', '']);
    expect(find('概况', '未消费本金')).toEqual(['概况', '', '', '未消费本金', '', '1289.81']);
    expect(find('概况', '有余额会员')?.[4]).toBe('2');
    expect(find('概况', '次卡退卡')?.slice(4)).toEqual(['2', '513.00']);
    expect(find('每日', '充值', day)?.[5]).toBe('2700.00');
    expect(find('每日', '退款', day)?.[5]).toBe('1450.00');
    expect(find('概况', '充值')?.[5]).toBe('2700.00');
    expect(find('概况', '退款')?.[5]).toBe('1450.00');
    expect(find('按员工', '充值', 'lili', '现金')?.slice(4)).toEqual(['1', '1000.00']);
    expect(find('按员工', '储值/次卡实收', '老板', '现金')?.[5]).toBe('-1180.00');
    expect(find('按支付方式', '储值消费', '', '储值')?.[5]).toBe('225.50');
    expect(find('各次卡项目', '次卡售出', '洗车十次卡')?.slice(4)).toEqual(['2', '600.00']);
    expect(auditRows(h, 'io.exported').at(-1)!.details).toMatchObject({ list: 'walletReport', from: day, to: day });

    // An open start is the first top-up's day.
    const open = await exported(owner, 'io.exportWalletReport', {});
    expect(open.rows[1]).toEqual(['概况', `${day} ~ ${day}`, '', '统计期间', '', '']);
    // Clerks cannot export.
    const clerk = await as('wang', 151);
    expect((await clerk.fail('io.exportTillClose', { day, format: 'csvUtf8', language: 'zh' })).code).toBe('FORBIDDEN');
  });
});

describe('exporting a recorded handover or day close', () => {
  it('writes the totals as recorded, named after the business day (and the clerk), not the export day', async () => {
    const { h, as, firstShift, members } = await scriptedDay();
    const closed = await (await as('owner', 150)).call('wallet.closeDay', { day });
    // Money moves after the close: the live day differs from the record from now on.
    await (await as('wang', 155)).call('wallet.topup', { memberId: members.A, paidFen: 5_000, paymentMethod: 'cash' });
    // Exported the next shop day.
    const owner = await act(h, 'owner', '2026-03-03T02:00:00.000Z');

    const d = await exported(owner, 'io.exportTillClose', { day, closeId: closed.id });
    expect(d.fileName).toBe(`日结-${day}.csv`);
    const total = d.rows.at(-1)!;
    expect(total.slice(0, 6)).toEqual([day, '合计', '', '', '2700.00', '4']);
    // The live day close has the later top-up; the record has not.
    const live = await exported(owner, 'io.exportTillClose', { day });
    expect(live.fileName).toBe(`日结-${day}.csv`);
    expect(live.rows.at(-1)!.slice(4, 6)).toEqual(['2750.00', '5']);
    expect(auditRows(h, 'io.exported').at(-2)!.details).toMatchObject({
      list: 'tillClose',
      day,
      closeId: closed.id,
      kind: 'day',
    });

    const s = await exported(owner, 'io.exportTillClose', { day, closeId: firstShift.id! });
    expect(s.fileName).toBe(`交班-wang-${day}.csv`);
    // wang's first shift: his lines, the same per method, and the shift's total.
    // Columns: section, staff, method, top-ups, stored value spent, takings.
    expect(s.rows.slice(1).map((r) => [r[1], r[2], r[3], r[4], r[11], r[12]])).toEqual([
      ['按员工和支付方式', 'wang', '现金', '1000.00', '0.00', '1000.00'],
      ['按员工和支付方式', 'wang', '微信支付', '200.00', '0.00', '200.00'],
      ['按员工和支付方式', 'wang', '储值', '0.00', '268.50', '0.00'],
      ['按支付方式', '', '现金', '1000.00', '0.00', '1000.00'],
      ['按支付方式', '', '微信支付', '200.00', '0.00', '200.00'],
      ['按支付方式', '', '储值', '0.00', '268.50', '0.00'],
      ['合计', '', '', '1200.00', '268.50', '1200.00'],
    ]);
    const en = await exported(owner, 'io.exportTillClose', { day, closeId: firstShift.id! }, 'xlsx', 'en');
    expect(en.fileName).toBe(`handover-wang-${day}.xlsx`);

    // A record of another day is not found; clerks cannot export even their own handover.
    expect(
      (
        await owner.fail('io.exportTillClose', {
          day: '2026-03-01',
          closeId: closed.id!,
          format: 'csvUtf8',
          language: 'zh',
        })
      ).code,
    ).toBe('NOT_FOUND');
    expect(
      (await owner.fail('io.exportTillClose', { day, closeId: 9_999, format: 'csvUtf8', language: 'zh' })).messageKey,
    ).toBe('errors.till.closeNotFound');
    const wang = await act(h, 'wang', '2026-03-03T02:05:00.000Z');
    expect(
      (await wang.fail('io.exportTillClose', { day, closeId: firstShift.id!, format: 'csvUtf8', language: 'zh' })).code,
    ).toBe('FORBIDDEN');
  });
});
