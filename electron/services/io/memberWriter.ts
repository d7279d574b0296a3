import type { Statement } from 'better-sqlite3-multiple-ciphers';
import type { ImportPreviewRow, ImportRowStatus } from '../../../shared/domain.js';
import type { MemberFileField } from '../../../shared/io/memberFields.js';
import { columnsOf, readMemberRow, type ColumnsOf, type MemberImportRow } from '../../../shared/io/memberRow.js';
import { nameGrams } from '../../../shared/rules/nameGrams.js';
import { namePinyin } from '../../../shared/rules/pinyin.js';
import { reversedDigits } from '../../../shared/rules/phone.js';
import { lotExpiresOn } from '../../../shared/rules/earning.js';
import { loadPointsRulesSync } from '../points/rules.js';
import { previewRow } from './memberPreview.js';
import { setColumns, type Classified, type RowWriter, type WriterSetup } from './rowWriter.js';

interface MemberCols {
  id: number;
  name: string;
  gender: string;
  birthday: string | null;
  email: string | null;
  wechat: string | null;
  address: string;
  occupation: string;
  phone: string;
  phone_kind: string;
  phone2: string | null;
  notes: string;
  joined_on: string;
  merged_into: number | null;
}

/** Row field → members column, for the fields an update may change. */
const updatable = {
  name: 'name',
  gender: 'gender',
  birthday: 'birthday',
  email: 'email',
  wechat: 'wechat',
  address: 'address',
  occupation: 'occupation',
  phone2: 'phone2',
  notes: 'notes',
  joinedOn: 'joined_on',
} as const;

const pinyinCache = new Map<string, { full: string; initials: string }>();
function pinyinOf(name: string) {
  let p = pinyinCache.get(name);
  if (!p) {
    if (pinyinCache.size > 50_000) pinyinCache.clear();
    p = namePinyin(name);
    pinyinCache.set(name, p);
  }
  return p;
}

/** Zero points, zero spend and no tier is no opening balance (an export writes those for everyone). */
const hasOpening = (r: MemberImportRow) => !!r.points || !!r.spendFen || !!r.tier;

/**
 * Classifies file rows against the database and the rows before them, and writes them: the
 * importer's whole per-row work, on prepared statements of the raw connection because a
 * 1,000,000-row file cannot afford a query builder per cell. It writes the same columns
 * `registerMember` does (the name search index included) plus the batch id; a test compares an
 * imported member with a registered one.
 */
export class MemberWriter implements RowWriter<MemberImportRow> {
  private readonly columns: ColumnsOf;
  /** E.164 digits as numbers (at most 15 digits, exact in a double): a million take a third of the memory strings would. */
  private readonly seenPhones = new Set<number>();
  private readonly seenCards = new Set<string>();
  private readonly seenMemberNos = new Set<string>();
  private readonly tagIds = new Map<string, number>();
  /** Set by changesFor: the file's opening figures differ from the member's and were left out. */
  private openingKept = false;
  private readonly s: Record<string, Statement>;
  /** An opening balance's points are a ledger lot dated from the import day, under today's expiry policy. */
  private readonly openingExpiresOn: string | null;

