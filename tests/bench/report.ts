import { exportRows, type ExportRun } from './export.js';
import { importRows } from './import.js';
import type { ImportBench } from './importRun.js';
import type { PopulateResult } from './populate.js';
import { baselines, kindLabels, type KindResult } from './search.js';
import { int, median, ms } from './stats.js';
import type { StartupCommand, StartupRun } from './startup.js';

/** Foundation targets (issue 2) and the search targets owned by the members issue (issue 3). */
export const targets = { startupMs: 1500, idleRssMb: 200, searchP95Ms: 5, searchSpeedup: 50 };

export interface Machine {
  nproc: number;
  cpu: string;
  ramGb: number;
  node: string;
  os: string;
  date: string;
}

export interface BenchReport {
  machine: Machine;
  command: string;
  members: number;
  dbSizeMb: number;
  populate: PopulateResult;
  queriesPerKind: number;
  naivePerKind: number;
  /** Seconds a timed pass of one kind may take; a kind that scans the table stops early. */
  budgetSeconds: number;
  search: KindResult[];
  /** One manual backup of the benched database (VACUUM INTO + key file), then its verification. */
  backup: { seconds: number; verifySeconds: number; mb: number };
  /** Every member exported through the export job, per format (issue 4). */
  export: ExportRun[];
  startup: { command: StartupCommand; runs: StartupRun[]; idle: StartupRun } | { skipped: string };
  /** The same number of rows imported from a CSV through browser mode (issue 4), or why not. */
  import: ImportBench | { skipped: string };
}

type Row = string[];

