import type { Statement } from 'better-sqlite3-multiple-ciphers';
import type { Compilable } from 'kysely';
import type { ParsedInputOf } from '../../../shared/contract/index.js';
import type { Gender, JobStatus } from '../../../shared/domain.js';
import { appError } from '../../../shared/errors.js';
import { memberFileHeaders, type MemberFileField } from '../../../shared/io/memberFields.js';
import { maskPhone, phoneForDisplay } from '../../../shared/rules/phone.js';
import type { SqliteDb } from '../../../db/open.js';
import { requireStaff, type Ctx } from '../../context.js';
import { filteredMembers, type MemberFilter } from '../members/list.js';
import { startExport, type ExportColumn, type Language, type ListExport } from './exportList.js';

export interface MemberExportRow {
  id: number;
  member_no: string;
  name: string;
  phone: string;
  phone2: string | null;
  gender: Gender;
  birthday: string | null;
  email: string | null;
  wechat: string | null;
  address: string;
  occupation: string;
  joined_on: string;
  notes: string;
  cardNo: string | null;
  tags: string;
  /** The opening balance (the only balance until the points ledger exists); null without one. */
  tier: string | null;
  points: number | null;
  spendFen: number | null;
}

/** Gender as the importer reads it back (`parseGender`). */
const genderWords: Record<Language, Record<Gender, string>> = {
  zh: { male: '男', female: '女', unspecified: '未知' },
  en: { male: 'male', female: 'female', unspecified: 'unknown' },
};

/**
 * The digits a clerk would type, without the display spaces: 13800138000, 010-12345678, or
 * +85291234567 — each a form `parseImportPhone` (or, for a second phone, the any-kind reader) takes
 * back unchanged. Masked, it is what lists show a clerk.
 */
export function phoneCell(e164: string | null, full: boolean): string | null {
  if (e164 === null) return null;
  if (!full) return maskPhone(e164);
  // Most numbers are mainland mobiles (+861…, 14 characters): their digits, without the general path.
  return e164.length === 14 && e164.startsWith('+861') ? e164.slice(3) : phoneForDisplay(e164).replace(/ /g, '');
}

/**
 * The columns are the importer's own fields (`memberFileFields`) with its headers, in its order,
 * so an exported file is mapped automatically when it comes back.
 */
function memberColumns(fullPhones: boolean): ExportColumn<MemberExportRow>[] {
  const col = (
    field: MemberFileField,
    kind: ExportColumn<MemberExportRow>['kind'],
    value: ExportColumn<MemberExportRow>['value'],
    width?: number,
  ): ExportColumn<MemberExportRow> => ({
    header: { zh: memberFileHeaders.zh[field], en: memberFileHeaders.en[field] },
    kind,
    value,
    ...(width ? { width } : {}),
  });
  const orNull = (v: string | null) => (v === '' ? null : v);
  return [
    col('memberNo', 'text', (r) => r.member_no, 12),
    col('name', 'text', (r) => orNull(r.name), 12),
    col('phone', 'text', (r) => phoneCell(r.phone, fullPhones), 15),
    col('phone2', 'text', (r) => phoneCell(r.phone2, fullPhones), 15),
    col('gender', 'text', (r, lang) => genderWords[lang][r.gender], 8),
    col('birthday', 'date', (r) => r.birthday, 12),
    col('email', 'text', (r) => r.email, 22),
    col('wechat', 'text', (r) => r.wechat, 16),
    col('address', 'text', (r) => orNull(r.address), 30),
    col('occupation', 'text', (r) => orNull(r.occupation)),
    col('joinedOn', 'date', (r) => r.joined_on, 12),
    col('cardNo', 'text', (r) => r.cardNo, 14),
    col('tags', 'text', (r) => orNull(r.tags), 20),
    col('tier', 'text', (r) => orNull(r.tier), 10),
    col('points', 'integer', (r) => r.points, 10),
    col('totalSpent', 'money', (r) => r.spendFen, 12),
    col('notes', 'text', (r) => orNull(r.notes), 30),
  ];
}

/** Sentinels in a compiled query, replaced per step; checked so a reshaped query fails loudly. */
const sentinels = { after: -7_001, limit: -7_002 };

/** A Kysely query compiled once, its trailing parameters (the key range, the limit) bound per call. */
function prepared(raw: SqliteDb, query: Compilable, tail: number[]): { stmt: Statement; head: unknown[] } {
  const c = query.compile();
  const params = [...c.parameters];
  const end = params.splice(params.length - tail.length);
  if (end.some((v, i) => v !== tail[i])) throw new Error('export query parameters are not where expected');
  return { stmt: raw.prepare(c.sql), head: params };
}