  constructor(private readonly w: WriterSetup) {
    this.columns = columnsOf(w.mapping as (MemberFileField | null)[]);
    this.openingExpiresOn = lotExpiresOn(loadPointsRulesSync(w.raw).expiry, w.today);
    const p = (sql: string) => w.raw.prepare(sql);
    this.s = {
      byPhone: p(`select id from members where phone = ?`),
      byMemberNo: p(`select id, merged_into from members where member_no = ?`),
      cardHolder: p(`select member_id, status from member_cards where card_no = ?`),
      member: p(
        `select id, name, gender, birthday, email, wechat, address, occupation, phone, phone_kind, phone2, notes, joined_on, merged_into
         from members where id = ?`,
      ),
      tagNames: p(
        `select lower(t.name) as name from member_tags mt join tags t on t.id = mt.tag_id where mt.member_id = ?`,
      ),
      activeCard: p(`select id from member_cards where member_id = ? and status = 'active'`),
      opening: p(
        `select count(*) as n, coalesce(sum(points), 0) as points, coalesce(sum(spend_fen), 0) as spend,
           coalesce(max(legacy_tier), '') as tier from member_opening_balances where member_id = ?`,
      ),
      nextNo: p(
        `insert into counters (name, value) values ('member_no', 1)
         on conflict(name) do update set value = value + 1 returning value`,
      ),
      bumpNo: p(
        `insert into counters (name, value) values ('member_no', ?)
         on conflict(name) do update set value = max(value, excluded.value)`,
      ),
      insertMember: p(
        `insert into members (member_no, phone, phone_kind, phone_rev, name, gender, birthday, source, created_at,
           created_day, created_by, updated_at, updated_by, occupation, phone2, email, wechat, address, notes,
           joined_on, verified_at, name_pinyin, name_initials, import_batch_id)
         values (?, ?, ?, ?, ?, ?, ?, 'import', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, null, ?, ?, ?)`,
      ),
      deleteGrams: p(`delete from member_name_grams where member_id = ?`),
      insertGram: p(`insert into member_name_grams (gram, member_id) values (?, ?)`),
      setPinyin: p(`update members set name_pinyin = ?, name_initials = ? where id = ?`),
      insertEvent: p(`insert into member_events (member_id, kind, data, staff_id, at, day) values (?, ?, ?, ?, ?, ?)`),
      insertOpening: p(
        `insert into member_opening_balances (member_id, points, spend_fen, legacy_tier, import_batch_id, at, day, staff_id)
         values (?, ?, ?, ?, ?, ?, ?, ?) returning id`,
      ),
      insertOpeningLot: p(
        `insert into points_ledger (member_id, kind, points, ref_type, ref_id, staff_id, at, day, usable_on, expires_on, remaining)
         values (?, 'opening', ?, 'opening', ?, ?, ?, ?, ?, ?, ?)`,
      ),
      insertCard: p(
        `insert into member_cards (member_id, card_no, status, bound_at, bound_by) values (?, ?, 'active', ?, ?) returning id`,
      ),
      tagByName: p(`select id from tags where name = ? collate nocase`),
      insertTag: p(`insert into tags (name, color, created_at, created_by) values (?, 'blue', ?, ?) returning id`),
      tagMember: p(`insert or ignore into member_tags (member_id, tag_id, added_at, added_by) values (?, ?, ?, ?)`),
      insertUpdate: p(`insert or replace into import_updates (batch_id, member_id, changes) values (?, ?, ?)`),
      insertReject: p(
        `insert into import_rejects (batch_id, line, reason, field, member_id, raw) values (?, ?, ?, ?, ?, ?)`,
      ),
    };
  }

  private id(stmt: string, ...args: unknown[]): number | undefined {
    return (this.s[stmt]!.get(...args) as { id: number } | undefined)?.id;
  }

  /**
   * What this row will do. Within the file the first row of a phone, card or member number wins;
   * an existing member is found by phone, then member number, then card number.
   */
  preview(c: Classified<MemberImportRow>): ImportPreviewRow {
    return previewRow(c, this.columns);
  }

