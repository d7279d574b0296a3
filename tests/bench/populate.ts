import dayjs from 'dayjs';
import timezone from 'dayjs/plugin/timezone.js';
import utc from 'dayjs/plugin/utc.js';
import type { SqliteDb } from '../../db/open.js';
import type { ShopSettings } from '../../shared/domain.js';
import { businessDay } from '../../shared/rules/businessDay.js';
import { namePinyin } from '../../shared/rules/pinyin.js';
import { nameGrams } from '../../shared/rules/nameGrams.js';
import { reversedDigits } from '../../shared/rules/phone.js';
import { chineseName, gender } from './names.js';
import { Rng, Weighted } from './random.js';

dayjs.extend(utc);
dayjs.extend(timezone);

const mobilePrefixes = [
  ...Array.from({ length: 10 }, (_, i) => `13${i}`),
  ...['150', '151', '152', '153', '155', '156', '157', '158', '159'],
  ...Array.from({ length: 10 }, (_, i) => `18${i}`),
  ...['166', '170', '171', '173', '175', '176', '177', '178'],
  ...['191', '193', '195', '196', '198', '199'],
];
const sources = new Weighted([
  ['in_store', 80],
  ['referral', 7],
  ['phone', 5],
  ['online', 5],
  ['third_party', 3],
] as const);

const emailDomains = new Weighted([
  ['qq.com', 45],
  ['163.com', 20],
  ['126.com', 10],
  ['sina.com', 5],
  ['foxmail.com', 5],
  ['139.com', 5],
  ['gmail.com', 5],
  ['outlook.com', 5],
] as const);
/** For the 2% with no name: what people without a Chinese name to hand pick for an ID. */
const latinNames = ['lily', 'amy', 'coco', 'anna', 'vivian', 'sunny', 'jack', 'kevin', 'leo', 'tom', 'eric', 'grace'];
const alnum = 'abcdefghijklmnopqrstuvwxyz0123456789';

const days = 3 * 365;
const dayMs = 86_400_000;

export interface PopulateResult {
  members: number;
  gramRows: number;
  /** Members with an active card bound, an email, a WeChat ID. */
  cards: number;
  emails: number;
  wechats: number;
  /** Seconds spent inside the insert transactions only (generation excluded). */
  insertSeconds: number;
  wallSeconds: number;
  batchRates: number[];
}

interface Options {
  n: number;
  batchSize: number;
  seed: number;
  ownerId: number;
  settings: ShopSettings;
  now: Date;
  /** Page cache for the insert phase only; undefined keeps the app's (the driver's 16 MB default). */
  cacheMb: number | undefined;
  progress: (line: string) => void;
}

const digitsOf = (rng: Rng, n: number) => Array.from({ length: n }, () => rng.int(10)).join('');

/**
 * What customers give as an email: a QQ number at qq.com, or their pinyin (or initials) with a
 * year or a few digits. Lower-cased, as the register form's schema stores it.
 */
function makeEmail(rng: Rng, pinyin: { full: string; initials: string }): string {
  const domain = emailDomains.pick(rng);
  if (domain === 'qq.com' && rng.chance(0.7)) return `${1 + rng.int(9)}${digitsOf(rng, 4 + rng.int(6))}@${domain}`;
  const base = (rng.chance(0.8) ? pinyin.full : pinyin.initials) || rng.pick(latinNames);
  const r = rng.next();
  const tail =
    r < 0.25
      ? ''
      : r < 0.5
        ? String(1955 + rng.int(50))
        : `${rng.pick(['', '_', '.'])}${digitsOf(rng, 2 + rng.int(3))}`;
  return `${base}${tail}@${domain}`;
}

/**
 * A WeChat ID as WeChat allows one to be set: 6–20 letters, digits, _ or -, starting with a letter
 * (an auto-assigned wxid_…, or pinyin with digits). Stored as typed: the app keeps the case and
 * compares lower(wechat), so some start with a capital.
 */
function makeWechat(rng: Rng, pinyin: { full: string; initials: string }): string {
  if (rng.chance(0.25)) return `wxid_${Array.from({ length: 14 }, () => rng.pick(Array.from(alnum))).join('')}`;
  const base = ((rng.chance(0.7) ? pinyin.full : pinyin.initials) || rng.pick(latinNames)).slice(0, 14);
  let id = `${base}${rng.pick(['', '', '_', '-'])}${digitsOf(rng, 2 + rng.int(5))}`;
  while (id.length < 6) id += String(rng.int(10));
  return rng.chance(0.1) ? id[0]!.toUpperCase() + id.slice(1) : id;
}

