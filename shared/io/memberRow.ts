import { cardNo as cardNoSchema, email as emailSchema, wechat as wechatSchema } from '../contract/members.js';
import type { Gender } from '../domain.js';
import {
  cleanText,
  parseGender,
  parseImportDate,
  parseImportPhone,
  parseMoneyFen,
  parsePoints,
  parseTagList,
} from '../rules/importValues.js';
import { normalizePhone, type PhoneKind } from '../rules/phone.js';
import type { MemberFileField } from './memberFields.js';

/**
 * Why a whole row is refused or skipped (the cell parsers' reasons come on top). The i18n key is
 * `import.reason.<reason>`.
 */
export const memberRowReasons = [
  'phoneMissing',
  'phone2Invalid',
  'phone2SameAsPhone',
  'emailInvalid',
  'wechatInvalid',
  'cardInvalid',
  'memberNoInvalid',
  'dateInFuture',
  'dupPhoneInFile',
  'dupCardInFile',
  'dupMemberNoInFile',
  'phoneExists',
  'memberNoExists',
  'cardExists',
  'cardTaken',
  'unchanged',
  'openingKept',
] as const;
export type MemberRowReason = (typeof memberRowReasons)[number];

/** One file row as it will be stored. `null`: the cell was empty or not mapped (an update keeps the old value). */
export interface MemberImportRow {
  phone: { e164: string; kind: PhoneKind };
  name: string | null;
  gender: Gender | null;
  birthday: string | null;
  email: string | null;
  wechat: string | null;
  address: string | null;
  occupation: string | null;
  phone2: string | null;
  notes: string | null;
  joinedOn: string | null;
  memberNo: string | null;
  cardNo: string | null;
  tags: string[];
  tier: string | null;
  points: number | null;
  spendFen: number | null;
}

type Check<T> = { ok: true; value: T } | { ok: false; reason: string };

export type RowRead = { ok: true; row: MemberImportRow } | { ok: false; reason: string; field: MemberFileField };

/** Column index per field. */
export type ColumnsOf = Partial<Record<MemberFileField, number>>;

export function columnsOf(mapping: (MemberFileField | null)[]): ColumnsOf {
  const out: ColumnsOf = {};
  mapping.forEach((f, i) => {
    if (f && out[f] === undefined) out[f] = i;
  });
  return out;
}

class Refused {
  constructor(
    readonly reason: string,
    readonly field: MemberFileField,
  ) {}
}

/**
 * Reads one row: every mapped cell through its parser. The first bad cell refuses the row — a
 * corrupted value is never stored — and names the field.
 */
export function readMemberRow(cells: string[], columns: ColumnsOf, today: string): RowRead {
  const cell = (f: MemberFileField): string | null => {
    const i = columns[f];
    if (i === undefined) return null;
    const v = (cells[i] ?? '').trim();
    return v === '' ? null : v;
  };
  const take = <T>(f: MemberFileField, parse: (raw: string) => Check<T>): T | null => {
    const raw = cell(f);
    if (raw === null) return null;
    const r = parse(raw);
    if (!r.ok) throw new Refused(r.reason, f);
    return r.value;
  };
  const schema = (
    f: MemberFileField,
    s: { safeParse(v: string): { success: boolean; data?: string } },
    reason: string,
  ) =>
    take(f, (raw): Check<string> => {
      const r = s.safeParse(raw);
      return r.success && r.data !== undefined && r.data !== '' ? { ok: true, value: r.data } : { ok: false, reason };
    });
  const text = (f: MemberFileField, max: number, lines = false) => take(f, (raw) => cleanText(raw, max, lines));
  try {
    const phone = take('phone', parseImportPhone);
    if (!phone) throw new Refused('phoneMissing', 'phone');
    const phone2Raw = cell('phone2');
    let phone2: string | null = null;
    if (phone2Raw !== null) {
      const p = parseImportPhone(phone2Raw);
      if (!p.ok && p.reason === 'phoneScientific') throw new Refused(p.reason, 'phone2');
      const any = p.ok ? p.value : normalizePhone(phone2Raw, 'intl');
      if (!('e164' in any)) throw new Refused('phone2Invalid', 'phone2');
      if (any.e164 === phone.e164) throw new Refused('phone2SameAsPhone', 'phone2');
      phone2 = any.e164;
    }
    const date = (f: MemberFileField) => {
      const d = take(f, parseImportDate);
      if (d && d > today) throw new Refused('dateInFuture', f);
      return d;
    };
    const row: MemberImportRow = {
      phone,
      name: text('name', 40),
      gender: take('gender', parseGender),
      birthday: date('birthday'),
      email: schema('email', emailSchema, 'emailInvalid'),
      wechat: schema('wechat', wechatSchema, 'wechatInvalid'),
      address: text('address', 200, true),
      occupation: text('occupation', 40),
      phone2,
      notes: text('notes', 1000, true),
      joinedOn: date('joinedOn'),
      memberNo: take('memberNo', (raw): Check<string> =>
        /^[A-Za-z0-9-]{1,20}$/.test(raw)
          ? { ok: true, value: raw.toUpperCase() }
          : { ok: false, reason: 'memberNoInvalid' },
      ),
      cardNo: schema('cardNo', cardNoSchema, 'cardInvalid'),
      tags: take('tags', parseTagList) ?? [],
      tier: text('tier', 20),
      points: take('points', parsePoints),
      spendFen: take('totalSpent', parseMoneyFen),
    };
    return { ok: true, row };
  } catch (e) {
    if (e instanceof Refused) return { ok: false, reason: e.reason, field: e.field };
    throw e;
  }
}
