import { parseArgs } from 'node:util';

export interface BenchOptions {
  members: number;
  dir: string | undefined;
  keep: boolean;
  batchSize: number;
  queries: number;
  naiveIterations: number;
  budgetSeconds: number;
  startupRuns: number;
  seed: number;
  insertCacheMb: number | undefined;
  /** Only the purchases, points and tiers sections (they need an hour less at 1,000,000 members). */
  pointsOnly: boolean;
  /** Only the complaints, follow-ups and surveys section. */
  complaintsOnly: boolean;
  /** Only the stored value and count cards section. */
  walletOnly: boolean;
}

export const usage = `npm run bench -- [options]
  --members N            members to generate (env BENCH_MEMBERS; default 1000000)
  --dir PATH             data folder to create (must not hold a Liuke database; default: a temp folder)
  --keep                 keep the data folder afterwards (a temp folder is removed otherwise)
  --batch N              members per insert transaction (default 10000)
  --queries N            counter searches per query kind (default 1000, at least 1000 for the record)
  --naive N              naive LIKE scans per query kind (default 30; each one may scan the whole table)
  --budget-s N           seconds each timed pass of a query kind may take before it stops early
                         (default 60; only a kind that scans the table gets near it)
  --startup-runs N       browser-mode start-ups to time (default 5)
  --seed N               data and query seed (default 20260301)
  --points-only          only the purchases, points and tiers sections (skips search, export,
                         backup, start-up and import)
  --complaints-only      only the complaints, follow-ups and NPS survey section
  --wallet-only          only the stored value and count cards section
  --insert-cache-mb N    page cache while inserting (default: the app's); to see what a bulk import
                         connection would gain from a bigger cache`;

function positiveInt(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined || value === '') return fallback;
  const n = Number(value.replace(/[_,]/g, ''));
  if (!Number.isInteger(n) || n < 1) throw new Error(`${name} must be a positive whole number, got "${value}"`);
  return n;
}

export function parseBenchArgs(argv: string[], env: NodeJS.ProcessEnv): BenchOptions | 'help' {
  const { values } = parseArgs({
    args: argv,
    options: {
      members: { type: 'string' },
      dir: { type: 'string' },
      keep: { type: 'boolean', default: false },
      batch: { type: 'string' },
      queries: { type: 'string' },
      naive: { type: 'string' },
      'budget-s': { type: 'string' },
      'startup-runs': { type: 'string' },
      seed: { type: 'string' },
      'insert-cache-mb': { type: 'string' },
      'points-only': { type: 'boolean', default: false },
      'complaints-only': { type: 'boolean', default: false },
      'wallet-only': { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
    strict: true,
  });
  if (values.help) return 'help';
  return {
    members: positiveInt('--members', values.members ?? env.BENCH_MEMBERS, 1_000_000),
    dir: values.dir,
    keep: values.keep,
    batchSize: positiveInt('--batch', values.batch, 10_000),
    queries: positiveInt('--queries', values.queries, 1000),
    naiveIterations: positiveInt('--naive', values.naive, 30),
    budgetSeconds: positiveInt('--budget-s', values['budget-s'], 60),
    startupRuns: positiveInt('--startup-runs', values['startup-runs'], 5),
    seed: positiveInt('--seed', values.seed, 20260301),
    pointsOnly: values['points-only'],
    complaintsOnly: values['complaints-only'],
    walletOnly: values['wallet-only'],
    insertCacheMb: values['insert-cache-mb']
      ? positiveInt('--insert-cache-mb', values['insert-cache-mb'], 0)
      : undefined,
  };
}
