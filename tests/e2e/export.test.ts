import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { memberFileFields, memberFileHeaders } from '../../shared/io/memberFields.js';
import { openBrowserShop, screenshot, signIn, signOut, type BrowserShop } from './browserMode.js';

let shop: BrowserShop;
let page: Page;

beforeAll(async () => {
  shop = await openBrowserShop('export');
  page = shop.page;
});

afterAll(() => shop?.close());

/** A channel called from the page as the app does, with the page's session. */
async function api(channel: string, input: unknown): Promise<{ ok: boolean; error?: { code: string } }> {
  return page.evaluate(
    async ([c, i]) => {
      const res = await fetch(`/api/${c}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ requestId: crypto.randomUUID(), input: i }),
      });
      return (await res.json()) as { ok: boolean; error?: { code: string } };
    },
    [channel, input] as const,
  );
}

describe('export from the list pages', () => {
  it('the owner exports the members list as Excel, with whole phone numbers as text', async () => {
    await signIn(page, 'boss', 'owner-pass-1');
    for (const [phone, name, birthday] of [
      ['13800138000', '张三', '1990-01-02'],
      ['13900139000', '𠮷野家', null],
    ] as const)
      expect((await api('members.register', { phone, name, birthday })).ok).toBe(true);
    // Registered behind the page's back: load the list afresh.
    await page.reload();
    await page.getByText('𠮷野家').waitFor();

    await page.getByTestId('export-button').click();
    const dialog = page.getByRole('dialog', { name: '导出会员' });
    await dialog.getByText('推荐用 Excel 打开时选这个', { exact: false }).waitFor();
    await dialog.getByRole('checkbox', { name: '导出完整手机号' }).check();
    await screenshot(page, 'export-members');
    await dialog.getByTestId('export-start').click();
    await dialog.getByText('已导出 2 条记录。').waitFor();
    const [file] = await Promise.all([page.waitForEvent('download'), dialog.getByTestId('export-download').click()]);
    expect(file.suggestedFilename()).toMatch(/^会员-\d{4}-\d{2}-\d{2}\.xlsx$/);
    await dialog.waitFor({ state: 'detached' });

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile((await file.path())!);
    const ws = wb.worksheets[0]!;
    expect((ws.getRow(1).values as unknown[]).slice(1)).toEqual(memberFileFields.map((f) => memberFileHeaders.zh[f]));
    const col = (f: (typeof memberFileFields)[number]) => memberFileFields.indexOf(f) + 1;
    const first = ws.getRow(2);
    expect(first.getCell(col('name')).value).toBe('张三');
    expect(first.getCell(col('phone')).value).toBe('13800138000');
    expect(first.getCell(col('phone')).type).toBe(ExcelJS.ValueType.String);
    expect(first.getCell(col('birthday')).value).toEqual(new Date('1990-01-02T00:00:00Z'));
    expect(ws.getRow(3).getCell(col('name')).value).toBe('𠮷野家');
  });

  it('exports the audit log as CSV, the export itself recorded in it', async () => {
    await page.getByRole('link', { name: '操作日志' }).click();
    await page.getByText('导出数据').first().waitFor();
    await page.getByTestId('export-button').click();
    const dialog = page.getByRole('dialog', { name: '导出操作日志' });
    await dialog.getByText('CSV（UTF-8）').click();
    await dialog.getByTestId('export-start').click();
    await dialog.getByTestId('export-download').waitFor();
    const [file] = await Promise.all([page.waitForEvent('download'), dialog.getByTestId('export-download').click()]);
    const bytes = readFileSync((await file.path())!);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.subarray(3).toString('utf8').trim().split('\r\n');
    expect(lines[0]).toBe('编号,时间,员工,操作,详情');
    expect(lines.some((l) => l.includes(',io.exported,'))).toBe(true);
  });

  it('speaks English in the export window', async () => {
    await page.getByText('EN', { exact: true }).click();
    await page.getByRole('link', { name: 'Members' }).click();
    await page.getByTestId('export-button').click();
    const dialog = page.getByRole('dialog', { name: 'Export members' });
    await dialog.getByText('Export whole phone numbers').waitFor();
    expect((await dialog.innerText()).match(/[\u4e00-\u9fff]+/g)).toBeNull();
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await page.getByText('中文', { exact: true }).click();
    await page.getByRole('link', { name: '会员', exact: true }).waitFor();
  });

  it('shows a clerk no export button, and the channel refuses them', async () => {
    expect(
      (await api('staff.create', { username: 'xiaoli', displayName: '小李', role: 'clerk', password: 'clerk-pass-1' }))
        .ok,
    ).toBe(true);
    await signOut(page);
    await signIn(page, 'xiaoli', 'clerk-pass-1');
    await page.getByRole('link', { name: '会员', exact: true }).click();
    await page.getByText('𠮷野家').waitFor();
    expect(await page.getByTestId('export-button').count()).toBe(0);
    const refused = await api('io.exportMembers', { filter: {}, format: 'xlsx', language: 'zh' });
    expect(refused.error?.code).toBe('FORBIDDEN');
  });
});
