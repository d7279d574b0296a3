import type { ImportMode, ImportPreview, ImportResult, JobStatus, StagedFile } from '../../shared/domain.js';
import type { Client } from './harness.js';

/** Polls a job until it stops. */
export async function finished(c: Client, job: JobStatus): Promise<JobStatus> {
  for (let s = job; ;) {
    if (s.state !== 'running') return s;
    await new Promise((r) => setTimeout(r, 5));
    s = await c.call('jobs.get', { id: job.id });
  }
}

export async function stage(c: Client, path: string, name = path.split('/').pop()!): Promise<StagedFile> {
  return c.call('io.stageFile', { path, name });
}

export async function preview(c: Client, file: StagedFile, mode: ImportMode = 'addOnly', mapping = file.suggested) {
  const job = await finished(
    c,
    await c.call('io.previewImport', { fileId: file.fileId, mapping: mapping as never, mode }),
  );
  if (job.state !== 'done') throw new Error(`preview ${job.state}: ${job.errorKey}`);
  return job.result as ImportPreview;
}

/** Stage → preview → import, as the import page does; returns the preview and the result. */
export async function importFile(c: Client, path: string, mode: ImportMode = 'addOnly') {
  const file = await stage(c, path);
  const shown = await preview(c, file, mode);
  const job = await finished(
    c,
    await c.call('io.startImport', { fileId: file.fileId, mapping: file.suggested as never, mode }),
  );
  if (job.state !== 'done') throw new Error(`import ${job.state}: ${job.errorKey}`);
  return { file, preview: shown, result: job.result as ImportResult };
}
