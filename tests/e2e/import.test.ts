import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expected, writeFixture } from '../fixtures/importFiles.js';
import { openBrowserShop, signIn, signOut, type BrowserShop } from './browserMode.js';

let shop: BrowserShop;
const files = mkdtempSync(join(tmpdir(), 'liuke-e2e-files-'));

beforeAll(async () => {
  shop = await openBrowserShop('import');
});
afterAll(async () => {
  await shop?.close();
  rmSync(files, { recursive: true, force: true });
});

describe('import as an owner does it', () => {
  it('picks a GB18030 file, checks the matching, previews, imports and downloads the error report', async () => {
    const { page } = shop;
    await signIn(page, 'boss', 'owner-pass-1');
    await page.getByRole('link', { name: '导入会员' }).click();
    await page.locator('input[type="file"]').setInputFiles(await writeFixture(files, 'gb18030'));
    await page.getByRole('button', { name: '读取文件' }).click();

    // Matched automatically from the Chinese headers.
    await page.getByText('GB18030（中文 Windows 的 Excel 另存的 CSV）', { exact: false }).waitFor();
    await expect.poll(() => page.getByLabel('“手机号码”列导入为').first().inputValue()).toBe('手机号');
    expect(await page.getByLabel('“出生日期”列导入为').first().inputValue()).toBe('生日');
    expect(await page.getByLabel('“累计消费”列导入为').first().inputValue()).toBe('累计消费');
    expect(await page.getByLabel('“等级”列导入为').first().inputValue()).toBe('等级');

    await page.getByRole('button', { name: '检查并预览' }).click();
    const counts = page.getByTestId('import-counts');
    await counts.waitFor();
    expect(await counts.locator('[data-status="new"]').textContent()).toBe(`新增: ${expected.new}`);
    expect(await counts.locator('[data-status="invalid"]').textContent()).toBe(`有错误: ${expected.invalid}`);
    expect(await counts.locator('[data-status="dupInFile"]').textContent()).toBe(`文件内重复: ${expected.dupInFile}`);
    const previewTable = page.getByTestId('import-preview');
    await previewTable.getByText('1234.50').waitFor();
    await previewTable.getByText('被 Excel 改成了科学计数法', { exact: false }).waitFor();

    await page.getByRole('button', { name: `开始导入（${expected.new} 行）` }).click();
    const result = page.getByTestId('import-result');
    await result.waitFor();
    expect(await result.textContent()).toContain(
      `新增 ${expected.new}，更新 0，跳过 ${expected.dupInFile}，有错误 ${expected.invalid}`,
    );

    const [report] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('import-result-actions').getByRole('button', { name: '下载错误报告' }).click(),
    ]);
    const text = iconv.decode(readFileSync((await report.path())!), 'gb18030');
    const lines = text.trim().split('\r\n');
    expect(lines[0]).toBe('行号,原因,姓名,手机号码,性别,出生日期,积分,累计消费,会员卡号,等级,备注');
    expect(lines).toHaveLength(1 + expected.invalid + expected.dupInFile);
    expect(lines[1]).toContain('1.38E+10');
    expect(lines[1]).toContain('手机号：被 Excel 改成了科学计数法');

    // The imported members are at the counter.
    await page.getByRole('link', { name: '会员', exact: true }).click();
    await page.getByText('𠮷野家').waitFor();
  });

  it('undoes the import as one', async () => {
    const { page } = shop;
    await page.getByRole('link', { name: '导入会员' }).click();
    const batches = page.getByTestId('import-batches');
    await batches.getByRole('button', { name: '撤销' }).click();
    await page.getByRole('dialog').getByRole('button', { name: '撤销导入' }).click();
    await batches.getByText('已撤销', { exact: true }).waitFor();
    await page.getByText(`已撤销：删除 ${expected.new} 位，恢复 0 位，保留 0 位`, { exact: false }).waitFor();
    await page.getByRole('link', { name: '会员', exact: true }).click();
    await page.getByText('𠮷野家').waitFor({ state: 'detached' });
    await signOut(page);
  });

  it('shows a clerk no import page, and the channel refuses them', async () => {
    const { page } = shop;
    await signIn(page, 'boss', 'owner-pass-1');
    // The owner adds a clerk through the same API the staff page uses.
    const created = await page.evaluate(async () => {
      const res = await fetch('/api/staff.create', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({
          requestId: crypto.randomUUID(),
          input: { username: 'xiaoli', displayName: '小李', role: 'clerk', password: 'clerk-pass-1' },
        }),
      });
      return ((await res.json()) as { ok: boolean }).ok;
    });
    expect(created).toBe(true);
    await signOut(page);
    await signIn(page, 'xiaoli', 'clerk-pass-1');
    expect(await page.getByRole('link', { name: '导入会员' }).count()).toBe(0);
    const refused = await page.evaluate(async () => {
      const res = await fetch('/api/io.stageFile', {
        method: 'POST',
        headers: { 'Content-Type': 'application/octet-stream', 'X-File-Name': 'a.csv' },
        body: '手机号\n13800138000\n',
      });
      return ((await res.json()) as { error?: { code: string } }).error?.code;
    });
    expect(refused).toBe('FORBIDDEN');
  });
});
