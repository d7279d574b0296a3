import type { Backend } from '../../electron/backend.js';
import { standaloneCtx, type StaffRow } from '../../electron/context.js';
import { searchMembers } from '../../electron/services/members/search.js';
import type { Client } from '../integration/harness.js';
import { givenChars } from './names.js';
import { Rng } from './random.js';
import { summarize, type Summary } from './stats.js';

export const queryKinds = [
  'fullPhone',
  'tail4',
  'tail3',
  'name1',
  'name2',
  'pinyinFull',
  'initials',
  'memberNo',
  'cardNo',
  'email',
  'wechat',
] as const;
export type QueryKind = (typeof queryKinds)[number];

export const kindLabels: Record<QueryKind, string> = {
  fullPhone: 'full phone (11 digits)',
  tail4: 'last 4 digits',
  tail3: 'last 3 digits',
  name1: '1-char name fragment',
  name2: '2-char name fragment',
  pinyinFull: 'full pinyin (zhangsan)',
  initials: 'pinyin initials (zs)',
  memberNo: 'member number',
  cardNo: 'card number',
  email: 'email (exact)',
  wechat: 'WeChat ID (exact)',
};

const phoneOrName = "select * from members where phone like '%q%' or name like '%q%' limit 20";
const pinyinScan =
  "name_initials = 'q' or name_pinyin like 'q%', initials then whole pinyin (newest first), then the rest";

/**
 * The naive query per kind — `like '%q%'` on the column an unindexed search would scan, LIMIT 20 —
 * and the same-answer scan: the service's own question with no index to answer it.
 */
