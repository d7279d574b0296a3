import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { purchaseFileFields, purchaseFileHeaders } from '../../shared/io/purchaseFields.js';
import { openBrowserShop, screenshot, signIn, type BrowserShop, pageApi } from './browserMode.js';

let shop: BrowserShop;
let page: Page;

beforeAll(async () => {
  shop = await openBrowserShop('points-report');
  page = shop.page;
});

afterAll(() => shop?.close());

const api = <T>(channel: string, input: unknown) => pageApi<T>(page, channel, input);

describe("owner's points view", () => {
  it('the owner sees the points liability and exports the purchases', async () => {
    await signIn(page, 'boss', 'owner-pass-1');
    const m = await api<{ id: number }>('members.register', { phone: '13800138000', name: '张三' });
    // 1 point per ¥100 and ¥1 a point by default: 2 + 10 points, ¥12.00 owed.
    await api('purchases.record', { memberId: m.id, amountFen: 26850, paymentMethod: 'wechat', receiptNo: 'R-1' });
    await api('purchases.record', { memberId: m.id, amountFen: 100000, paymentMethod: 'cash' });

    await page.getByRole('link', { name: '积分报表' }).click();
    const liability = page.getByTestId('points-liability');
    await liability.getByText('¥12.00').waitFor();
    await liability.getByText('12 分 × ¥1.00').waitFor();
    await page.getByTestId('points-outstanding').getByText('12 分').waitFor();
    const table = page.getByTestId('points-report-table');
    await table.getByRole('columnheader', { name: '发放' }).waitFor();
    expect(await table.locator('tbody tr').count()).toBe(12);
    await expect.poll(() => table.locator('tbody tr').last().locator('td').nth(1).textContent()).toBe('12');
    await page.locator('.recharts-surface').first().waitFor();
    await screenshot(page, 'points-report');

    await page.getByTestId('export-button-purchases').click();
    const dialog = page.getByRole('dialog', { name: '导出消费记录' });
    await dialog.getByText('CSV（UTF-8）').click();
    await dialog.getByTestId('export-start').click();
    await dialog.getByText('已导出 2 条记录。').waitFor();
    const [file] = await Promise.all([page.waitForEvent('download'), dialog.getByTestId('export-download').click()]);
    expect(file.suggestedFilename()).toMatch(/^消费记录-\d{4}-\d{2}-\d{2}\.csv$/);
    const lines = readFileSync((await file.path())!)
      .subarray(3)
      .toString('utf8')
      .trim()
      .split('\r\n');
    expect(lines[0]).toBe(purchaseFileFields.map((f) => purchaseFileHeaders.zh[f]).join(','));
    expect(lines).toHaveLength(3);
    expect(lines[1]).toContain(',138****8000,268.50,0,0.00,2,0.00,R-1,,,微信支付,');
    expect(lines[2]).toContain(',1000.00,0,0.00,10,');
  });

  it('the owner imports past purchases with their points, and the report counts them', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'liuke-e2e-')), 'old-till.csv');
    writeFileSync(
      path,
      '\ufeff手机号码,实收金额,交易时间,单号,付款方式,获得积分\r\n' +
        '13800138000,88.00,2025-12-01 15:30,OLD-1,支付宝,8\r\n' +
        '13900000000,10,2025-12-02,OLD-2,现金,1\r\n',
    );
    await page.getByRole('link', { name: '导入会员' }).click();
    await page.getByTestId('import-entity').getByText('消费记录').click();
    await page.locator('input[type="file"]').setInputFiles(path);
    await page.getByRole('button', { name: '读取文件' }).click();
    await expect.poll(() => page.getByLabel('“实收金额”列导入为').first().inputValue()).toBe('消费金额');
    await page.getByRole('button', { name: '检查并预览' }).click();
    const preview = page.getByTestId('import-preview');
    await preview.getByText('支付宝').waitFor();
    await preview.getByText('找不到这个会员', { exact: false }).waitFor();
    await page.getByRole('button', { name: '开始导入（1 行）' }).click();
    expect(await page.getByTestId('import-result').textContent()).toContain('新增 1，更新 0，跳过 0，有错误 1');

    await page.getByRole('link', { name: '积分报表' }).click();
    await page.getByTestId('points-liability').getByText('¥20.00').waitFor();
  });
});