function textTable(head: Row, rows: Row[]): string {
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (r: Row) => r.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  return [line(head), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

function mdTable(head: Row, rows: Row[]): string {
  const line = (r: Row) => `| ${r.join(' | ')} |`;
  return [line(head), line(head.map((_, i) => (i === 0 ? '---' : '---:'))), ...rows.map(line)].join('\n');
}

const verdict = (ok: boolean) => (ok ? 'met' : 'MISSED');

function searchTable(r: BenchReport): { head: Row; rows: Row[] } {
  const head = [
    'query kind',
    'timed (ours)',
    'median ms',
    'p95 ms',
    'service-only median / p95',
    `naive median / p95 (${r.naivePerKind} runs)`,
    'naive ÷ ours (median)',
    'same-answer scan median / p95',
    'scan ÷ ours',
    'rows (ours / naive)',
    `p95 ≤ ${targets.searchP95Ms} ms`,
    `≥ ${targets.searchSpeedup}× naive`,
  ];
  const times = (x: number) => `${x.toFixed(x < 10 ? 1 : 0)}×`;
  const rows = r.search.map((k) => {
    const ratio = k.naive.median / k.dispatch.median;
    const full = k.dispatch.n === r.queriesPerKind && k.direct.n === r.queriesPerKind;
    return [
      kindLabels[k.kind],
      full ? int(k.dispatch.n) : `${int(k.dispatch.n)} / ${int(k.direct.n)}`,
      ms(k.dispatch.median),
      ms(k.dispatch.p95),
      `${ms(k.direct.median)} / ${ms(k.direct.p95)}`,
      `${ms(k.naive.median)} / ${ms(k.naive.p95)}`,
      times(ratio),
      `${ms(k.scan.median)} / ${ms(k.scan.p95)}`,
      times(k.scan.median / k.dispatch.median),
      `${k.meanRows.toFixed(1)} / ${k.naiveMeanRows.toFixed(1)}`,
      verdict(k.dispatch.p95 <= targets.searchP95Ms),
      verdict(ratio >= targets.searchSpeedup),
    ];
  });
  return { head, rows };
}

function otherRows(r: BenchReport): Row[] {
  const p = r.populate;
  const rows: Row[] = [
    ['insert rate, median of batches', `${int(median(p.batchRates))} members/s`, ''],
    ['insert rate, overall (inserts only)', `${int(p.members / p.insertSeconds)} members/s`, ''],
    ['generate + insert, wall', `${p.wallSeconds.toFixed(1)} s for ${int(p.members)} members`, ''],
    ['name-gram rows', int(p.gramRows), ''],
    ['bound cards / emails / WeChat IDs', `${int(p.cards)} / ${int(p.emails)} / ${int(p.wechats)}`, ''],
    ['database file', `${r.dbSizeMb.toFixed(0)} MB`, ''],
    [
      'backup (VACUUM INTO + key file), one run',
      `${r.backup.seconds.toFixed(1)} s, ${r.backup.mb.toFixed(0)} MB`,
      `≤ 10 s: ${r.backup.seconds <= 10 ? 'met' : 'MISSED'}`,
    ],
    ['verifying that backup (integrity check, as a restore does)', `${r.backup.verifySeconds.toFixed(1)} s`, ''],
    ...exportRows(r.export),
    ...importRows(r.import, p.members / p.insertSeconds),
  ];
  if ('skipped' in r.startup) {
    rows.push(['startup to ready', `skipped: ${r.startup.skipped}`, '']);
    return rows;
  }
  const s = r.startup;
  const wall = median(s.runs.map((x) => x.wallMs));
  const selfs = s.runs.map((x) => x.selfMs).filter((x): x is number => x !== null);
  const rss = s.idle.rssMb ?? Number.NaN;
  rows.push(
    [
      `startup to ready, median of ${s.runs.length} (spawn → ready line)`,
      `${int(wall)} ms (runs: ${s.runs.map((x) => int(x.wallMs)).join(', ')})`,
      `≤ ${targets.startupMs} ms: ${verdict(wall <= targets.startupMs)}`,
    ],
    ['backend\'s own "ready in" (after module load), median', selfs.length ? `${int(median(selfs))} ms` : '—', ''],
    [
      'idle RSS, 3 s after ready',
      `${rss.toFixed(0)} MB (peak ${(s.idle.peakRssMb ?? Number.NaN).toFixed(0)} MB)`,
      `≤ ${targets.idleRssMb} MB: ${verdict(rss <= targets.idleRssMb)}`,
    ],
  );
  return rows;
}

function startupNote(r: BenchReport, code: (s: string) => string): string {
  if ('skipped' in r.startup) return '';
  const c = r.startup.command;
  const why = c.stale ? 'was older than the sources (`npm run build` again)' : 'was missing (`npm run build` first)';
  const stand = c.built
    ? ''
    : ` — out/main/web.js ${why}, so this is the TypeScript entry under tsx, whose transpiling makes start-up slower than the shipped bundle`;
  return `Startup command: ${code(c.description)}${stand}. It includes unwrapping the data key with the recovery passphrase (scrypt, ~0.2 s by design).`;
}

const naiveNote = [
  'The naive query has LIMIT 20 and no ORDER BY, so it stops at the 20th match: for a common character (王, 李),',
  '3 or 4 digits found anywhere in a number or common initials that is a few hundred rows, not a full scan; only',
  'rare fragments and whole values (a number, an email) make it read the whole table. It also answers another',
  'question (anywhere in the value, oldest first). The same-answer scan asks exactly what the service answers',
  '(`phone like "%q"` for digits, `name like "%q%"`, newest first, LIMIT 20; exact values for the identifiers),',
  'without an index: the like-for-like baseline.',
].join('\n');

/** Which naive query and which same-answer scan each kind was compared with. */
function baselineLines(r: BenchReport, code: (s: string) => string): string[] {
  return r.search.map(
    (k) => `${kindLabels[k.kind]}: naive ${code(baselines[k.kind].naive)}; scan ${code(baselines[k.kind].scan)}`,
  );
}

function budgetNote(r: BenchReport): string {
  const cut = r.search.filter((k) => k.dispatch.n < r.queriesPerKind || k.direct.n < r.queriesPerKind);
  if (!cut.length) return '';
  return (
    `Each timed pass of a kind stops after ${r.budgetSeconds} s (\`--budget-s\`); ` +
    `${cut.map((k) => kindLabels[k.kind]).join(', ')} ran out of it, so "timed" shows the queries measured ` +
    '(through the Dispatcher / service-only) instead of all of them.'
  );
}

export function printReport(r: BenchReport): string {
  const s = searchTable(r);
  const notes = [
    `Counter search: ${r.queriesPerKind} queries per kind through the Dispatcher with a signed-in owner`,
    'session (what the app does per keystroke); "service-only" is searchMembers() on the same queries.',
    `The naive LIKE baseline ran ${r.naivePerKind} times per kind on the first of the same queries.`,
    budgetNote(r),
    naiveNote,
    ...baselineLines(r, (x) => x),
    startupNote(r, (x) => x),
  ].join('\n');
  return [
    `Liuke bench — ${int(r.members)} members — ${r.machine.date}`,
    `${r.machine.cpu} × ${r.machine.nproc}, ${r.machine.ramGb} GB RAM, Node ${r.machine.node}, ${r.machine.os}`,
    '',
    textTable(s.head, s.rows),
    '',
    textTable(['measure', 'value', 'target'], otherRows(r)),
    '',
    notes,
  ].join('\n');
}

export function markdownReport(r: BenchReport): string {
  const s = searchTable(r);
  const m = r.machine;
  return [
    `### ${int(r.members)} members — ${m.date}`,
    '',
    `Machine: ${m.cpu}, ${m.nproc} CPUs (nproc), ${m.ramGb} GB RAM, ${m.os}, Node ${m.node}. Command: \`${r.command}\`.`,
    '',
    `Counter search, ${r.queriesPerKind} queries per kind through the Dispatcher (signed-in owner);`,
    `naive \`select * from members where phone like '%q%' or name like '%q%' limit 20\` for phone and name`,
    `kinds, the same \`like '%q%'\` on the searched column for the others, ${r.naivePerKind} runs per kind,`,
    'same run, same database:',
    '',
    mdTable(s.head, s.rows),
    '',
    mdTable(['measure', 'value', 'target'], otherRows(r)),
    '',
    ...(budgetNote(r) ? [budgetNote(r), ''] : []),
    naiveNote,
    '',
    'Baselines per kind (LIMIT 20 throughout):',
    '',
    ...baselineLines(r, (x) => `\`${x}\``).map((l) => `- ${l}`),
    '',
    startupNote(r, (x) => `\`${x}\``),
  ].join('\n');
}
