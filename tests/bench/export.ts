import { rmSync, statSync } from 'node:fs';
import type { Backend } from '../../electron/backend.js';
import { standaloneCtx, type StaffRow } from '../../electron/context.js';
import { downloadExport } from '../../electron/services/io/exportList.js';
import { exportMembers } from '../../electron/services/io/exportMembers.js';
import type { ExportFormat } from '../../shared/contract/export.js';
import { memberFilterInput } from '../../shared/contract/members.js';
import type { Client } from '../integration/harness.js';
import { int, ms, summarize, type Summary } from './stats.js';

/** Issue 4: exporting 1,000,000 members to CSV runs at 250,000 rows/s or more. */
export const exportTarget = 250_000;

export interface ExportRun {
  format: ExportFormat;
  rows: number;
  /** false: stopped (cancelled) after `rows`, to keep a slow format's run short. */
  complete: boolean;
  seconds: number;
  mb: number | null;
  /** Counter searches through the Dispatcher while the export ran, one every 50 ms. */
  search: Summary;
}

const sleep = (msec: number) => new Promise((r) => setTimeout(r, msec));

/**
 * One export of every member (no filter, whole phone numbers) through the job code the channel
 * starts, timed from the call to the job's end. Counter searches run alongside, as at a shop.
 */
export async function benchExport(o: {
  backend: Backend;
  client: Client;
  owner: StaffRow;
  format: ExportFormat;
  /** Cancel once this many rows are written. */
  stopAfter?: number;
  progress: (line: string) => void;
}): Promise<ExportRun> {
  const { backend } = o;
  const ctx = standaloneCtx(backend, o.owner);
  const input = { filter: memberFilterInput.parse({}), format: o.format, fullPhones: true, language: 'zh' as const };
  const searches: number[] = [];
  const t0 = performance.now();
  const started = await exportMembers(ctx, input);
  let nextSearch = t0 + 50;
  let job = started;
  let lastReport = t0;
  while (job.state === 'running') {
    await sleep(2);
    if (performance.now() >= nextSearch) {
      const s0 = performance.now();
      await o.client.call('members.search', { q: '8000' });
      searches.push(performance.now() - s0);
      nextSearch = performance.now() + 50;
    }
    job = backend.jobs.get(started.id)!;
    if (o.stopAfter !== undefined && job.state === 'running' && job.done >= o.stopAfter) backend.jobs.cancel(job.id);
    if (performance.now() - lastReport > 5000) {
      o.progress(`  export ${o.format}: ${int(job.done)} / ${int(job.total ?? 0)} rows`);
      lastReport = performance.now();
    }
  }
  const seconds = (performance.now() - t0) / 1000;
  if (job.state === 'failed') throw new Error(`export failed: ${job.errorKey}`);
  let mb: number | null = null;
  if (job.state === 'done') {
    const file = await downloadExport(ctx, { jobId: job.id });
    mb = statSync(file.path).size / 1024 / 1024;
    rmSync(file.path, { force: true });
  }
  return { format: o.format, rows: job.done, complete: job.state === 'done', seconds, mb, search: summarize(searches) };
}

const formatLabels: Record<ExportFormat, string> = {
  csvUtf8: 'CSV UTF-8 (BOM)',
  csvGb18030: 'CSV GB18030',
  xlsx: 'XLSX (streamed, typed cells)',
};

/** Rows for the report's "measure / value / target" table. */
export function exportRows(runs: ExportRun[]): string[][] {
  return runs.map((r) => {
    const rate = r.rows / r.seconds;
    const size = r.mb === null ? `first ${int(r.rows)} rows, then cancelled` : `${r.mb.toFixed(0)} MB`;
    return [
      `export members → ${formatLabels[r.format]}`,
      `${int(rate)} rows/s (${int(r.rows)} rows in ${r.seconds.toFixed(2)} s, ${size}); ` +
        `counter search meanwhile p95 ${ms(r.search.p95)} ms, max ${ms(r.search.max)} ms (${r.search.n})`,
      r.format === 'csvUtf8' ? `≥ ${int(exportTarget)} rows/s: ${rate >= exportTarget ? 'met' : 'MISSED'}` : '',
    ];
  });
}
