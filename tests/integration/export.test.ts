import { existsSync, readdirSync, readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { afterEach, describe, expect, it } from 'vitest';
import type { ExportResult } from '../../shared/contract/export.js';
import { memberFileFields, memberFileHeaders } from '../../shared/io/memberFields.js';
import { writeFixture } from '../fixtures/importFiles.js';
import { csvLines, exportMembers, firstSheet, registerVaried } from './exportHelpers.js';
import { addStaff, auditRows, closeShops, openShop, signedIn, tempDir } from './harness.js';
import { finished, importFile } from './ioHelpers.js';

afterEach(closeShops);

describe('export: members', () => {
  it('writes UTF-8 CSV with a BOM and the importer’s headers, in the requester’s language', async () => {
    const { owner } = await openShop();
    await registerVaried(owner);
    const zh = await exportMembers(owner, { format: 'csvUtf8', language: 'zh' });
    const bytes = readFileSync(zh.path);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = csvLines(bytes.subarray(3).toString('utf8'));
    expect(lines[0]).toBe(memberFileFields.map((f) => memberFileHeaders.zh[f]).join(','));
    expect(zh.result.rows).toBe(3);
    expect(zh.file.fileName).toBe('会员-2026-03-01.csv');
    expect(zh.file.contentType).toBe('text/csv; charset=utf-8');

    const en = await exportMembers(owner, { format: 'csvUtf8', language: 'en' });
    const enText = readFileSync(en.path).subarray(3).toString('utf8');
    expect(csvLines(enText)[0]).toBe(memberFileFields.map((f) => memberFileHeaders.en[f]).join(','));
    expect(enText).toContain(',unknown,');
    expect(en.file.fileName).toBe('members-2026-03-01.csv');
  });

  it('writes GB18030 that decodes back, rare characters included', async () => {
    const { owner } = await openShop();
    await registerVaried(owner);
    const { path, file } = await exportMembers(owner, { format: 'csvGb18030', language: 'zh', fullPhones: true });
    expect(file.contentType).toBe('text/csv; charset=gb18030');
    const bytes = readFileSync(path);
    expect(bytes.subarray(0, 3).equals(Buffer.from([0xef, 0xbb, 0xbf]))).toBe(false);
    const text = iconv.decode(bytes, 'gb18030');
    expect(csvLines(text)[0]!.startsWith('会员编号,姓名,手机号,')).toBe(true);
    expect(text).toContain('𠮷田·花子');
    expect(text).toContain('"北京市朝阳区, 幸福路88号\n3单元"');
    // A foreign number would be read by Excel as a formula or a number: a leading tab keeps it text.
    expect(text).toContain(',\t+85291234567,');
  });

  it('writes typed XLSX cells: phones as text, dates as dates, money as 0.00 numbers', async () => {
    const { owner } = await openShop();
    await importFile(owner, await writeFixture(tempDir(), 'utf8'));
    await registerVaried(owner);
    const { path, file } = await exportMembers(owner, { format: 'xlsx', language: 'zh', fullPhones: true });
    expect(file.fileName).toBe('会员-2026-03-01.xlsx');
    const ws = await firstSheet(path);
    const header = (ws.getRow(1).values as unknown[]).slice(1);
    expect(header).toEqual(memberFileFields.map((f) => memberFileHeaders.zh[f]));
    const col = (f: (typeof memberFileFields)[number]) => memberFileFields.indexOf(f) + 1;
    const zhang = ws.getRow(2);
    expect(zhang.getCell(col('name')).value).toBe('张三');
    expect(zhang.getCell(col('phone')).value).toBe('13800138000');
    expect(zhang.getCell(col('phone')).type).toBe(ExcelJS.ValueType.String);
    expect(zhang.getCell(col('cardNo')).value).toBe('C10000001');
    expect(zhang.getCell(col('totalSpent')).value).toBe(1234.5);
    expect(zhang.getCell(col('totalSpent')).numFmt).toBe('0.00');
    expect(zhang.getCell(col('points')).value).toBe(1200);
    expect(zhang.getCell(col('tier')).value).toBe('金卡');
    expect(zhang.getCell(col('birthday')).value).toEqual(new Date('1990-01-02T00:00:00Z'));
    expect(zhang.getCell(col('birthday')).numFmt).toBe('yyyy-mm-dd');
    expect(zhang.getCell(col('joinedOn')).value).toEqual(new Date('2026-03-01T00:00:00Z'));
    // No opening balance: empty cells, not zeros.
    const last = ws.getRow(ws.rowCount);
    expect(last.getCell(col('phone')).value).toBe('15100151000');
    expect(last.getCell(col('points')).value).toBeNull();
    expect(last.getCell(col('totalSpent')).value).toBeNull();
    const landline = ws.getRow(ws.rowCount - 1);
    expect(landline.getCell(col('phone')).value).toBe('010-12345678');
  });

  it('masks phones for a manager, shows them to the owner who asks, refuses a manager who asks', async () => {
    const { h, owner } = await openShop();
    await registerVaried(owner);
    await addStaff(owner, 'mgr', 'manager');
    const manager = await signedIn(h, 'mgr', 'mgr-pass-1');
    const masked = readFileSync((await exportMembers(manager, { format: 'csvUtf8', language: 'zh' })).path, 'utf8');
    expect(masked).toContain(',150****0000,\t+852****4567,');
    expect(masked).not.toContain('15000150000');
    const ownerMasked = readFileSync((await exportMembers(owner, { format: 'csvUtf8', language: 'zh' })).path, 'utf8');
    expect(ownerMasked).toContain(',150****0000,');
    const full = readFileSync(
      (await exportMembers(owner, { format: 'csvUtf8', language: 'zh', fullPhones: true })).path,
      'utf8',
    );
    expect(full).toContain(',15000150000,\t+85291234567,');

    const refused = await manager.fail('io.exportMembers', {
      filter: {},
      format: 'xlsx',
      fullPhones: true,
      language: 'zh',
    });
    expect(refused.code).toBe('FORBIDDEN');
    expect(refused.fields?.fullPhones?.messageKey).toBe('errors.export.fullPhonesOwner');
  });

  it('refuses a clerk both the export and the download', async () => {
    const { h, owner } = await openShop();
    await registerVaried(owner);
    await addStaff(owner, 'clerk', 'clerk');
    const clerk = await signedIn(h, 'clerk', 'clerk-pass-1');
    const started = await clerk.fail('io.exportMembers', { filter: {}, format: 'csvUtf8', language: 'zh' });
    expect(started.code).toBe('FORBIDDEN');
    expect((await clerk.fail('io.exportAudit', { format: 'csvUtf8' })).code).toBe('FORBIDDEN');
    const job = await finished(
      owner,
      await owner.call('io.exportMembers', { filter: {}, format: 'csvUtf8', language: 'zh' }),
    );
    expect((await clerk.fail('io.downloadExport', { jobId: job.id })).code).toBe('FORBIDDEN');
  });

  it('audits each export with its filter and row count, and exports only what the filter matches', async () => {
    const { h, owner } = await openShop();
    await registerVaried(owner);
    const vip = (await owner.call('tags.list', {})).find((t) => t.name === 'VIP')!;
    const { path, result } = await exportMembers(owner, {
      filter: { tagId: vip.id },
      format: 'csvUtf8',
      language: 'zh',
    });
    expect(result.rows).toBe(1);
    const lines = csvLines(readFileSync(path, 'utf8'));
    expect(lines.filter((l) => l.startsWith('M'))).toHaveLength(1);
    expect(lines[1]).toContain('𠮷田·花子');
    expect(lines[1]).toContain(',"VIP, 老客",');
    const [audit] = auditRows(h, 'io.exported');
    expect(audit!.details).toEqual({
      list: 'members',
      filter: {
        tagId: vip.id,
        source: null,
        consent: null,
        gender: null,
        birthdayMonth: null,
        joinedFrom: null,
        joinedTo: null,
        notConfirmed: false,
        archived: false,
      },
      fullPhones: false,
      format: 'csvUtf8',
      rows: 1,
    });
  });

  it('hands the file over once, to its exporter only; a cancelled export leaves no file', async () => {
    const { h, owner } = await openShop();
    await registerVaried(owner);
    await addStaff(owner, 'mgr', 'manager');
    const manager = await signedIn(h, 'mgr', 'mgr-pass-1');
    const job = await finished(
      manager,
      await manager.call('io.exportMembers', { filter: {}, format: 'xlsx', language: 'zh' }),
    );
    expect((await owner.fail('io.downloadExport', { jobId: job.id })).code).toBe('NOT_FOUND');
    await manager.call('io.downloadExport', { jobId: job.id });
    expect((await manager.fail('io.downloadExport', { jobId: job.id })).messageKey).toBe('errors.export.gone');

    const transfers = h.backend.paths.transfers;
    const before = readdirSync(transfers).length;
    const started = await owner.call('io.exportMembers', { filter: {}, format: 'csvUtf8', language: 'zh' });
    await owner.call('jobs.cancel', { id: started.id });
    const stopped = await finished(owner, started);
    expect(stopped.state).toBe('cancelled');
    expect(readdirSync(transfers)).toHaveLength(before);
    expect((await owner.fail('io.downloadExport', { jobId: started.id })).code).toBe('NOT_FOUND');
    expect(auditRows(h, 'io.exported')).toHaveLength(1);
  });
});

describe('export: the audit log', () => {
  it('writes every entry with its shop-local time, action code and details', async () => {
    const { h, owner } = await openShop();
    await registerVaried(owner);
    const job = await finished(owner, await owner.call('io.exportAudit', { format: 'xlsx', language: 'en' }));
    const file = await owner.call('io.downloadExport', { jobId: job.id });
    expect(file.fileName).toBe('audit-log-2026-03-01.xlsx');
    const ws = await firstSheet(file.path);
    expect((ws.getRow(1).values as unknown[]).slice(1)).toEqual(['No', 'Time', 'Staff', 'Action', 'Details']);
    const stored = auditRows(h).filter((r) => r.action !== 'io.exported');
    expect(ws.rowCount - 1).toBe(stored.length);
    const first = ws.getRow(2);
    expect(first.getCell(1).value).toBe(stored[0]!.id);
    // 02:00 UTC is 10:00 in Shanghai.
    expect(first.getCell(2).value).toEqual(new Date('2026-03-01T10:00:00Z'));
    expect(first.getCell(4).value).toBe(stored[0]!.action);
    expect(auditRows(h, 'io.exported').at(-1)!.details).toMatchObject({ list: 'audit', rows: stored.length });
    expect(existsSync(file.path)).toBe(true);
  });

  it('keeps to the shop days asked for', async () => {
    const { owner } = await openShop();
    const rowsFor = async (from: string, to: string) => {
      const job = await finished(owner, await owner.call('io.exportAudit', { format: 'csvUtf8', from, to }));
      return (job.result as ExportResult).rows;
    };
    expect(await rowsFor('2026-03-01', '2026-03-01')).toBeGreaterThan(0);
    expect(await rowsFor('2026-03-02', '2026-03-05')).toBe(0);
    const reversed = await owner.fail('io.exportAudit', { format: 'csvUtf8', from: '2026-03-02', to: '2026-03-01' });
    expect(reversed.fields?.to?.messageKey).toBe('errors.member.dateRange');
  });
});