  classify(line: number, cells: string[]): Classified<MemberImportRow> {
    const read = readMemberRow(cells, this.columns, this.w.today);
    if (!read.ok) return { line, cells, status: 'invalid', reason: read.reason, field: read.field };
    const row = read.row;
    const skip = (
      status: ImportRowStatus,
      reason: string,
      field: string,
      memberId?: number,
    ): Classified<MemberImportRow> => ({
      line,
      cells,
      status,
      reason,
      field,
      row,
      ...(memberId ? { memberId } : {}),
    });
    const phoneKey = Number(row.phone.e164.slice(1));
    if (this.seenPhones.has(phoneKey)) return skip('dupInFile', 'dupPhoneInFile', 'phone');
    if (row.cardNo && this.seenCards.has(row.cardNo)) return skip('dupInFile', 'dupCardInFile', 'cardNo');
    if (row.memberNo && this.seenMemberNos.has(row.memberNo)) return skip('dupInFile', 'dupMemberNoInFile', 'memberNo');
    this.seenPhones.add(phoneKey);
    if (row.cardNo) this.seenCards.add(row.cardNo);
    if (row.memberNo) this.seenMemberNos.add(row.memberNo);

    let memberId = this.id('byPhone', row.phone.e164);
    let matchedBy: 'phone' | 'memberNo' | 'cardNo' = 'phone';
    if (memberId === undefined && row.memberNo) {
      const m = this.s.byMemberNo!.get(row.memberNo) as { id: number; merged_into: number | null } | undefined;
      if (m) {
        memberId = m.merged_into ?? m.id;
        matchedBy = 'memberNo';
      }
    }
    const card = row.cardNo
      ? (this.s.cardHolder!.get(row.cardNo) as { member_id: number; status: string } | undefined)
      : undefined;
    if (memberId === undefined && card?.status === 'active') {
      memberId = card.member_id;
      matchedBy = 'cardNo';
    }
    if (memberId === undefined) {
      // A lost or ended card number stays with its history: it cannot be given to someone new.
      if (card) return { line, cells, status: 'invalid', reason: 'cardTaken', field: 'cardNo', row };
      return { line, cells, status: 'new', row };
    }
    const existsReason = { phone: 'phoneExists', memberNo: 'memberNoExists', cardNo: 'cardExists' }[matchedBy];
    if (this.w.mode === 'addOnly') return skip('dupExisting', existsReason, matchedBy, memberId);
    if (card && card.member_id !== memberId)
      return { line, cells, status: 'invalid', reason: 'cardTaken', field: 'cardNo', row };
    this.openingKept = false;
    const changes = this.changesFor(memberId, row);
    const kept = this.openingKept ? { reason: 'openingKept', field: 'points' } : {};
    if (!Object.keys(changes).length)
      return skip(
        'dupExisting',
        this.openingKept ? 'openingKept' : 'unchanged',
        this.openingKept ? 'points' : matchedBy,
        memberId,
      );
    return { line, cells, status: 'update', row, memberId, changes, ...kept };
  }

  /** Columns whose value the file changes; empty cells keep what the member has. */
  private changesFor(memberId: number, row: MemberImportRow): Record<string, [unknown, unknown]> {
    const m = this.s.member!.get(memberId) as MemberCols;
    const changes: Record<string, [unknown, unknown]> = {};
    for (const [field, column] of Object.entries(updatable) as [keyof typeof updatable, keyof MemberCols][]) {
      const v = row[field];
      if (v !== null && v !== m[column]) changes[column] = [m[column], v];
    }
    if (row.phone.e164 !== m.phone) {
      changes.phone = [m.phone, row.phone.e164];
      changes.phone_kind = [m.phone_kind, row.phone.kind];
      changes.phone_rev = [reversedDigits(m.phone), reversedDigits(row.phone.e164)];
    }
    if (row.cardNo && !this.s.activeCard!.get(memberId) && !this.s.cardHolder!.get(row.cardNo))
      changes.card = [null, row.cardNo];
    if (hasOpening(row)) {
      const o = this.s.opening!.get(memberId) as { n: number; points: number; spend: number; tier: string };
      if (!o.n) changes.opening = [null, true];
      // A member has one opening balance: a later file's differing figures are not applied, and
      // the row says so (in the preview and the error report) instead of passing in silence.
      else if (
        (row.points !== null && row.points !== o.points) ||
        (row.spendFen !== null && row.spendFen !== o.spend) ||
        (row.tier !== null && row.tier !== o.tier)
      )
        this.openingKept = true;
    }
    if (row.tags.length) {
      const has = new Set((this.s.tagNames!.all(memberId) as { name: string }[]).map((t) => t.name));
      if (row.tags.some((t) => !has.has(t.toLowerCase()))) changes.tags = [null, row.tags];
    }
    return changes;
  }

  /** Writes a `new` or `update` row; records a refused or skipped one for the error report. */
  write(c: Classified<MemberImportRow>, batchId: number): void {
    if (c.status === 'new') return this.insert(c.row!, batchId);
    if (c.status === 'update') return this.update(c, batchId);
    this.s.insertReject!.run(
      batchId,
      c.line,
      c.reason ?? '',
      c.field ?? '',
      c.memberId ?? null,
      JSON.stringify(c.cells),
    );
  }

