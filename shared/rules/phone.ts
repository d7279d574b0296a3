/**
 * Phone numbers as clerks type them: spaces, dashes, dots, brackets, a +86/0086/86 prefix,
 * full-width digits from a Chinese input method. Everything is stored in E.164 ("+8613800138000")
 * so one person's number can only exist once, whatever way it was typed.
 */
export const phoneKinds = ['mobile', 'landline', 'intl'] as const;
export type PhoneKind = (typeof phoneKinds)[number];

export type PhoneResult = { ok: true; e164: string; kind: PhoneKind } | { ok: false; messageKey: string };

/** Full-width ASCII (U+FF01..U+FF5E) to half-width, ideographic space to space. */
export function toHalfWidth(input: string): string {
  return input
    .replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/\u3000/g, ' ');
}

/** Keeps digits and a leading plus; drops the separators people type between groups. */
function compact(input: string): string {
  const half = toHalfWidth(input).trim();
  const plus = half.startsWith('+');
  const digits = half.replace(/[\s\-.()\u2010-\u2015]/g, '');
  return (plus ? '+' : '') + digits.replace(/^\+/, '');
}

const mobileCn = /^1[3-9]\d{9}$/;
/** Trunk 0, a 2–3 digit area code and a 7–8 digit subscriber number: 10–12 digits in all. */
const landlineCn = /^0[1-9]\d{8,10}$/;

const invalid = (messageKey: string): PhoneResult => ({ ok: false, messageKey });

export function normalizePhone(raw: string, kind: PhoneKind = 'mobile'): PhoneResult {
  const c = compact(raw);
  if (c === '' || c === '+') return invalid('errors.phone.required');
  if (!/^\+?\d+$/.test(c)) return invalid('errors.phone.badCharacters');

  let international: string | null = null;
  if (c.startsWith('+')) international = c.slice(1);
  else if (c.startsWith('00')) international = c.slice(2);

  if (kind === 'mobile') {
    let national = c;
    if (international !== null) {
      if (!international.startsWith('86')) return invalid('errors.phone.notMainlandMobile');
      national = international.slice(2);
    } else if (c.length === 13 && c.startsWith('86')) {
      national = c.slice(2);
    }
    if (mobileCn.test(national)) return { ok: true, e164: `+86${national}`, kind };
    // A trunk 0 means a landline typed into the mobile field: say so rather than "bad mobile".
    return invalid(landlineCn.test(national) ? 'errors.phone.looksLikeLandline' : 'errors.phone.invalidMobile');
  }

  if (kind === 'landline') {
    let national = c;
    if (international !== null) {
      if (!international.startsWith('86')) return invalid('errors.phone.invalidLandline');
      national = `0${international.slice(2)}`;
    }
    return landlineCn.test(national)
      ? { ok: true, e164: `+86${national.slice(1)}`, kind }
      : invalid('errors.phone.invalidLandline');
  }

  // International: a country code is required; E.164 allows at most 15 digits. A +86 number typed
  // here is still a mainland number and is stored as one, so it cannot dodge the uniqueness rule.
  if (international === null) return invalid('errors.phone.needsCountryCode');
  if (international.startsWith('86')) {
    const national = international.slice(2);
    if (mobileCn.test(national)) return { ok: true, e164: `+${international}`, kind: 'mobile' };
    if (landlineCn.test(`0${national}`)) return { ok: true, e164: `+${international}`, kind: 'landline' };
    return invalid('errors.phone.invalidIntl');
  }
  if (!/^[1-9]\d{6,14}$/.test(international)) return invalid('errors.phone.invalidIntl');
  return { ok: true, e164: `+${international}`, kind: 'intl' };
}

/** The digits a clerk would type, e.g. "13800138000" for a mainland mobile, "+85291234567" otherwise. */
export function phoneForDisplay(e164: string): string {
  if (e164.startsWith('+86') && mobileCn.test(e164.slice(3))) {
    const n = e164.slice(3);
    return `${n.slice(0, 3)} ${n.slice(3, 7)} ${n.slice(7)}`;
  }
  if (e164.startsWith('+86')) {
    // Landline: the area code with its trunk 0 (two digits for Beijing 010 and the 02x cities,
    // three elsewhere), a dash, then the local number in groups of four from the end.
    const n = e164.slice(3);
    const area = n.startsWith('1') || n.startsWith('2') ? 2 : 3;
    const local = n.slice(area);
    const split = local.length > 4 ? `${local.slice(0, -4)} ${local.slice(-4)}` : local;
    return `0${n.slice(0, area)}-${split}`;
  }
  return e164;
}

/** Clerks see lists with the middle of the number hidden (DESIGN: security). */
export function maskPhone(e164: string): string {
  const shown = phoneForDisplay(e164).replace(/[\s-]/g, '');
  // Keep what identifies the area (a country code, or the first three digits) and the last four.
  const head = shown.startsWith('+') ? shown.slice(0, 4) : shown.slice(0, 3);
  if (shown.length <= head.length + 4) return shown.replace(/\d(?=\d{2})/g, '*');
  return `${head}****${shown.slice(-4)}`;
}

/** Digits reversed, so "ends with 8000" becomes an indexed prefix range ("0008..."). */
export function reversedDigits(e164: string): string {
  return e164.replace(/\D/g, '').split('').reverse().join('');
}
