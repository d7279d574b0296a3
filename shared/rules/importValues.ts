import { isCalendarDate } from './businessDay.js';
import { normalizePhone, toHalfWidth, type PhoneKind } from './phone.js';
import { tagNameMax, type Gender } from '../domain.js';

/**
 * One spreadsheet cell as a shop typed it, read into a typed value for the member importer.
 * Parsers refuse rather than guess: a wrong birthday or balance imported silently is worse than a
 * row the shop has to fix. Callers deal with empty cells; parsers only promise not to throw.
 */
export type Parsed<T> = { ok: true; value: T } | { ok: false; reason: ImportReason };

/**
 * Why a cell was refused. The i18n key is `import.reason.<reason>`: the prefix is left off here
 * and in `Parsed`, so the UI adds it when translating.
 */
export const importReasons = [
  'phoneScientific',
  'phoneInvalid',
  'dateFormat',
  'dateImpossible',
  'genderUnknownValue',
  'moneyFormat',
  'moneyPrecision',
  'amountNegative',
  'amountTooLarge',
  'pointsFormat',
  'pointsNegative',
  'pointsFraction',
  'badCharacters',
  'tooLong',
  'tagInvalid',
] as const;
export type ImportReason = (typeof importReasons)[number];

const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
const fail = <T>(reason: ImportReason): Parsed<T> => ({ ok: false, reason });

/** Control and invisible formatting characters garble lists; lone surrogates cannot be stored as UTF-8. */
const badCharacters = /[\p{Cc}\p{Cf}\p{Cs}]/u;

// ---------------------------------------------------------------------------------------------
// Phones

/**
 * Excel shows a long number it was allowed to treat as numeric as "1.38E+10" and saves the file
 * that way: the last digits are gone, so any "repair" would invent a phone number.
 */
const scientific = /^[+-]?(?:\d+(?:[.,]\d*)?|[.,]\d+)\s*e\s*[+-]?\d+$/i;

export function parseImportPhone(raw: string): Parsed<{ e164: string; kind: PhoneKind }> {
  const half = toHalfWidth(raw).trim();
  if (scientific.test(half)) return fail('phoneScientific');
  // A number column saved from Excel gains ".0"; compact() in normalizePhone would keep that 0.
  const text = /^\d+\.0{1,2}$/.test(half) ? half.slice(0, half.indexOf('.')) : half;

  const mobile = normalizePhone(text, 'mobile');
  if (mobile.ok) return ok({ e164: mobile.e164, kind: mobile.kind });
  // Landlines are tried only when the number says so (trunk 0, or +86 before an area code):
  // otherwise a mistyped mobile would be refused as a "bad landline".
  const digits = text.replace(/[^\d+]/g, '');
  if (digits.startsWith('0') || digits.startsWith('+86')) {
    const landline = normalizePhone(text, 'landline');
    if (landline.ok) return ok({ e164: landline.e164, kind: landline.kind });
  }
  return fail('phoneInvalid');
}

// ---------------------------------------------------------------------------------------------
// Dates

/** Excel adds a midnight time to dates it exports as text; it carries no meaning for a birthday. */
const trailingTime = /^(.+?)(?:\s+|T)(?:[01]?\d|2[0-3]):[0-5]\d(?::[0-5]\d(?:\.\d+)?)?$/;
/** One separator used throughout, so "1990-1/2" is not read as a date by accident. */
const separatedDate = /^(\d{4})([-/.])(\d{1,2})\2(\d{1,2})$/;
const chineseDate = /^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]?$/;
const compactDate = /^(\d{4})(\d{2})(\d{2})$/;

const minYear = 1900;
const maxYear = 2100;

function isoDate(year: string, month: string, day: string): Parsed<string> {
  const y = Number(year);
  if (y < minYear || y > maxYear) return fail('dateImpossible');
  const iso = `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`;
  return isCalendarDate(iso) ? ok(iso) : fail('dateImpossible');
}

/**
 * Year-first dates only: "02/01/1990" is 2 January in China and 1 February elsewhere, and a file
 * may hold both, so day-first or month-first forms are refused rather than guessed.
 */
export function parseImportDate(raw: string): Parsed<string> {
  let text = toHalfWidth(raw).trim();
  const timed = trailingTime.exec(text);
  if (timed) text = timed[1]!.trim();

  const separated = separatedDate.exec(text);
  if (separated) return isoDate(separated[1]!, separated[3]!, separated[4]!);
  const chinese = chineseDate.exec(text) ?? compactDate.exec(text);
  if (chinese) return isoDate(chinese[1]!, chinese[2]!, chinese[3]!);
  return fail('dateFormat');
}

const dayMs = 86_400_000;
/**
 * Excel's 1900 date system counts 1900-01-01 as 1 and keeps Lotus 1-2-3's 29 February 1900 as 60,
 * a day that never was. From 61 on, counting from 1899-12-30 absorbs that extra day.
 */
const fromMarch1900 = Date.UTC(1899, 11, 30);
const beforeMarch1900 = Date.UTC(1899, 11, 31);
const lastSerial = (Date.UTC(maxYear, 11, 31) - fromMarch1900) / dayMs;

/** An Excel serial day number (1900 system) as YYYY-MM-DD; a time-of-day fraction is dropped. */
export function excelSerialToDate(serial: number): Parsed<string> {
  if (!Number.isFinite(serial)) return fail('dateImpossible');
  const day = Math.floor(serial);
  if (day < 1 || day === 60 || day > lastSerial) return fail('dateImpossible');
  const epoch = day < 60 ? beforeMarch1900 : fromMarch1900;
  return ok(new Date(epoch + day * dayMs).toISOString().slice(0, 10));
}

