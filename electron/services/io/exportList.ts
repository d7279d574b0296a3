import { randomUUID } from 'node:crypto';
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { FileDownload } from '../../../shared/contract/index.js';
import type { ExportFormat, ExportList, ExportResult } from '../../../shared/contract/export.js';
import type { JobStatus } from '../../../shared/domain.js';
import { appError } from '../../../shared/errors.js';
import type { Backend } from '../../backend.js';
import { requireStaff, type Ctx } from '../../context.js';
import type { JobHandle } from '../../jobs/jobs.js';
import { writeAudit } from '../audit.js';
import { shopToday } from '../members/view.js';
import { contentTypes, extensions, sheetWriter, type CellValue, type ColumnKind } from './exportWriters.js';

export type Language = 'zh' | 'en';

/** One column of an exported list: its header in each UI language, what it holds, and its value. */
export interface ExportColumn<Row> {
  header: Record<Language, string>;
  kind: ColumnKind;
  /** See `ColumnKind` for the form of each kind; null is an empty cell. */
  value(row: Row, language: Language): CellValue;
  /** Excel column width, in characters. */
  width?: number;
}

/**
 * A list as an export sees it: columns, and rows read in key order (the key is a row id). Adding a
 * list (purchases, the points ledger, complaints) is one of these, not a new exporter. The reads
 * are synchronous statements on the raw connection, each called for one short step.
 */
export interface ListExport<Row> {
  list: ExportList;
  /** The file's name before the date; also the worksheet's name. */
  title: Record<Language, string>;
  /**
   * The file's whole name before the extension, when the file is about given days (a day close,
   * a report's period) rather than today's state of a list: then it names those days, not the
   * day it was exported. Default: the title and today's shop day.
   */
  fileName?: Record<Language, string>;
  columns: ExportColumn<Row>[];
  /** The largest key there is now (0 for none), for the progress bar's estimate. */
  maxKey(): number;
  /** Up to `limit` rows with a key above `after`, in key order, and the last row's key. */
  page(after: number, limit: number): { rows: Row[]; last: number };
}

/** A step aims at this long, so a counter request waits at most about that (as the importer's do). */
const targetStepMs = 25;

interface ExportFile {
  staffId: number;
  path: string;
  fileName: string;
  contentType: string;
  timer: NodeJS.Timeout;
}

/** Finished exports waiting to be downloaded, per backend (tests run several in one process). */
const waiting = new WeakMap<Backend, Map<string, ExportFile>>();
function filesOf(backend: Backend): Map<string, ExportFile> {
  let m = waiting.get(backend);
  if (!m) waiting.set(backend, (m = new Map()));
  return m;
}
/** A file nobody fetched is removed after this long: member data should not lie around in plain text. */
const keepUndownloadedMs = 60 * 60_000;

/** Runs `fn` as one step on the connection, so it never runs inside someone's transaction. */
function step<T>(backend: Backend, fn: () => T): Promise<T> {
  return backend.db.connection().execute(async () => fn());
}

/** The next size, aimed at the target time from this step's cost per unit; never more than doubling. */
const nextSize = (size: number, units: number, ms: number, min: number, max: number) =>
  Math.max(min, Math.min(size * 2, Math.floor(targetStepMs / Math.max(ms / Math.max(1, units), 1e-4)), max));

/**
 * Writes the list to `path`, a page per step with a turn for other requests in between. Returns
 * the rows written, or null when cancelled (the partial file is removed). Pages are separate
 * reads, not one snapshot: a member edited meanwhile is written as they were when their page was
 * read.
 *
 * The total is estimated as the export goes (the share of keys that matched so far, applied to
 * the keys left) and exact at the end. Counting first would read every page of the table once
 * more: measured here as a fifth of the whole export's time, which the 250,000 rows/s figure
 * cannot afford (SQLCipher decrypts each page on every read).
 */