export const baselines: Record<QueryKind, { naive: string; scan: string }> = {
  fullPhone: { naive: phoneOrName, scan: "phone like '%q', newest first" },
  tail4: { naive: phoneOrName, scan: "phone like '%q', newest first" },
  tail3: { naive: phoneOrName, scan: "phone like '%q', newest first" },
  name1: { naive: phoneOrName, scan: "name like '%q%', newest first" },
  name2: { naive: phoneOrName, scan: "name like '%q%', newest first" },
  pinyinFull: { naive: "name_pinyin like '%q%'", scan: pinyinScan },
  initials: { naive: "name_initials like '%q%'", scan: pinyinScan },
  memberNo: { naive: "member_no like '%q%'", scan: "member_no = 'q' (no index)" },
  cardNo: {
    naive: "members join member_cards where card_no like '%q%'",
    scan: "member_cards card_no = 'q' and status = 'active' (no index), join members",
  },
  email: { naive: "email like '%q%'", scan: "lower(email) = 'q' (no index)" },
  wechat: { naive: "wechat like '%q%'", scan: "lower(wechat) = 'q' (no index)" },
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

interface SampleRow {
  phone: string;
  name: string;
  member_no: string;
  name_pinyin: string;
  name_initials: string;
  email: string | null;
  wechat: string | null;
  card_no: string | null;
}

/**
 * What clerks type, drawn from members that exist: a random member's phone or its last four or
 * three digits, a surname (weighted as surnames are) or a given-name character, two adjacent
 * characters of a real name; the whole pinyin or the initials of a real name, a member number, a
 * bound card number, an email or a WeChat ID as stored.
 */
export function sampleQueries(backend: Backend, count: number, seed: number): Record<QueryKind, string[]> {
  const rng = new Rng(seed);
  const raw = backend.raw;
  const { maxId } = raw.prepare('select coalesce(max(id), 0) as maxId from members').get() as { maxId: number };
  const byId = raw.prepare(`select phone, name, member_no, name_pinyin, name_initials, email, wechat,
      (select card_no from member_cards c where c.member_id = m.id and c.status = 'active') as card_no
    from members m where id = ?`);
  const out = Object.fromEntries(queryKinds.map((k) => [k, [] as string[]])) as Record<QueryKind, string[]>;
  // The first four kinds draw exactly as before the others were added: same seed, same queries.
  while (out.name2.length < count || out.fullPhone.length < count) {
    const row = byId.get(1 + rng.int(maxId)) as SampleRow | undefined;
    if (!row) continue;
    const national = row.phone.slice(3);
    if (out.fullPhone.length < count) {
      out.fullPhone.push(national);
      out.tail4.push(national.slice(-4));
      out.tail3.push(national.slice(-3));
      out.name1.push(rng.chance(0.5) || !row.name ? rng.pick(givenChars) : Array.from(row.name)[0]!);
    }
    const chars = Array.from(row.name);
    if (chars.length >= 2 && out.name2.length < count) {
      const at = rng.int(chars.length - 1);
      const pair = chars[at]! + chars[at + 1]!;
      if (!suffixes.has(pair)) out.name2.push(pair);
    }
  }
  const more = new Rng(seed ^ 0x3c5a_96e1);
  const fields: [QueryKind, (r: SampleRow) => string | null][] = [
    ['pinyinFull', (r) => r.name_pinyin || null],
    ['initials', (r) => r.name_initials || null],
    ['memberNo', (r) => r.member_no],
    ['cardNo', (r) => r.card_no],
    ['email', (r) => r.email],
    ['wechat', (r) => r.wechat],
  ];
  // Cards, emails and WeChat IDs are on a fifth to a third of members: give up rather than spin
  // if the data has none (a shop generated before they were).
  for (let tries = 0; tries < count * 50 && fields.some(([k]) => out[k].length < count); tries++) {
    const row = byId.get(1 + more.int(maxId)) as SampleRow | undefined;
    if (!row) continue;
    for (const [k, value] of fields) {
      const v = value(row);
      if (v && out[k].length < count) out[k].push(v);
    }
  }
  for (const [k] of fields) if (!out[k].length) throw new Error(`no member has a value to search for as ${k}`);
  return out;
}

/** Runs the queries in order, stopping early once `budgetMs` is spent (always at least one). */
async function timeEach(queries: readonly string[], run: (q: string) => Promise<number>, budgetMs = Infinity) {
  const samples: number[] = [];
  let rows = 0;
  const start = performance.now();
  for (const q of queries) {
    if (samples.length && performance.now() - start > budgetMs) break;
    const t0 = performance.now();
    rows += await run(q);
    samples.push(performance.now() - t0);
  }
  return { summary: summarize(samples), meanRows: rows / Math.max(1, samples.length) };
}

export interface SearchBenchOptions {
  backend: Backend;
  client: Client;
  owner: StaffRow;
  queries: Record<QueryKind, string[]>;
  naiveIterations: number;
  warmup: number;
  /**
   * Seconds each timed pass of a kind may take. A kind that scans the table costs ~1 s per query at
   * 1,000,000 members; its p95 is plain from the first hundred, and 2 × 1,000 would take an hour.
   */
  budgetSeconds: number;
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
  // Phone and name kinds: exactly the naive query as the issue words it. With LIMIT and no ORDER BY
  // it stops at the 20th match, so a common fragment costs it a few hundred rows, not the whole table.
  const naiveStmt = backend.raw.prepare(`select * from members where phone like ? or name like ? limit ${limit}`);
  // For the other kinds the analogous LIKE over the column they search.
  const naiveOn = (column: string) =>
    backend.raw.prepare(`select * from members where ${column} like ? limit ${limit}`);
  const naiveCard = backend.raw.prepare(`select m.* from members m join member_cards c on c.member_id = m.id
    where c.card_no like ? limit ${limit}`);
  const naiveStmts: Partial<Record<QueryKind, typeof naiveStmt>> = {
    pinyinFull: naiveOn('name_pinyin'),
    initials: naiveOn('name_initials'),
    memberNo: naiveOn('member_no'),
    cardNo: naiveCard,
    email: naiveOn('email'),
    wechat: naiveOn('wechat'),
  };
  const naive = (kind: QueryKind) => (q: string) => {
    const other = naiveStmts[kind];
    return Promise.resolve((other ? other.all(`%${q}%`) : naiveStmt.all(`%${q}%`, `%${q}%`)).length);
  };

  // The naive query answers another question (digits anywhere, oldest first); this one gives the
  // same rows as the service, so the ratio against it is like for like. A unary + on a column
  // keeps SQLite from using an index on it: these are what the service would do without one.
  const phoneScan = backend.raw.prepare(`select * from members where phone like ? order by id desc limit ${limit}`);
  const nameScan = backend.raw.prepare(`select * from members where name like ? order by id desc limit ${limit}`);
  // Initials typed exactly, then the whole pinyin, newest first; then pinyin that starts with it.
  const pinyinScan = backend.raw.prepare(`select * from members
    where +name_initials = @q or name_pinyin like @prefix
    order by +name_initials = @q desc, +name_pinyin = @q desc,
      case when +name_initials = @q or +name_pinyin = @q then -id end, name_pinyin, id
    limit ${limit}`);
  const memberNoScan = backend.raw.prepare(`select * from members where +member_no = ? limit ${limit}`);
  const cardScan = backend.raw.prepare(`select m.* from member_cards c join members m on m.id = c.member_id
    where +c.card_no = ? and c.status = 'active' limit ${limit}`);
  const emailScan = backend.raw.prepare(`select * from members where lower(+email) = ? limit ${limit}`);
  const wechatScan = backend.raw.prepare(`select * from members where lower(+wechat) = ? limit ${limit}`);
  const scanRows: Record<QueryKind, (q: string) => unknown[]> = {
    fullPhone: (q) => phoneScan.all(`%${q}`),
    tail4: (q) => phoneScan.all(`%${q}`),
    tail3: (q) => phoneScan.all(`%${q}`),
    name1: (q) => nameScan.all(`%${q}%`),
    name2: (q) => nameScan.all(`%${q}%`),
    pinyinFull: (q) => pinyinScan.all({ q, prefix: `${q}%` }),
    initials: (q) => pinyinScan.all({ q, prefix: `${q}%` }),
    memberNo: (q) => memberNoScan.all(q.toUpperCase()),
    cardNo: (q) => cardScan.all(q.toUpperCase()),
    email: (q) => emailScan.all(q.toLowerCase()),
    wechat: (q) => wechatScan.all(q.toLowerCase()),
  };
  const scan = (kind: QueryKind) => (q: string) => Promise.resolve(scanRows[kind](q).length);

  const results: KindResult[] = [];
  const budgetMs = opts.budgetSeconds * 1000;
  for (const kind of queryKinds) {
    const qs = opts.queries[kind];
    // JIT, statement parsing and the page cache get a head start, as at a counter open all day.
    await timeEach(qs.slice(0, opts.warmup), viaDispatch, budgetMs / 10);
    opts.progress(`  ${kindLabels[kind]}: ${qs.length} queries through the dispatcher…`);
    const d = await timeEach(qs, viaDispatch, budgetMs);
    const s = await timeEach(qs, direct, budgetMs);
    if (d.summary.n < qs.length || s.summary.n < qs.length)
      opts.progress(`  ${kindLabels[kind]}: time budget spent after ${d.summary.n} / ${s.summary.n} queries`);
    opts.progress(`  ${kindLabels[kind]}: ${opts.naiveIterations} naive and same-answer scans…`);
    const n = await timeEach(qs.slice(0, opts.naiveIterations), naive(kind));
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
