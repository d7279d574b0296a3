import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { ExportResult } from '../../shared/contract/export.js';
import type { InputOf } from '../../shared/contract/index.js';
import { tempDir, type Client } from './harness.js';
import { finished } from './ioHelpers.js';

type MembersInput = Omit<InputOf<'io.exportMembers'>, 'filter'> & { filter?: InputOf<'io.exportMembers'>['filter'] };

/** Starts an export, waits for it, downloads the file into a folder of the test's own. */
export async function exportMembers(c: Client, input: MembersInput) {
  const job = await finished(c, await c.call('io.exportMembers', { filter: {}, ...input }));
  if (job.state !== 'done') throw new Error(`export ${job.state}: ${job.errorKey}`);
  const file = await c.call('io.downloadExport', { jobId: job.id });
  // The transport removes the file once delivered; the test keeps its own copy.
  const path = join(tempDir(), file.fileName);
  copyFileSync(file.path, path);
  return { job, file, path, result: job.result as ExportResult };
}

export const csvLines = (text: string) => text.split('\r\n');

export async function firstSheet(path: string): Promise<ExcelJS.Worksheet> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  return wb.worksheets[0]!;
}

/** Three members as a clerk registers them (odd names, a landline, a foreign second phone, lines). */
export async function registerVaried(owner: Client): Promise<void> {
  const vip = await owner.call('tags.create', { name: 'VIP', color: 'red' });
  const regular = await owner.call('tags.create', { name: '老客', color: 'teal' });
  const a = await owner.call('members.register', {
    phone: '150 0015 0000',
    name: '𠮷田·花子',
    gender: 'female',
    birthday: '1990-01-02',
    email: 'Hanako@Example.com',
    wechat: 'wxid_hanako1',
    phone2: '+852 9123 4567',
    address: '北京市朝阳区, 幸福路88号\n3单元',
    occupation: '教师',
    notes: '喜欢绿茶, "少糖"\n周末来\n=1+1 不是公式',
    joinedOn: '2025-06-01',
  });
  await owner.call('members.bindCard', { id: a.id, cardNo: 'C20000001' });
  await owner.call('tags.setForMember', { memberId: a.id, tagIds: [vip.id, regular.id] });
  await owner.call('members.register', {
    phone: '010-12345678',
    phoneKind: 'landline',
    name: '阿卜杜拉·买买提',
    gender: 'male',
    notes: '-只收现金',
  });
  await owner.call('members.register', { phone: '15100151000' });
}