export async function writeList<Row>(
  backend: Backend,
  job: JobHandle,
  spec: ListExport<Row>,
  format: ExportFormat,
  language: Language,
  path: string,
): Promise<number | null> {
  const max = await step(backend, () => spec.maxKey());
  job.progress(0, max);
  const columns = spec.columns;
  const values = columns.map((c) => c.value);
  const out = await sheetWriter(
    format,
    path,
    spec.title[language],
    columns.map((c) => ({ header: c.header[language], kind: c.kind, ...(c.width ? { width: c.width } : {}) })),
  );
  let done = 0;
  try {
    for (let after = 0, size = 2000; ;) {
      const t0 = performance.now();
      const page = await step(backend, () => spec.page(after, size));
      if (!page.rows.length) break;
      await out.add(page.rows, (r, i) => values[i]!(r, language));
      done += page.rows.length;
      after = page.last;
      size = nextSize(size, page.rows.length, performance.now() - t0, 100, 20_000);
      const left = Math.max(0, max - after);
      job.progress(done, done + Math.round((left * done) / Math.max(1, after)));
      await job.pause();
      if (job.cancelled) break;
    }
    await out.finish();
  } catch (e) {
    rmSync(path, { force: true });
    throw e;
  }
  if (job.cancelled) {
    rmSync(path, { force: true });
    return null;
  }
  job.progress(done, done);
  return done;
}

/**
 * Starts an export job for the signed-in staff member. When it is done the file waits for
 * `io.downloadExport` and the export is audited with `details` (the filter) and the row count.
 */
export function startExport<Row>(
  ctx: Ctx,
  spec: ListExport<Row>,
  request: { format: ExportFormat; language: Language },
  details: Record<string, unknown>,
): JobStatus {
  const me = requireStaff(ctx);
  const backend = ctx.backend;
  const { format, language } = request;
  // The two CSV encodings get different names, so both can sit in one folder.
  const suffix = format === 'csvGb18030' ? '-gb18030' : '';
  const stem = spec.fileName?.[language] ?? `${spec.title[language]}-${shopToday(ctx)}`;
  const fileName = `${stem}${suffix}.${extensions[format]}`;
  return backend.jobs.start('export', me.id, async (job) => {
    const dir = backend.paths.transfers;
    mkdirSync(dir, { recursive: true });
    const path = join(dir, `${randomUUID()}.${extensions[format]}`);
    const rows = await writeList(backend, job, spec, format, language, path);
    if (rows === null) return null;
    const nowIso = backend.clock.now().toISOString();
    await backend.db.transaction().execute((trx) =>
      writeAudit(trx, {
        at: nowIso,
        staffId: me.id,
        action: 'io.exported',
        details: { list: spec.list, ...details, format, rows },
      }),
    );
    const files = filesOf(backend);
    const timer = setTimeout(() => {
      files.delete(job.id);
      rmSync(path, { force: true });
    }, keepUndownloadedMs);
    timer.unref();
    files.set(job.id, { staffId: me.id, path, fileName, contentType: contentTypes[format], timer });
    const result: ExportResult = { rows, fileName };
    return result;
  });
}

/** The finished file, once, to the staff member who exported it; the transport removes it after. */
export async function downloadExport(ctx: Ctx, input: { jobId: string }): Promise<FileDownload> {
  const me = requireStaff(ctx);
  const files = filesOf(ctx.backend);
  const file = files.get(input.jobId);
  if (!file || file.staffId !== me.id) {
    const job = ctx.backend.jobs.get(input.jobId);
    if (job?.kind === 'export' && job.staffId === me.id && job.state === 'running')
      throw appError('CONFLICT', 'errors.export.notReady');
    throw appError('NOT_FOUND', 'errors.export.gone');
  }
  ctx.afterCommit(() => {
    clearTimeout(file.timer);
    files.delete(input.jobId);
  });
  return { fileName: file.fileName, contentType: file.contentType, path: file.path, deleteAfter: true };
}
