import type { Backend } from '../../electron/backend.js';
import { standaloneCtx, type StaffRow } from '../../electron/context.js';
import { searchMembers } from '../../electron/services/members/search.js';
import type { Client } from '../integration/harness.js';
import { givenChars } from './names.js';
import { Rng } from './random.js';
import { summarize, type Summary } from './stats.js';

export const queryKinds = ['fullPhone', 'tail4', 'name1', 'name2'] as const;
export type QueryKind = (typeof queryKinds)[number];

export const kindLabels: Record<QueryKind, string> = {
  fullPhone: 'full phone (11 digits)',
  tail4: 'last 4 digits',
  name1: '1-char name fragment',
  name2: '2-char name fragment',
};

export interface KindResult {
  kind: QueryKind;
  dispatch: Summary;
  direct: Summary;
  naive: Summary;
  /** A full scan asked exactly our question: ends with the digits, newest first. */
  scan: Summary;
  /** Mean rows returned through the service: shows the queries hit real members. */
  meanRows: number;
  naiveMeanRows: number;
}

const limit = 20;
const suffixes = new Set(['女士', '先生']);

/**
 * What clerks type, drawn from members that exist: a random member's phone or its last four
 * digits, a surname (weighted as surnames are) or a given-name character, two adjacent characters
 * of a real name.
 */
export function sampleQueries(backend: Backend, count: number, seed: number): Record<QueryKind, string[]> {
  const rng = new Rng(seed);
  const raw = backend.raw;
  const { maxId } = raw.prepare('select coalesce(max(id), 0) as maxId from members').get() as { maxId: number };
  const byId = raw.prepare('select phone, name from members where id = ?');
  const out: Record<QueryKind, string[]> = { fullPhone: [], tail4: [], name1: [], name2: [] };
  while (out.name2.length < count || out.fullPhone.length < count) {
    const row = byId.get(1 + rng.int(maxId)) as { phone: string; name: string } | undefined;
    if (!row) continue;
    const national = row.phone.slice(3);
    if (out.fullPhone.length < count) {
      out.fullPhone.push(national);
      out.tail4.push(national.slice(-4));
      out.name1.push(rng.chance(0.5) || !row.name ? rng.pick(givenChars) : Array.from(row.name)[0]!);
    }
    const chars = Array.from(row.name);
    if (chars.length >= 2 && out.name2.length < count) {
      const at = rng.int(chars.length - 1);
      const pair = chars[at]! + chars[at + 1]!;
      if (!suffixes.has(pair)) out.name2.push(pair);
    }
  }
  return out;
}

async function timeEach(queries: readonly string[], run: (q: string) => Promise<number>) {
  const samples: number[] = [];
  let rows = 0;
  for (const q of queries) {
    const t0 = performance.now();
    rows += await run(q);
    samples.push(performance.now() - t0);
  }
  return { summary: summarize(samples), meanRows: rows / Math.max(1, queries.length) };
}

export interface SearchBenchOptions {
  backend: Backend;
  client: Client;
  owner: StaffRow;
  queries: Record<QueryKind, string[]>;
  naiveIterations: number;
  warmup: number;
  progress: (line: string) => void;
}

/**
 * Times the counter search three ways on the same queries: through the dispatcher as the app calls
 * it (validation, session, permission, a transaction), the service function alone, and the naive
 * LIKE scan an unindexed implementation would run.
 */
export async function benchSearch(opts: SearchBenchOptions): Promise<KindResult[]> {
  const { backend, client } = opts;
  const viaDispatch = async (q: string) => {
    const r = await client.raw('members.search', { q, limit });
    if (!r.ok) throw new Error(`members.search failed: ${JSON.stringify(r.error)}`);
    return r.value.length;
  };
  const ctx = standaloneCtx(backend, opts.owner);
  const direct = async (q: string) => (await searchMembers(ctx, q, limit)).length;
  // Exactly the naive query as the issue words it. With LIMIT and no ORDER BY it stops at the
  // 20th match, so a common fragment costs it a few hundred rows, not the whole table.
  const naiveStmt = backend.raw.prepare(`select * from members where phone like ? or name like ? limit ${limit}`);
  const naive = (q: string) => Promise.resolve(naiveStmt.all(`%${q}%`, `%${q}%`).length);
  // The naive query answers another question (digits anywhere, oldest first); this one gives the
  // same rows as the service, so the ratio against it is like for like.
  const phoneScan = backend.raw.prepare(`select * from members where phone like ? order by id desc limit ${limit}`);
  const nameScan = backend.raw.prepare(`select * from members where name like ? order by id desc limit ${limit}`);
  const scan = (kind: QueryKind) => (q: string) =>
    Promise.resolve(
      kind === 'fullPhone' || kind === 'tail4' ? phoneScan.all(`%${q}`).length : nameScan.all(`%${q}%`).length,
    );

  const results: KindResult[] = [];
  for (const kind of queryKinds) {
    const qs = opts.queries[kind];
    // JIT, statement parsing and the page cache get a head start, as at a counter open all day.
    await timeEach(qs.slice(0, opts.warmup), viaDispatch);
    opts.progress(`  ${kindLabels[kind]}: ${qs.length} queries through the dispatcher…`);
    const d = await timeEach(qs, viaDispatch);
    const s = await timeEach(qs, direct);
    opts.progress(`  ${kindLabels[kind]}: ${opts.naiveIterations} naive and same-answer scans…`);
    const n = await timeEach(qs.slice(0, opts.naiveIterations), naive);
    const sc = await timeEach(qs.slice(0, opts.naiveIterations), scan(kind));
    results.push({
      kind,
      dispatch: d.summary,
      direct: s.summary,
      naive: n.summary,
      scan: sc.summary,
      meanRows: d.meanRows,
      naiveMeanRows: n.meanRows,
    });
  }
  return results;
}