/** Members of the list's filter, with their tags, active card and opening balance, a page at a time. */
export function membersExport(ctx: Ctx, filter: MemberFilter, fullPhones: boolean): ListExport<MemberExportRow> {
  const raw = ctx.backend.raw;
  const base = filteredMembers(ctx, filter);
  const page = prepared(
    raw,
    base
      // In the table's own column order: SQLite reads a record's fields front to back.
      .select(['m.id', 'm.member_no', 'm.phone', 'm.name', 'm.gender', 'm.birthday', 'm.occupation', 'm.phone2'])
      .select(['m.email', 'm.wechat', 'm.address', 'm.notes', 'm.joined_on'])
      .where('m.id', '>', sentinels.after)
      .orderBy('m.id')
      .limit(sentinels.limit),
    [sentinels.after, sentinels.limit],
  );
  // Rows as arrays: better-sqlite3 builds a named object ~1 µs a row slower than an array, and
  // 1,000,000 rows have a budget of 4 µs each. The literal below gives them their names back.
  page.stmt.raw(true);
  const lookups = pageLookups(raw);
  const maxId = raw.prepare(`select coalesce(max(id), 0) as n from members`);

  return {
    list: 'members',
    title: { zh: '会员', en: 'members' },
    columns: memberColumns(fullPhones),
    maxKey: () => (maxId.get() as { n: number }).n,
    page(after, limit) {
      const cells = page.stmt.all(...page.head, after, limit) as unknown[][];
      const rows = cells.map((c): MemberExportRow => ({
        id: c[0] as number,
        member_no: c[1] as string,
        phone: c[2] as string,
        name: c[3] as string,
        gender: c[4] as Gender,
        birthday: c[5] as string | null,
        occupation: c[6] as string,
        phone2: c[7] as string | null,
        email: c[8] as string | null,
        wechat: c[9] as string | null,
        address: c[10] as string,
        notes: c[11] as string,
        joined_on: c[12] as string,
        cardNo: null,
        tags: '',
        tier: null,
        points: null,
        spendFen: null,
      }));
      if (!rows.length) return { rows, last: after };
      lookups.fill(rows);
      return { rows, last: rows[rows.length - 1]!.id };
    },
  };
}

/**
 * Tags, active card and opening balance for a page of members: one query each. A page of
 * consecutive ids (no filter, or a broad one) reads the id range in index order; a sparse page
 * (a tag filter) looks its ids up one by one, passed as one JSON parameter.
 */
function pageLookups(raw: SqliteDb) {
  const both = (sql: (where: string) => string) => ({
    range: raw.prepare(sql('member_id between ? and ?')).raw(true),
    ids: raw.prepare(sql('member_id in (select value from json_each(?))')).raw(true),
  });
  const tags = both(
    (w) => `select mt.member_id, t.name from member_tags mt join tags t on t.id = mt.tag_id
      where mt.${w} order by mt.member_id, t.name`,
  );
  const cards = both((w) => `select member_id, card_no from member_cards where status = 'active' and ${w}`);
  // With max(id), SQLite takes the bare legacy_tier from that row: the latest opening balance's tier.
  const openings = both(
    (w) => `select member_id, sum(points), sum(spend_fen), legacy_tier, max(id)
      from member_opening_balances where ${w} group by member_id`,
  );
  return {
    fill(rows: MemberExportRow[]): void {
      const first = rows[0]!.id;
      const last = rows[rows.length - 1]!.id;
      const dense = last - first < 2 * rows.length;
      const args = dense ? [first, last] : [JSON.stringify(rows.map((r) => r.id))];
      const run = (q: { range: Statement; ids: Statement }) => (dense ? q.range : q.ids).all(...args) as unknown[][];
      // A dense page is indexed by id - first, cheaper than a Map at 5,000 rows a page.
      const slots: (MemberExportRow | undefined)[] = dense ? new Array(last - first + 1) : [];
      const byId = dense ? null : new Map<number, MemberExportRow>();
      for (const r of rows) {
        if (byId) byId.set(r.id, r);
        else slots[r.id - first] = r;
      }
      const find = (id: unknown) => (byId ? byId.get(id as number) : slots[(id as number) - first]);
      for (const [id, name] of run(tags)) {
        const r = find(id);
        if (r) r.tags = r.tags ? `${r.tags}, ${name as string}` : (name as string);
      }
      for (const [id, cardNo] of run(cards)) {
        const r = find(id);
        if (r) r.cardNo = cardNo as string;
      }
      for (const [id, points, spend, tier] of run(openings)) {
        const r = find(id);
        if (!r) continue;
        r.points = points as number;
        r.spendFen = spend as number;
        r.tier = tier as string;
      }
    },
  };
}

export async function exportMembers(ctx: Ctx, input: ParsedInputOf<'io.exportMembers'>): Promise<JobStatus> {
  const me = requireStaff(ctx);
  // Whole numbers leave the shop only by the owner's decision (DESIGN: security).
  if (input.fullPhones && me.role !== 'owner')
    throw appError('FORBIDDEN', 'errors.export.fullPhonesOwner', {
      fields: { fullPhones: { messageKey: 'errors.export.fullPhonesOwner' } },
    });
  const spec = membersExport(ctx, input.filter, input.fullPhones);
  return startExport(ctx, spec, input, { filter: input.filter, fullPhones: input.fullPhones });
}
