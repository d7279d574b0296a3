import { randomUUID } from 'node:crypto';
import { createWriteStream, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { stringify } from 'csv-stringify/sync';
import type { FileDownload } from '../../../shared/contract/index.js';
import { appError } from '../../../shared/errors.js';
import { reasonText } from '../../../shared/io/reasons.js';
import { requireStaff, type Ctx } from '../../context.js';
import { writeAudit } from '../audit.js';
import { encodeText, textEncodings, type TextEncoding } from './fileText.js';

const stepRows = 5_000;

/**
 * The rows a batch refused or skipped, exactly as they were read, with the row number and the
 * reason (and its field) in front: fix them in Excel and import the file again. Written in the
 * encoding the file came in, so it opens the way the original did (a workbook's report is UTF-8 CSV
 * with a BOM). Read in steps, so a report of a whole refused file never holds the connection long.
 */
export async function errorReport(ctx: Ctx, input: { batchId: number; language: 'zh' | 'en' }): Promise<FileDownload> {
  const me = requireStaff(ctx);
  const backend = ctx.backend;
  const batch = await ctx.db
    .selectFrom('import_batches')
    .selectAll()
    .where('id', '=', input.batchId)
    .executeTakeFirst();
  if (!batch) throw appError('NOT_FOUND', 'errors.io.batchNotFound');
  // UTF-8 gets a BOM even when the file had none: Excel reads a CSV without one as the PC's
  // ANSI code page and garbles the Chinese.
  const encoding: TextEncoding =
    (textEncodings as readonly string[]).includes(batch.encoding) && batch.encoding !== 'utf-8'
      ? (batch.encoding as TextEncoding)
      : 'utf-8-bom';
  // The BOM (where the encoding has one) once, at the top; later pieces without it.
  const piece = (records: string[][], first: boolean) => {
    // A cell with a bare line break must be quoted too, or the report splits the row.
    const text = stringify(records, { record_delimiter: 'windows', quoted_match: /[\r\n]/ });
    if (first) return encodeText(text, encoding);
    return encodeText(text, encoding === 'utf-8-bom' ? 'utf-8' : encoding).subarray(
      encoding.startsWith('utf-16') ? 2 : 0,
    );
  };

  const dir = backend.paths.transfers;
  mkdirSync(dir, { recursive: true });
  const path = join(dir, `${randomUUID()}.csv`);
  const out = createWriteStream(path, { mode: 0o600 });
  const headers = Object.keys(JSON.parse(batch.mapping) as Record<string, unknown>);
  out.write(piece([[...(input.language === 'zh' ? ['行号', '原因'] : ['Row', 'Reason']), ...headers]], true));
  const page = backend.raw.prepare(
    `select id, line, reason, field, raw from import_rejects where batch_id = ? and id > ? order by id limit ?`,
  );
  let last = 0;
  let rows = 0;
  for (;;) {
    const chunk = await backend.db.connection().execute(
      async () =>
        page.all(input.batchId, last, stepRows) as {
          id: number;
          line: number;
          reason: string;
          field: string;
          raw: string;
        }[],
    );
    if (!chunk.length) break;
    last = chunk[chunk.length - 1]!.id;
    rows += chunk.length;
    const records = chunk.map((r) => [
      String(r.line),
      reasonText(r.reason, r.field, input.language),
      ...(JSON.parse(r.raw) as string[]),
    ]);
    if (!out.write(piece(records, false))) await new Promise<void>((r) => out.once('drain', () => r()));
    await new Promise((r) => setImmediate(r));
  }
  await new Promise<void>((resolve, reject) => out.end((e?: Error | null) => (e ? reject(e) : resolve())));
  if (!rows) throw appError('NOT_FOUND', 'errors.io.noRejects');
  await backend.db.transaction().execute((trx) =>
    writeAudit(trx, {
      at: ctx.nowIso,
      staffId: me.id,
      action: 'io.errorReportDownloaded',
      details: { batchId: input.batchId, rows },
    }),
  );
  const base = batch.file_name.replace(/\.[^.]+$/, '');
  return {
    fileName: `${base}-${input.language === 'zh' ? '错误报告' : 'errors'}.csv`,
    contentType: `text/csv; charset=${encoding.startsWith('utf-8') ? 'utf-8' : encoding}`,
    path,
    deleteAfter: true,
  };
}