/**
 * Inserts members exactly as `registerMember` would have written them, one member per registration
 * spread over the last three years of shop hours (09:00–21:00 shop time), in ascending id and time
 * like a real shop's history. Straight SQL on the raw handle: going through the service a million
 * times would measure the dispatcher, not the database.
 */
export function populate(raw: SqliteDb, opts: Options): PopulateResult {
  const rng = new Rng(opts.seed);
  const { timeZone, dayStartHour, memberNoPrefix } = opts.settings;
  const firstDay = dayjs(opts.now).tz(timeZone).startOf('day').subtract(days, 'day');
  const dayCache = new Map<number, { openMs: number; created_day: string }>();
  const dayInfo = (d: number) => {
    let info = dayCache.get(d);
    if (!info) {
      const open = dayjs.tz(`${firstDay.add(d, 'day').format('YYYY-MM-DD')} 09:00`, timeZone);
      // Every member of one day is registered within shop hours, so one business-day call per day
      // gives what registerMember computes per member, without a million time-zone conversions.
      info = { openMs: open.valueOf(), created_day: businessDay(open.toISOString(), timeZone, dayStartHour) };
      dayCache.set(d, info);
    }
    return info;
  };
  const firstOfDay = (d: number) => Math.ceil((d * opts.n) / days);

  const insertMember = raw.prepare(`insert into members (member_no, phone, phone_kind, phone_rev, name, gender,
      birthday, source, joined_on, verified_at, name_pinyin, name_initials, email, wechat, created_at, created_day,
      created_by, updated_at, updated_by)
    values (@member_no, @phone, 'mobile', @phone_rev, @name, @gender, @birthday, @source, @created_day, @created_at,
      @name_pinyin, @name_initials, @email, @wechat, @created_at, @created_day, @created_by, @created_at, @created_by)`);
  const insertGram = raw.prepare('insert into member_name_grams (gram, member_id) values (?, ?)');
  // registerMember answers every consent channel and starts the timeline: so does the bench.
  const insertConsent = raw.prepare(
    'insert into member_consents (member_id, channel, granted, at, staff_id) values (?, ?, ?, ?, ?)',
  );
  const insertEvent = raw.prepare(
    "insert into member_events (member_id, kind, data, staff_id, at, day) values (?, 'registered', ?, ?, ?, ?)",
  );
  // bindCard at the counter: an active card and a 'cardBound' timeline event.
  const insertCard = raw.prepare(`insert into member_cards (member_id, card_no, status, bound_at, bound_by, replaces)
    values (?, ?, 'active', ?, ?, null)`);
  const insertCardEvent = raw.prepare(
    "insert into member_events (member_id, kind, data, staff_id, at, day) values (?, 'cardBound', ?, ?, ?, ?)",
  );
  const counter = raw.prepare("select value from counters where name = 'member_no'").get() as
    { value: number } | undefined;
  const startNo = counter?.value ?? 0;

  // Cards, emails and WeChat IDs draw from their own generator, so the members' phones and names
  // stay those of earlier runs with the same seed and figures remain comparable.
  const extra = new Rng(opts.seed ^ 0x5a17c0de);
  // Names repeat (a few hundred thousand distinct among a million), and pinyin-pro is the costliest
  // step of generating a member: the same namePinyin() the app calls, once per distinct name.
  const pinyinCache = new Map<string, { full: string; initials: string }>();
  const pinyinOf = (name: string) => {
    let py = pinyinCache.get(name);
    if (!py) pinyinCache.set(name, (py = namePinyin(name)));
    return py;
  };
  // Pre-printed cards are handed out in roughly their printed order; a few are spoiled or lost.
  let nextCard = 10_000_001;
  const usedEmails = new Set<string>();
  const usedWechats = new Set<string>();
  const unique = (used: Set<string>, make: () => string) => {
    let v = make();
    while (used.has(v.toLowerCase())) v = make();
    used.add(v.toLowerCase());
    return v;
  };
  let cards = 0;
  let emails = 0;
  let wechats = 0;

  const usedPhones = new Set<number>();
  const thisYear = opts.now.getUTCFullYear();
  const makeRow = (i: number) => {
    let phone: string;
    do phone = rng.pick(mobilePrefixes) + String(rng.int(100_000_000)).padStart(8, '0');
    while (usedPhones.has(Number(phone)));
    usedPhones.add(Number(phone));
    const d = Math.floor((i * days) / opts.n);
    const { openMs, created_day } = dayInfo(d);
    const inDay = (i - firstOfDay(d) + 0.5) / (firstOfDay(d + 1) - firstOfDay(d));
    const created_at = new Date(openMs + Math.floor(inDay * 12 * 3_600_000)).toISOString();
    const g = gender(rng);
    let birthday: string | null = null;
    if (rng.chance(0.4)) {
      const born = Date.UTC(thisYear - 18 - rng.int(53), 0, 1) + rng.int(365) * dayMs;
      birthday = new Date(born).toISOString().slice(0, 10);
    }
    const e164 = `+86${phone}`;
    const name = chineseName(rng, g);
    const py = pinyinOf(name);
    const email = extra.chance(0.2) ? unique(usedEmails, () => makeEmail(extra, py)) : null;
    const wechat = extra.chance(0.2) ? unique(usedWechats, () => makeWechat(extra, py)) : null;
    let card_no: string | null = null;
    if (extra.chance(0.3)) {
      if (extra.chance(0.03)) nextCard += 1 + extra.int(5);
      card_no = `C${nextCard++}`;
    }
    return {
      member_no: `${memberNoPrefix}${String(startNo + i + 1).padStart(6, '0')}`,
      phone: e164,
      phone_rev: reversedDigits(e164),
      name,
      name_pinyin: py.full,
      name_initials: py.initials,
      email,
      wechat,
      card_no,
      gender: g,
      birthday,
      source: sources.pick(rng),
      consent: rng.chance(0.6) ? 1 : 0,
      created_at,
      created_day,
      created_by: opts.ownerId,
    };
  };

  let gramRows = 0;
  const insertBatch = raw.transaction((rows: ReturnType<typeof makeRow>[]) => {
    for (const { consent, card_no, ...row } of rows) {
      const id = insertMember.run(row).lastInsertRowid;
      if (row.email) emails++;
      if (row.wechat) wechats++;
      for (const channel of ['sms', 'call', 'wechat', 'email'])
        insertConsent.run(id, channel, consent, row.created_at, row.created_by);
      insertEvent.run(id, JSON.stringify({ source: row.source }), row.created_by, row.created_at, row.created_day);
      if (card_no) {
        insertCard.run(id, card_no, row.created_at, row.created_by);
        insertCardEvent.run(id, JSON.stringify({ cardNo: card_no }), row.created_by, row.created_at, row.created_day);
        cards++;
      }
      for (const gram of nameGrams(row.name)) {
        insertGram.run(gram, id);
        gramRows++;
      }
    }
  });

  const appCache = raw.pragma('cache_size', { simple: true }) as number;
  if (opts.cacheMb) raw.pragma(`cache_size=${-opts.cacheMb * 1024}`);
  const started = performance.now();
  let insertMs = 0;
  let lastReport = started;
  const batchRates: number[] = [];
  for (let i = 0; i < opts.n; i += opts.batchSize) {
    const rows = Array.from({ length: Math.min(opts.batchSize, opts.n - i) }, (_, k) => makeRow(i + k));
    const t0 = performance.now();
    insertBatch(rows);
    const ms = performance.now() - t0;
    insertMs += ms;
    batchRates.push(rows.length / (ms / 1000));
    const now = performance.now();
    if (now - lastReport > 5000 || i + rows.length >= opts.n) {
      lastReport = now;
      const done = i + rows.length;
      const rate = Math.round(rows.length / (ms / 1000));
      opts.progress(`  inserted ${done.toLocaleString('en')} / ${opts.n.toLocaleString('en')} (last batch ${rate}/s)`);
    }
  }
  raw.pragma(`cache_size=${appCache}`);
  // The next registration at the counter must continue the numbering, as if these were real.
  raw
    .prepare(
      `insert into counters (name, value) values ('member_no', ?)
       on conflict (name) do update set value = excluded.value`,
    )
    .run(startNo + opts.n);
  return {
    members: opts.n,
    gramRows,
    cards,
    emails,
    wechats,
    insertSeconds: insertMs / 1000,
    wallSeconds: (performance.now() - started) / 1000,
    batchRates,
  };
}
