import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { availableParallelism, release, tmpdir, totalmem, type } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Backend } from '../../electron/backend.js';
import { ManualClock } from '../../electron/core/clock.js';
import { verifyBackup } from '../../electron/core/backupFiles.js';
import { dataPaths } from '../../electron/core/dataDir.js';
import { thisDevice } from '../../electron/core/device.js';
import type { Logger } from '../../electron/core/log.js';
import { Dispatcher } from '../../electron/dispatch.js';
import { ownerAccount, setUp, signedIn, type Harness } from '../integration/harness.js';
import { parseBenchArgs, usage, type BenchOptions } from './args.js';
import { populate } from './populate.js';
import { markdownReport, printReport, type BenchReport, type Machine } from './report.js';
import { benchSearch, sampleQueries } from './search.js';
import { benchExport } from './export.js';
import { benchImport } from './import.js';
import { benchPoints, pointsMarkdown } from './points.js';
import { benchTiers, tiersMarkdown } from './tiers.js';
import { benchComplaints, complaintsMarkdown } from './complaints.js';
import { benchWallet, walletMarkdown } from './wallet.js';
import { startOnce, startupCommand, type StartupRun } from './startup.js';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const t0 = performance.now();
const progress = (line: string) =>
  process.stderr.write(`[${((performance.now() - t0) / 1000).toFixed(1).padStart(6)} s] ${line}\n`);

/** The bench reports its own progress; the backend only speaks up when something is wrong. */
const quietLog: Logger = {
  info: () => undefined,
  error: (event, details) => progress(`backend error: ${event} ${JSON.stringify(details ?? {})}`),
};

function machine(): Machine {
  let cpu = 'unknown CPU';
  try {
    cpu = /^model name\s*:\s*(.+)$/m.exec(readFileSync('/proc/cpuinfo', 'utf8'))?.[1]?.trim() ?? cpu;
  } catch {
    // Not Linux: the model stays unknown rather than failing the bench.
  }
  return {
    nproc: availableParallelism(),
    cpu,
    ramGb: Math.round(totalmem() / 1024 ** 3),
    node: process.version,
    os: `${type()} ${release()}`,
    date: new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
  };
}

function dataFolder(opts: BenchOptions): { dir: string; temporary: boolean } {
  if (!opts.dir) return { dir: mkdtempSync(join(tmpdir(), 'liuke-bench-')), temporary: true };
  const dir = resolve(opts.dir);
  // Setting up over an existing shop would fail anyway; say why before doing any work.
  if (existsSync(dataPaths(dir).db) || existsSync(dataPaths(dir).keyFile))
    throw new Error(`${dir} already holds a Liuke data folder; give an empty or new folder`);
  mkdirSync(dir, { recursive: true });
  return { dir, temporary: false };
}

async function buildShop(dir: string, opts: BenchOptions) {
  // A manual clock at the real time: dates look like today's shop, and the once-a-minute
  // "last active" write in dispatch cannot land in the middle of a timed query.
  const clock = new ManualClock(new Date());
  const backend = new Backend({ dataDir: dir, clock, log: quietLog, device: thisDevice() });
  await backend.start();
  const dispatcher = new Dispatcher(backend);
  const h: Harness = { dir, clock, backend, dispatcher, close: () => backend.close() };
  const passphrase = await setUp(h);
  const client = await signedIn(h, ownerAccount.username, ownerAccount.password);
  const owner = await backend.db
    .selectFrom('staff')
    .selectAll()
    .where('username', '=', ownerAccount.username)
    .executeTakeFirstOrThrow();

  progress(`generating ${opts.members.toLocaleString('en')} members in ${dir}`);
  const populated = populate(backend.raw, {
    n: opts.members,
    batchSize: opts.batchSize,
    seed: opts.seed,
    ownerId: owner.id,
    settings: backend.settings!,
    now: clock.now(),
    cacheMb: opts.insertCacheMb,
    progress,
  });
  // A long WAL makes every read consult its index; the app's own close checkpoints it too.
  backend.raw.pragma('wal_checkpoint(TRUNCATE)');
  return { backend, client, owner, passphrase, populated };
}

