import { mkdirSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { stringify } from 'csv-stringify/sync';
import type { FileDownload } from '../../../shared/contract/index.js';
import type { ImportBatchInfo, Page } from '../../../shared/domain.js';
import { appError } from '../../../shared/errors.js';
import { requireStaff, type Ctx } from '../../context.js';
import { writeAudit } from '../audit.js';
import { encodeText, textEncodings, type TextEncoding } from './fileText.js';
import { reasonText } from '../../../shared/io/reasons.js';

export async function listBatches(ctx: Ctx, page: number, pageSize: number): Promise<Page<ImportBatchInfo>> {
  const { total } = await ctx.db
    .selectFrom('import_batches')
    .select((eb) => eb.fn.countAll<number>().as('total'))
    .executeTakeFirstOrThrow();
  const rows = await ctx.db
    .selectFrom('import_batches as b')
    .leftJoin('staff as s', 's.id', 'b.staff_id')
    .selectAll('b')
    .select(['s.display_name as staffName'])
    .select((eb) =>
      eb
        .selectFrom('import_rejects as r')
        .select(eb.fn.countAll<number>().as('n'))
        .whereRef('r.batch_id', '=', 'b.id')
        .as('rejects'),
    )
    .orderBy('b.id', 'desc')
    .limit(pageSize)
    .offset((page - 1) * pageSize)
    .execute();
  return {
    total: Number(total),
    rows: rows.map((r) => ({
      id: r.id,
      fileName: r.file_name,
      encoding: r.encoding,
      mode: r.mode,
      status: r.status,
      rowsTotal: r.rows_total,
      imported: r.imported,
      updated: r.updated,
      skipped: r.skipped,
      invalid: r.invalid,
      startedAt: r.started_at,
      finishedAt: r.finished_at,
      staffName: r.staffName ?? '',
      rejects: Number(r.rejects ?? 0),
    })),
  };
}

/**
 * The rows a batch refused or skipped, exactly as they were read, with the reason (and the field)
 * in front: fix them in Excel and import the file again. Written in the encoding the file came in,
 * so it opens the same way the original did (a workbook's report is UTF-8 CSV with a BOM).
 */
export async function errorReport(ctx: Ctx, input: { batchId: number; language: 'zh' | 'en' }): Promise<FileDownload> {
  const me = requireStaff(ctx);
  const batch = await ctx.db
    .selectFrom('import_batches')
    .selectAll()
    .where('id', '=', input.batchId)
    .executeTakeFirst();
  if (!batch) throw appError('NOT_FOUND', 'errors.io.batchNotFound');
  const rejects = await ctx.db
    .selectFrom('import_rejects')
    .select(['line', 'reason', 'field', 'raw'])
    .where('batch_id', '=', input.batchId)
    .orderBy('line')
    .execute();
  if (!rejects.length) throw appError('NOT_FOUND', 'errors.io.noRejects');
  const headers = Object.keys(JSON.parse(batch.mapping) as Record<string, unknown>);
  const labels = input.language === 'zh' ? ['行号', '原因'] : ['Row', 'Reason'];
  const records = [
    [...labels, ...headers],
    ...rejects.map((r) => [
      String(r.line),
      reasonText(r.reason, r.field, input.language),
      ...(JSON.parse(r.raw) as string[]),
    ]),
  ];
  const encoding: TextEncoding = (textEncodings as readonly string[]).includes(batch.encoding)
    ? (batch.encoding as TextEncoding)
    : 'utf-8-bom';
  const dir = ctx.backend.paths.transfers;
  mkdirSync(dir, { recursive: true });
  const path = join(dir, `${randomUUID()}.csv`);
  await writeFile(path, encodeText(stringify(records, { record_delimiter: 'windows' }), encoding), { mode: 0o600 });
  await writeAudit(ctx.db, {
    at: ctx.nowIso,
    staffId: me.id,
    action: 'io.errorReportDownloaded',
    details: { batchId: input.batchId, rows: rejects.length },
  });
  const base = batch.file_name.replace(/\.[^.]+$/, '');
  return {
    fileName: `${base}-${input.language === 'zh' ? '错误报告' : 'errors'}.csv`,
    contentType: `text/csv; charset=${encoding.startsWith('utf-8') ? 'utf-8' : encoding}`,
    path,
    deleteAfter: true,
  };
}
