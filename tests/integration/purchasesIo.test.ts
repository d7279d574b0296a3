import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterEach, describe, expect, it } from 'vitest';
import type { ExportResult } from '../../shared/contract/export.js';
import type { ImportPreview, ImportResult, UndoResult } from '../../shared/domain.js';
import { ledgerFileFields, ledgerFileHeaders } from '../../shared/io/ledgerFields.js';
import { purchaseFileFields, purchaseFileHeaders } from '../../shared/io/purchaseFields.js';
import { csvLines, firstSheet } from './exportHelpers.js';
import { addStaff, closeShops, openShop, signedIn, tempDir, type Client } from './harness.js';
import { finished } from './ioHelpers.js';
import { expectLedgerConsistent, newMember, setDay, setRules } from './pointsHelpers.js';

afterEach(closeShops);

async function exportList(c: Client, channel: 'io.exportPurchases' | 'io.exportLedger', input: object) {
  const job = await finished(c, await c.call(channel, { format: 'csvUtf8', language: 'zh', ...input }));
  if (job.state !== 'done') throw new Error(`export ${job.state}: ${job.errorKey}`);
  const file = await c.call('io.downloadExport', { jobId: job.id });
  const path = join(tempDir(), file.fileName);
  copyFileSync(file.path, path);
  return { file, path, result: job.result as ExportResult };
}

const csvRows = (path: string) => parse(readFileSync(path).subarray(3).toString('utf8')) as string[][];

async function importPurchases(c: Client, path: string) {
  const file = await c.call('io.stageFile', { entity: 'purchases', path, name: 'purchases.csv' });
  const mapping = file.suggested as never;
  const p = await finished(
    c,
    await c.call('io.previewImport', { entity: 'purchases', fileId: file.fileId, mapping, mode: 'addOnly' }),
  );
  const job = await finished(
    c,
    await c.call('io.startImport', { entity: 'purchases', fileId: file.fileId, mapping, mode: 'addOnly' }),
  );
  if (job.state !== 'done') throw new Error(`import ${job.state}: ${job.errorKey}`);
  return { file, preview: p.result as ImportPreview, result: job.result as ImportResult };
}

/** Two members with purchases on two days, one partly refunded. */
async function shopWithSales() {
  const { h } = await openShop();
  let owner = await setDay(h, '2026-03-10');
  await setRules(owner, { earnPoints: 1, perFen: 100 });
  const a = await newMember(owner);
  const b = await newMember(owner);
  const first = await owner.call('purchases.record', {
    memberId: a,
    amountFen: 26850,
    receiptNo: 'R-001',
    category: '茶叶',
    items: '龙井, 250g',
    paymentMethod: 'wechat',
  });
  owner = await setDay(h, '2026-03-20');
  await owner.call('purchases.record', { memberId: b, amountFen: 1005, paymentMethod: 'cash' });
  await owner.call('purchases.refund', { purchaseId: first.purchase.id, amountFen: 6850 });
  return { h, owner, a, b };
}