async function measureStartup(dir: string, passphrase: string, runs: number): Promise<BenchReport['startup']> {
  const command = startupCommand(repo);
  if (!command.built)
    progress(
      `out/main/web.js ${command.stale ? 'is older than the sources' : 'not found'}: \`npm run build\` must run first for the shipped figure; using tsx`,
    );
  const env = { LIUKE_DATA_DIR: dir, LIUKE_PASSPHRASE: passphrase, LIUKE_PORT: '0' };
  const done: StartupRun[] = [];
  for (let i = 0; i < runs; i++) {
    const last = i === runs - 1;
    progress(`startup run ${i + 1}/${runs}${last ? ' (then 3 s idle for RSS)' : ''}`);
    const run = await startOnce(repo, command, env, last ? 3000 : undefined);
    if (run.state !== 'ready') throw new Error(`browser-mode backend came up in state "${run.state}", not ready`);
    done.push(run);
  }
  return { command, runs: done, idle: done[done.length - 1]! };
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  let opts: BenchOptions | 'help';
  try {
    opts = parseBenchArgs(argv, process.env);
  } catch (e) {
    console.error(`${e instanceof Error ? e.message : String(e)}\n\n${usage}`);
    process.exit(2);
  }
  if (opts === 'help') return void console.log(usage);
  const { dir, temporary } = dataFolder(opts);
  let passphrase = '';
  try {
    const shop = await buildShop(dir, opts);
    passphrase = shop.passphrase;
    const p = shop.populated;
    progress(
      `inserted ${p.members} members in ${p.insertSeconds.toFixed(1)} s (wall ${p.wallSeconds.toFixed(1)} s); sampling queries`,
    );
    if (opts.complaintsOnly) {
      const complaints = await benchComplaints({ ...shop, members: opts.members, seed: opts.seed + 7, progress });
      await shop.backend.close();
      console.log(`\n${complaintsMarkdown(complaints, opts.members)}`);
      return;
    }
    if (opts.walletOnly) {
      const wallet = await benchWallet({ ...shop, members: opts.members, seed: opts.seed + 9, progress });
      await shop.backend.close();
      console.log(`\n${walletMarkdown(wallet, opts.members)}`);
      return;
    }
    if (opts.pointsOnly) {
      const points = await benchPoints({ ...shop, members: opts.members, perMember: 5, seed: opts.seed + 3, progress });
      const tiers = await benchTiers({ ...shop, members: opts.members, seed: opts.seed + 5, progress });
      await shop.backend.close();
      console.log(`\n${pointsMarkdown(points, opts.members)}\n\n${tiersMarkdown(tiers, opts.members)}`);
      return;
    }
    const queries = sampleQueries(shop.backend, opts.queries, opts.seed + 1);
    const search = await benchSearch({
      backend: shop.backend,
      client: shop.client,
      owner: shop.owner,
      queries,
      naiveIterations: Math.min(opts.naiveIterations, opts.queries),
      warmup: Math.min(100, opts.queries),
      budgetSeconds: opts.budgetSeconds,
      progress,
    });
    // 5 purchases per member on average, as the issue's 1,000,000 members and 5,000,000 purchases.
    const points = await benchPoints({ ...shop, members: opts.members, perMember: 5, seed: opts.seed + 3, progress });
    const tiers = await benchTiers({ ...shop, members: opts.members, seed: opts.seed + 5, progress });
    const exports = [];
    for (const format of ['csvUtf8', 'csvGb18030', 'xlsx'] as const) {
      progress(`exporting every member to ${format}…`);
      // XLSX is several times slower; its rate is measured on the first 100,000 rows.
      const stopAfter = format === 'xlsx' ? 100_000 : undefined;
      exports.push(await benchExport({ ...shop, format, ...(stopAfter ? { stopAfter } : {}), progress }));
    }
    progress('backing up the database once, then verifying the copy…');
    const backupDir = join(dir, 'bench-backup');
    const b0 = performance.now();
    const file = shop.backend.backup(backupDir, 'manual');
    const b1 = performance.now();
    verifyBackup(file.path, await shop.backend.unwrap(shop.passphrase));
    const backup = {
      seconds: (b1 - b0) / 1000,
      verifySeconds: (performance.now() - b1) / 1000,
      mb: file.bytes / 1024 / 1024,
    };
    rmSync(backupDir, { recursive: true, force: true });
    await shop.backend.close();
    const dbSizeMb = statSync(dataPaths(dir).db).size / 1024 / 1024;

    let startup: BenchReport['startup'];
    try {
      startup = await measureStartup(dir, shop.passphrase, opts.startupRuns);
    } catch (e) {
      const why = e instanceof Error ? e.message : String(e);
      progress(`startup section failed: ${why}`);
      startup = { skipped: why.split('\n')[0]! };
    }

    progress(`importing ${opts.members.toLocaleString('en')} rows into a new shop through browser mode…`);
    const imported = await benchImport(repo, opts.members, opts.seed, progress);

    const fromEnv = process.env.BENCH_MEMBERS && !argv.includes('--members');
    const members = fromEnv ? `BENCH_MEMBERS=${process.env.BENCH_MEMBERS} ` : '';
    const report: BenchReport = {
      machine: machine(),
      command: `${members}npm run bench${argv.length ? ` -- ${argv.join(' ')}` : ''}`,
      members: opts.members,
      dbSizeMb,
      populate: p,
      queriesPerKind: opts.queries,
      naivePerKind: Math.min(opts.naiveIterations, opts.queries),
      budgetSeconds: opts.budgetSeconds,
      search,
      backup,
      export: exports,
      startup,
      import: imported,
    };
    console.log(`\n${printReport(report)}\n`);
    console.log('Markdown for docs/benchmarks.md:\n');
    console.log(markdownReport(report));
    console.log(`\n${pointsMarkdown(points, opts.members)}\n\n${tiersMarkdown(tiers, opts.members)}`);
  } finally {
    if (temporary && !opts.keep) rmSync(dir, { recursive: true, force: true });
    // Synthetic data only: printing its passphrase is what makes a kept folder usable later.
    else progress(`data folder kept: ${dir} (LIUKE_PASSPHRASE='${passphrase}')`);
  }
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? (e.stack ?? e.message) : e);
  process.exit(1);
});
