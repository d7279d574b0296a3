import { spawn } from 'node:child_process';
import { join } from 'node:path';
import type { ImportBench } from './importRun.js';
import { int, ms } from './stats.js';

export const importTargets = { rowsPerS: 60_000, peakRssMb: 400, counterMs: 100 };

/** Runs tests/bench/importRun.ts in a process of its own (its peak memory must be the app's alone). */
export function benchImport(
  repo: string,
  rows: number,
  seed: number,
  progress: (line: string) => void,
): Promise<ImportBench | { skipped: string }> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', join(repo, 'tests/bench/importRun.ts'), '--rows', String(rows), '--seed', String(seed)],
    { cwd: repo, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let out = '';
  let err = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr.on('data', (d: Buffer) => {
    err += d.toString();
    for (const line of d.toString().split('\n')) if (line.trim()) progress(line.trim());
  });
  return new Promise((resolve) => {
    child.once('exit', (code) => {
      const last = out.trim().split('\n').pop() ?? '';
      if (code === 0 && last.startsWith('{')) resolve(JSON.parse(last) as ImportBench);
      else resolve({ skipped: `import bench exited with ${code}: ${err.trim().split('\n').pop() ?? ''}` });
    });
  });
}

const verdict = (ok: boolean) => (ok ? 'met' : 'MISSED');

export function importRows(r: ImportBench | { skipped: string }, rawInsertPerS: number): string[][] {
  if ('skipped' in r) return [['import', `skipped: ${r.skipped}`, '']];
  const c = r.counter;
  const counterMax = Math.max(c.search.max, c.register.max);
  return [
    [
      `import ${int(r.rows)} rows (CSV ${r.fileMb} MB; upload, preview, import)`,
      `${int(r.importRowsPerS)} rows/s importing (${r.importSeconds.toFixed(0)} s) = ` +
        `${(r.importRowsPerS / rawInsertPerS).toFixed(2)}× the raw insert rate above; ` +
        `upload ${r.uploadSeconds.toFixed(1)} s, preview ${r.previewSeconds.toFixed(1)} s`,
      `≥ ${int(importTargets.rowsPerS)} rows/s: ${verdict(r.importRowsPerS >= importTargets.rowsPerS)}`,
    ],
    [
      'import: write transactions; checkpoints on their own thread',
      `${int(r.result.transactions.count)} transactions, median ${ms(r.result.transactions.medianMs)} ms, ` +
        `max ${ms(r.result.transactions.maxMs)} ms; ${int(r.result.checkpoints.count)} checkpoints, ` +
        `median ${ms(r.result.checkpoints.medianMs)} ms`,
      `≤ 50 ms: ${verdict(r.result.transactions.maxMs <= 50)}`,
    ],
    [
      'import: peak RSS of the app (VmHWM); largest RSS per phase',
      `${r.peakRssMb} MB; idle ${r.rssMb.idle}, upload ${r.rssMb.upload}, preview ${r.rssMb.preview}, ` +
        `import ${r.rssMb.import}, undo ${r.rssMb.undo} MB`,
      `≤ ${importTargets.peakRssMb} MB: ${verdict(r.peakRssMb <= importTargets.peakRssMb)}`,
    ],
    [
      'counter during the import (HTTP, search by tail / registration)',
      `search median ${ms(c.search.median)} / p95 ${ms(c.search.p95)} / max ${ms(c.search.max)} ms; ` +
        `register ${ms(c.register.median)} / ${ms(c.register.p95)} / ${ms(c.register.max)} ms (${c.search.n} each)`,
      `≤ ${importTargets.counterMs} ms: ${verdict(counterMax <= importTargets.counterMs)} (p95: ${verdict(
        Math.max(c.search.p95, c.register.p95) <= importTargets.counterMs,
      )})`,
    ],
    [
      'undo of that import (every member removed)',
      `${r.undoSeconds.toFixed(0)} s (${int(r.rows / r.undoSeconds)} rows/s)`,
      '',
    ],
  ];
}
