/**
 * The import figures, measured on the app as it ships: `tsx tests/bench/importRun.ts --rows N`
 * writes an N-row CSV as an old till exports it, starts browser mode (`node out/main/web.js`, or the
 * TypeScript entry if the bundle is missing or stale) on a new shop, and drives it over HTTP as the
 * import page does: upload, preview, import — while a counter client searches and registers every
 * ~200 ms — then undo. Peak RSS is the app process's own (VmHWM). `npm run bench` runs it after
 * its own measurements and sets the import rate against its raw insert rate (tests/bench/populate.ts,
 * same run). Prints one JSON line on stdout.
 */
import { spawn } from 'node:child_process';
import { createWriteStream, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { Backend } from '../../electron/backend.js';
import { ManualClock } from '../../electron/core/clock.js';
import { thisDevice } from '../../electron/core/device.js';
import type { Logger } from '../../electron/core/log.js';
import { Dispatcher } from '../../electron/dispatch.js';
import type { ImportResult, JobStatus, StagedFile, UndoResult } from '../../shared/domain.js';
import { ownerAccount, setUp, type Harness } from '../integration/harness.js';
import { chineseName, gender } from './names.js';
import { Rng } from './random.js';
import { startupCommand } from './startup.js';
import { summarize, type Summary } from './stats.js';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

export interface ImportBench {
  rows: number;
  fileMb: number;
  command: string;
  uploadSeconds: number;
  previewSeconds: number;
  importSeconds: number;
  importRowsPerS: number;
  result: ImportResult;
  peakRssMb: number;
  /** Largest RSS sampled in each phase. */
  rssMb: { idle: number; upload: number; preview: number; import: number; undo: number };
  counter: { search: Summary; register: Summary };
  undoSeconds: number;
  undo: UndoResult;
}

const log: Logger = {
  info: () => undefined,
  error: (event, details) => process.stderr.write(`backend error: ${event} ${JSON.stringify(details ?? {})}\n`),
};
const say = (line: string) => process.stderr.write(`  [import] ${line}\n`);

/** A new shop, set up in-process exactly as the setup page does it; returns its passphrase. */
async function newShop(dir: string): Promise<{ h: Harness; passphrase: string }> {
  const clock = new ManualClock(new Date());
  const backend = new Backend({ dataDir: dir, clock, log, device: thisDevice() });
  await backend.start();
  const h: Harness = { dir, clock, backend, dispatcher: new Dispatcher(backend), close: () => backend.close() };
  return { h, passphrase: await setUp(h) };
}

/** An old till's export: card for 30%, name, mobile, gender, birthday for 40%, points, lifetime spend. */
async function writeCsv(path: string, rows: number, seed: number): Promise<void> {
  const rng = new Rng(seed);
  const out = createWriteStream(path);
  out.write('会员卡号,姓名,手机号,性别,生日,积分,累计消费,备注\r\n');
  const genders = { female: '女', male: '男', unspecified: '' };
  // Distinct mobiles: an 8-digit tail walked by a step co-prime with 10^8.
  let tail = rng.int(100_000_000);
  for (let i = 0; i < rows; i++) {
    tail = (tail + 48_271_043) % 100_000_000;
    const g = gender(rng);
    const card = rng.int(10) < 3 ? `C${10_000_000 + i}` : '';
    const birthday = rng.int(10) < 4 ? `${1950 + rng.int(55)}/${1 + rng.int(12)}/${1 + rng.int(28)}` : '';
    const mobile = `1${['38', '39', '58', '86'][i % 4]}${String(tail).padStart(8, '0')}`;
    const spend = `${rng.int(100_000)}.${String(rng.int(100)).padStart(2, '0')}`;
    const line = `${card},${chineseName(rng, g)},${mobile},${genders[g]},${birthday},${rng.int(5000)},${spend},\r\n`;
    if (!out.write(line)) await new Promise<void>((r) => out.once('drain', () => r()));
  }
  await new Promise<void>((r) => out.end(() => r()));
}

/** Browser mode on a free port; resolves with its URL and pid. */
function startApp(dir: string, passphrase: string, args: string[]) {
  const proc = spawn(process.execPath, args, {
    env: { ...process.env, LIUKE_DATA_DIR: dir, LIUKE_PASSPHRASE: passphrase, LIUKE_PORT: '0' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise<{ url: string; pid: number; stop: () => Promise<void> }>((resolvePromise, reject) => {
    let out = '';
    proc.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /running at (http:\/\/127\.0\.0\.1:\d+)\//.exec(out);
      if (m)
        resolvePromise({
          url: m[1]!,
          pid: proc.pid!,
          stop: () =>
            new Promise<void>((done) => {
              if (proc.exitCode !== null || proc.signalCode !== null) return done();
              proc.once('exit', () => done());
              proc.kill('SIGTERM');
            }),
        });
    });
    proc.once('exit', (code) => reject(new Error(`browser mode exited with ${code}: ${out}`)));
  });
}

/** A client as the renderer is: our Origin, the session cookie, one request id per change. */
function client(url: string) {
  let cookie = '';
  const post = async <T>(channel: string, input: unknown, body?: Buffer, name?: string): Promise<T> => {
    const res = await fetch(`${url}/api/${channel}`, {
      method: 'POST',
      headers: {
        Origin: url,
        Cookie: cookie,
        ...(body
          ? { 'Content-Type': 'application/octet-stream', 'X-File-Name': encodeURIComponent(name!) }
          : { 'Content-Type': 'application/json' }),
      },
      body: body ?? JSON.stringify({ requestId: crypto.randomUUID(), input }),
    });
    const set = res.headers.get('set-cookie');
    if (set) cookie = set.split(';')[0]!;
    const r = (await res.json()) as { ok: boolean; value?: T; error?: unknown };
    if (!r.ok) throw new Error(`${channel}: ${JSON.stringify(r.error)}`);
    return r.value as T;
  };
  return { post };
}

function statusMb(pid: number, field: 'VmHWM' | 'VmRSS'): number {
  const m = new RegExp(`${field}:\\s+(\\d+) kB`).exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Math.round(Number(m[1]) / 1024) : Number.NaN;
}

/** The app's largest RSS while `work` runs, sampled every 50 ms (its VmHWM covers the whole run). */
async function peakDuring<T>(pid: number, work: () => Promise<T>): Promise<{ value: T; peakMb: number }> {
  let peakMb = statusMb(pid, 'VmRSS');
  const timer = setInterval(() => (peakMb = Math.max(peakMb, statusMb(pid, 'VmRSS'))), 50);
  try {
    return { value: await work(), peakMb };
  } finally {
    clearInterval(timer);
  }
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { rows: { type: 'string' }, seed: { type: 'string' } } });
  const rows = Number(values.rows ?? 1_000_000);
  const seed = Number(values.seed ?? 20260301);
  const work = mkdtempSync(join(tmpdir(), 'liuke-bench-import-'));
  try {
    const file = join(work, 'members.csv');
    say(`writing a ${rows.toLocaleString('en')}-row CSV`);
    await writeCsv(file, rows, seed);
    const fileMb = Number((statSync(file).size / 1024 ** 2).toFixed(1));

    const shopDir = join(work, 'shop');
    const { h, passphrase } = await newShop(shopDir);
    await h.close();
    const command = startupCommand(repo);
    const app = await startApp(shopDir, passphrase, command.args);
    try {
      const api = client(app.url);
      await api.post('auth.signIn', { username: ownerAccount.username, password: ownerAccount.password });
      const job = async (started: JobStatus, tick?: () => Promise<void>): Promise<JobStatus> => {
        let s = started;
        let tenth = -1;
        while (s.state === 'running') {
          await (tick ? tick() : new Promise((r) => setTimeout(r, 100)));
          s = await api.post<JobStatus>('jobs.get', { id: started.id });
          const now = s.total ? Math.floor((10 * s.done) / s.total) : -1;
          if (now !== tenth) {
            tenth = now;
            say(`${s.kind} ${s.done.toLocaleString('en')} rows (${s.ratePerS.toLocaleString('en')} rows/s)`);
          }
        }
        if (s.state !== 'done') throw new Error(`${s.kind} ${s.state} ${s.errorKey ?? ''}`);
        return s;
      };

      const idleMb = statusMb(app.pid, 'VmRSS');
      let t = performance.now();
      const body = readFileSync(file);
      const uploaded = await peakDuring(app.pid, () => api.post<StagedFile>('io.stageFile', null, body, 'members.csv'));
      const staged = uploaded.value;
      const uploadSeconds = (performance.now() - t) / 1000;
      const input = { fileId: staged.fileId, mapping: staged.suggested, mode: 'addOnly' };
      t = performance.now();
      const previewed = await peakDuring(app.pid, async () =>
        job(await api.post<JobStatus>('io.previewImport', input)),
      );
      const previewSeconds = (performance.now() - t) / 1000;

      // The counter meanwhile: a phone-tail search and a registration about every 200 ms.
      const search: number[] = [];
      const register: number[] = [];
      const rng = new Rng(seed + 1);
      let n = 0;
      const counter = async () => {
        await new Promise((r) => setTimeout(r, 200));
        let c = performance.now();
        await api.post('members.search', { q: String(1000 + rng.int(9000)) });
        search.push(performance.now() - c);
        c = performance.now();
        await api.post('members.register', { phone: `170${String(n++).padStart(8, '0')}`, name: '柜台登记' });
        register.push(performance.now() - c);
      };
      t = performance.now();
      const imported = await peakDuring(app.pid, async () =>
        job(await api.post<JobStatus>('io.startImport', input), counter),
      );
      const importSeconds = (performance.now() - t) / 1000;
      const result = imported.value.result as ImportResult;
      const peakRssMb = statusMb(app.pid, 'VmHWM');

      t = performance.now();
      const undone = await peakDuring(app.pid, async () =>
        job(await api.post<JobStatus>('io.undoBatch', { batchId: result.batchId })),
      );
      const undoSeconds = (performance.now() - t) / 1000;

      await app.stop();
      const out: ImportBench = {
        rows,
        fileMb,
        command: command.description,
        uploadSeconds,
        previewSeconds,
        importSeconds,
        importRowsPerS: Math.round(rows / importSeconds),
        result,
        peakRssMb,
        rssMb: {
          idle: idleMb,
          upload: uploaded.peakMb,
          preview: previewed.peakMb,
          import: imported.peakMb,
          undo: undone.peakMb,
        },
        counter: { search: summarize(search), register: summarize(register) },
        undoSeconds,
        undo: undone.value.result as UndoResult,
      };
      process.stdout.write(`${JSON.stringify(out)}\n`);
    } finally {
      await app.stop().catch(() => undefined);
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

await main();