  private insert(r: MemberImportRow, batchId: number): void {
    const w = this.w;
    let memberNo = r.memberNo;
    // The file's member number is kept when it is free (a round trip, or a move between Liuke PCs);
    // the shop's counter then skips past it so registration never hands it out again.
    if (memberNo && this.s.byMemberNo!.get(memberNo) === undefined) {
      const own = new RegExp(`^${w.memberNoPrefix.replace(/[^A-Za-z0-9]/g, '\\$&')}(\\d{1,12})$`).exec(memberNo);
      if (own) this.s.bumpNo!.run(Number(own[1]));
    } else {
      const n = (this.s.nextNo!.get() as { value: number }).value;
      memberNo = `${w.memberNoPrefix}${String(n).padStart(6, '0')}`;
    }
    const name = r.name ?? '';
    const py = pinyinOf(name);
    const info = this.s.insertMember!.run(
      memberNo,
      r.phone.e164,
      r.phone.kind,
      reversedDigits(r.phone.e164),
      name,
      r.gender ?? 'unspecified',
      r.birthday,
      w.nowIso,
      w.today,
      w.staffId,
      w.nowIso,
      w.staffId,
      r.occupation ?? '',
      r.phone2,
      r.email,
      r.wechat,
      r.address ?? '',
      r.notes ?? '',
      r.joinedOn ?? w.today,
      py.full,
      py.initials,
      batchId,
    );
    const id = Number(info.lastInsertRowid);
    for (const g of nameGrams(name)) this.s.insertGram!.run(g, id);
    const data: Record<string, unknown> = { batchId };
    if (r.cardNo) data.cardNo = this.bindCard(id, r.cardNo);
    this.addOpening(id, r, batchId);
    this.addTags(id, r.tags);
    this.s.insertEvent!.run(id, 'imported', JSON.stringify(data), w.staffId, w.nowIso, w.today);
  }

  private bindCard(memberId: number, cardNo: string): number {
    return (this.s.insertCard!.get(memberId, cardNo, this.w.nowIso, this.w.staffId) as { id: number }).id;
  }

  private addOpening(memberId: number, r: MemberImportRow, batchId: number): number | null {
    if (!hasOpening(r)) return null;
    const w = this.w;
    const points = r.points ?? 0;
    const { id } = this.s.insertOpening!.get(
      memberId,
      points,
      r.spendFen ?? 0,
      r.tier ?? '',
      batchId,
      w.nowIso,
      w.today,
      w.staffId,
    ) as { id: number };
    if (points > 0)
      this.s.insertOpeningLot!.run(
        memberId,
        points,
        id,
        w.staffId,
        w.nowIso,
        w.today,
        w.today,
        this.openingExpiresOn,
        points,
      );
    return id;
  }

  /** Adds the named tags (made when the shop has none of that name); returns the ids newly added. */
  private addTags(memberId: number, names: string[]): number[] {
    const added: number[] = [];
    for (const name of names) {
      const key = name.toLowerCase();
      let tagId = this.tagIds.get(key) ?? this.id('tagByName', name);
      if (tagId === undefined) tagId = this.id('insertTag', name, this.w.nowIso, this.w.staffId)!;
      this.tagIds.set(key, tagId);
      if (this.s.tagMember!.run(memberId, tagId, this.w.nowIso, this.w.staffId).changes) added.push(tagId);
    }
    return added;
  }

  private update(c: Classified<MemberImportRow>, batchId: number): void {
    const w = this.w;
    const id = c.memberId!;
    const r = c.row!;
    const changes = c.changes!;
    const record: Record<string, [unknown, unknown]> = {};
    const columns = Object.keys(changes).filter((k) => !['card', 'opening', 'tags'].includes(k));
    if (columns.length) {
      setColumns(w.raw, id, Object.fromEntries(columns.map((k) => [k, changes[k]![1]])), w.nowIso, w.staffId);
      for (const k of columns) record[k] = changes[k]!;
      if (changes.name) this.reindexName(id, r.name ?? '');
    }
    if (changes.card) record.card = [null, this.bindCard(id, r.cardNo!)];
    if (changes.opening) record.opening = [null, this.addOpening(id, r, batchId)];
    if (changes.tags) {
      const added = this.addTags(id, r.tags);
      if (added.length) record.tags = [null, added];
    }
    this.s.insertUpdate!.run(batchId, id, JSON.stringify(record));
    this.s.insertEvent!.run(
      id,
      'importUpdated',
      JSON.stringify({ batchId, fields: Object.keys(record) }),
      w.staffId,
      w.nowIso,
      w.today,
    );
  }

  reindexName(id: number, name: string): void {
    this.s.deleteGrams!.run(id);
    for (const g of nameGrams(name)) this.s.insertGram!.run(g, id);
    const py = pinyinOf(name);
    this.s.setPinyin!.run(py.full, py.initials, id);
  }
}