// ---------------------------------------------------------------------------------------------
// Gender

const genderWords: Record<Gender, readonly string[]> = {
  male: ['男', '男性', '先生', '男士', 'm', 'male'],
  female: ['女', '女性', '女士', 'f', 'female'],
  unspecified: ['未知', '保密', '其他', 'u', 'unknown', '-'],
};
const genderByWord = new Map<string, Gender>(
  Object.entries(genderWords).flatMap(([gender, words]) => words.map((w) => [w, gender as Gender] as const)),
);

export function parseGender(raw: string): Parsed<Gender> {
  const gender = genderByWord.get(toHalfWidth(raw).trim().toLowerCase());
  return gender ? ok(gender) : fail('genderUnknownValue');
}

// ---------------------------------------------------------------------------------------------
// Amounts

/**
 * Digits with well-formed thousands groups and an optional fraction. "12,34" is refused: it is a
 * decimal comma in some locales, and reading it as 1234 would multiply the amount by a hundred.
 */
const unsignedDecimal = /^(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?$/;

type Decimal = { negative: boolean; whole: string; fraction: string };

/** Accounting sheets write minus five as "-5" or "(5)"; `strip` removes decoration (currency) around both. */
function readDecimal(text: string, strip: (s: string) => string): Decimal | null {
  let body = strip(text);
  let negative = false;
  const parenthesised = /^\((.*)\)$/.exec(body);
  if (parenthesised) {
    negative = true;
    body = parenthesised[1]!;
  } else if (/^[-\u2212]/.test(body)) {
    negative = true;
    body = body.slice(1);
  }
  const match = unsignedDecimal.exec(strip(body));
  if (!match) return null;
  return { negative, whole: match[1]!.replace(/,/g, ''), fraction: match[2] ?? '' };
}

const isZero = (d: Decimal) => /^0*$/.test(d.whole + d.fraction);
/** Leading zeros off, at least one digit left. */
const canonical = (digits: string) => digits.replace(/^0+(?=\d)/, '');
/** Compares non-negative integers written as canonical digit strings, beyond the float-safe range. */
const exceeds = (digits: string, limit: string) =>
  digits.length > limit.length || (digits.length === limit.length && digits > limit);

const maxFen = '1000000000000';
const stripCurrency = (s: string) =>
  s
    .trim()
    .replace(/^(?:[¥\uffe5]|rmb|cny)\s*/i, '')
    .replace(/\s*元$/, '')
    .trim();

/** An amount in yuan as integer fen, by string arithmetic so "0.1" cannot become 10.000000000000002. */
export function parseMoneyFen(raw: string): Parsed<number> {
  const amount = readDecimal(toHalfWidth(raw).trim(), stripCurrency);
  if (!amount) return fail('moneyFormat');
  if (amount.negative && !isZero(amount)) return fail('amountNegative');
  // Zeros past the second decimal lose nothing ("12.300"); other digits would have to be rounded away.
  if (!/^0*$/.test(amount.fraction.slice(2))) return fail('moneyPrecision');
  const fen = canonical(amount.whole + amount.fraction.slice(0, 2).padEnd(2, '0'));
  return exceeds(fen, maxFen) ? fail('amountTooLarge') : ok(Number(fen));
}

const maxPoints = '1000000000';

export function parsePoints(raw: string): Parsed<number> {
  const points = readDecimal(toHalfWidth(raw).trim(), (s) => s.trim());
  if (!points) return fail('pointsFormat');
  if (points.negative && !isZero(points)) return fail('pointsNegative');
  // "120.0" is how Excel saves a whole number from a numeric column.
  if (!/^0*$/.test(points.fraction)) return fail('pointsFraction');
  const value = canonical(points.whole);
  return exceeds(value, maxPoints) ? fail('amountTooLarge') : ok(Number(value));
}

// ---------------------------------------------------------------------------------------------
// Text

/**
 * Free text (names, addresses, notes) kept as typed, full-width punctuation included. Line breaks
 * inside a cell become one space in single-line fields (names); `lines` keeps them as "\n" for
 * the fields that may hold several lines in the app (notes, addresses), so an exported member
 * imports back unchanged. `max` counts code points, so a rare character outside the BMP (𠮷)
 * counts once, as a clerk would count it.
 */
export function cleanText(raw: string, max: number, lines = false): Parsed<string> {
  const trimmed = raw.trim();
  const text = lines ? trimmed.replace(/\r\n?/g, '\n') : trimmed.replace(/\s*[\r\n\u2028\u2029]\s*/g, ' ');
  if (badCharacters.test(lines ? text.replace(/\n/g, ' ') : text)) return fail('badCharacters');
  return [...text].length > max ? fail('tooLong') : ok(text);
}

/** The separators shops use between tags in one cell, full-width ones included; a line break too. */
const tagSeparators = /[,，、;；/／|｜\r\n]/;

/** Tags in one cell, in order, without repeats ("VIP, vip" is one tag, spelled as first written). */
export function parseTagList(raw: string): Parsed<string[]> {
  const tags: string[] = [];
  const seen = new Set<string>();
  for (const part of raw.split(tagSeparators)) {
    const tag = part.trim();
    if (tag === '') continue;
    if ([...tag].length > tagNameMax || badCharacters.test(tag)) return fail('tagInvalid');
    const key = tag.toLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    tags.push(tag);
  }
  return ok(tags);
}