describe('purchases and ledger export', () => {
  it('writes purchases of a date range with money in yuan, masked phones and shop-local times', async () => {
    const { owner } = await shopWithSales();
    const all = await exportList(owner, 'io.exportPurchases', {});
    expect(all.result.rows).toBe(2);
    expect(all.file.fileName).toBe('消费记录-2026-03-20.csv');
    const rows = csvRows(all.path);
    expect(rows[0]).toEqual(purchaseFileFields.map((f) => purchaseFileHeaders.zh[f]));
    const cell = (r: string[], f: (typeof purchaseFileFields)[number]) => r[purchaseFileFields.indexOf(f)];
    const one = rows[1]!;
    expect(csvLines(readFileSync(all.path).subarray(3).toString('utf8'))[1]).toContain('"龙井, 250g"');
    expect(cell(one, 'items')).toBe('龙井, 250g');
    expect(cell(one, 'amount')).toBe('268.50');
    expect(cell(one, 'refunded')).toBe('68.50');
    expect(cell(one, 'pointsEarned')).toBe('268');
    expect(cell(one, 'phone')).toMatch(/^139\*{4}\d{4}$/);
    expect(cell(one, 'paymentMethod')).toBe('微信支付');
    expect(cell(one, 'time')).toBe('2026-03-10 10:00:00');
    expect(cell(one, 'day')).toBe('2026-03-10');

    const march10 = await exportList(owner, 'io.exportPurchases', { from: '2026-03-10', to: '2026-03-15' });
    expect(march10.result.rows).toBe(1);
    const none = await exportList(owner, 'io.exportPurchases', { from: '2026-04-01', to: null });
    expect(none.result.rows).toBe(0);
  });

  it('gives whole phones to the owner only, and no export to a clerk', async () => {
    const { h, owner } = await shopWithSales();
    await addStaff(owner, 'manager1', 'manager');
    await addStaff(owner, 'clerk1', 'clerk');
    const manager = await signedIn(h, 'manager1', 'manager1-pass-1');
    expect((await manager.fail('io.exportPurchases', { format: 'xlsx', fullPhones: true })).code).toBe('FORBIDDEN');
    const clerk = await signedIn(h, 'clerk1', 'clerk1-pass-1');
    expect((await clerk.fail('io.exportLedger', { format: 'xlsx' })).code).toBe('FORBIDDEN');
    const full = await exportList(owner, 'io.exportPurchases', { format: 'xlsx', fullPhones: true, language: 'en' });
    const ws = await firstSheet(full.path);
    expect((ws.getRow(1).values as unknown[]).slice(1)).toEqual(
      purchaseFileFields.map((f) => purchaseFileHeaders.en[f]),
    );
    const col = (f: (typeof purchaseFileFields)[number]) => purchaseFileFields.indexOf(f) + 1;
    expect(String(ws.getRow(2).getCell(col('phone')).value)).toMatch(/^139\d{8}$/);
    expect(ws.getRow(2).getCell(col('amount')).value).toBe(268.5);
    expect(ws.getRow(2).getCell(col('paymentMethod')).value).toBe('WeChat Pay');
  });

  it('writes every ledger entry of the range with its kind in words', async () => {
    const { h, owner } = await shopWithSales();
    const all = await exportList(owner, 'io.exportLedger', { language: 'en' });
    const entries = (h.backend.raw.prepare(`select count(*) as n from points_ledger`).get() as { n: number }).n;
    expect(all.result.rows).toBe(entries);
    const rows = csvRows(all.path);
    expect(rows[0]).toEqual(ledgerFileFields.map((f) => ledgerFileHeaders.en[f]));
    const kind = ledgerFileFields.indexOf('kind');
    expect(rows.slice(1).map((r) => r[kind])).toEqual(['Purchase', 'Purchase', 'Refund']);
    const refund = rows[3]!;
    expect(refund[ledgerFileFields.indexOf('points')]).toBe('-68');
    expect(refund[ledgerFileFields.indexOf('day')]).toBe('2026-03-20');
    expect(refund[ledgerFileFields.indexOf('reference')]).toMatch(/^Refund #\d+$/);
    expect(rows[1]![ledgerFileFields.indexOf('reference')]).toMatch(/^Purchase #\d+$/);
    const march20 = await exportList(owner, 'io.exportLedger', { from: '2026-03-20', to: '2026-03-20' });
    expect(march20.result.rows).toBe(2);
  });
});

describe('purchases import', () => {
  it('imports matched rows, refuses bad ones with reasons, skips duplicates, and undoes the batch', async () => {
    const { h } = await openShop();
    const owner = await setDay(h, '2026-03-10');
    const a = await newMember(owner);
    const b = await newMember(owner);
    const [ma, mb] = [await owner.call('members.get', { id: a }), await owner.call('members.get', { id: b })];
    const phoneA = ma.phone.replace(/\D/g, '').slice(-11);
    const lines = [
      '手机号,会员编号,金额,消费时间,小票号,品类,商品,支付方式,获得积分',
      `${phoneA},,268.50,2026-01-05 14:30,OLD-1,茶叶,龙井,微信,26`,
      `,${mb.memberNo},99,2026/2/7,,茶具,,现金,`,
      `${phoneA},,12.345,2026-02-01,OLD-2,,,,`,
      `13900000000,,10,2026-02-01,OLD-3,,,,`,
      `${phoneA},,10,2026-04-01,OLD-4,,,,`,
      `${phoneA},,10,2026-02-01,OLD-5,,,美团,`,
      `${phoneA},,50,2026-02-02 09:00,OLD-1,,,,`,
      `,,50,2026-02-02,,,,,`,
    ];
    const path = join(tempDir(), 'purchases.csv');
    writeFileSync(path, '\ufeff' + lines.join('\r\n'));
    const { file, preview, result } = await importPurchases(owner, path);
    expect(file.suggested).toEqual([
      'phone',
      'memberNo',
      'amount',
      'time',
      'receiptNo',
      'category',
      'items',
      'paymentMethod',
      'pointsEarned',
    ]);
    expect(preview.counts).toEqual({ new: 3, update: 0, dupInFile: 0, dupExisting: 0, invalid: 5 });
    const reasons = preview.rows.filter((r) => r.status === 'invalid').map((r) => r.reason);
    expect(reasons).toEqual(['moneyPrecision', 'memberNotFound', 'timeInFuture', 'paymentUnknown', 'memberMissing']);
    // OLD-1 on another day is another sale (tills that number receipts per day).
    expect(result).toMatchObject({ imported: 3, invalid: 5 });

    const bought = await owner.call('purchases.list', { memberId: a });
    expect(bought.rows.map((p) => [p.amountFen, p.receiptNo, p.day, p.paymentMethod, p.pointsEarned])).toEqual([
      [5000, 'OLD-1', '2026-02-02', 'other', 0],
      [26850, 'OLD-1', '2026-01-05', 'wechat', 26],
    ]);
    expect((await owner.call('points.get', { memberId: a })).balance).toBe(26);
    expect((await owner.call('points.get', { memberId: b })).balance).toBe(0);
    const habits = await owner.call('purchases.habits', { memberId: a });
    expect(habits).toMatchObject({ purchases: 2, spendFen: 31850, lastVisit: '2026-02-02' });
    expect(habits.topCategories).toEqual([{ category: '茶叶', spendFen: 26850 }]);
    expectLedgerConsistent(h);

    // The same file again: every good row is already there.
    const again = await importPurchases(owner, path);
    expect(again.preview.counts).toMatchObject({ new: 0, dupExisting: 3, invalid: 5 });

    // A refunded purchase was worked with since: the undo keeps it.
    const kept = bought.rows.find((p) => p.amountFen === 5000)!;
    await owner.call('purchases.refund', { purchaseId: kept.id, amountFen: 1000 });
    const undo = await finished(owner, await owner.call('io.undoBatch', { batchId: result.batchId }));
    expect(undo.result as UndoResult).toEqual({ removed: 2, restored: 0, kept: 1 });
    const left = await owner.call('purchases.list', { memberId: a });
    expect(left.rows.map((p) => p.id)).toEqual([kept.id]);
    expect((await owner.call('points.get', { memberId: a })).balance).toBe(0);
    expect((await owner.call('purchases.list', { memberId: b })).total).toBe(0);
    const timeline = await owner.call('members.timeline', { id: b });
    expect(timeline.rows.some((e) => e.kind === 'purchase')).toBe(false);
    expectLedgerConsistent(h);
  });

  it('takes back an exported purchases file as already recorded (a round trip)', async () => {
    const { owner } = await shopWithSales();
    const out = await exportList(owner, 'io.exportPurchases', { fullPhones: true });
    const back = await importPurchases(owner, out.path);
    expect(back.preview.counts).toEqual({ new: 0, update: 0, dupInFile: 0, dupExisting: 2, invalid: 0 });
    expect(back.preview.rows.map((r) => r.reason)).toEqual(['receiptExists', 'purchaseExists']);
  });

  it('keeps the purchase when its imported points were spent', async () => {
    const { h } = await openShop();
    const owner = await setDay(h, '2026-03-10');
    const a = await newMember(owner);
    const m = await owner.call('members.get', { id: a });
    const path = join(tempDir(), 'p.csv');
    writeFileSync(path, `会员编号,金额,日期,积分\r\n${m.memberNo},100,2026-03-01,40\r\n`);
    const { result } = await importPurchases(owner, path);
    await owner.call('purchases.record', { memberId: a, amountFen: 1000, pointsUsed: 10, paymentMethod: 'cash' });
    const undo = await finished(owner, await owner.call('io.undoBatch', { batchId: result.batchId }));
    expect(undo.result as UndoResult).toEqual({ removed: 0, restored: 0, kept: 1 });
    expectLedgerConsistent(h);
  });
});
