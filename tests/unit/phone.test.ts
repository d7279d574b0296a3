import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { maskPhone, normalizePhone, phoneForDisplay, reversedDigits, toHalfWidth } from '../../shared/rules/phone.js';

const e164 = '+8613800138000';

describe('normalizePhone: mainland mobiles', () => {
  it.each([
    '13800138000',
    '138 0013 8000',
    '138-0013-8000',
    '138.0013.8000',
    '(138) 0013 8000',
    '+86 138 0013 8000',
    '+86-138-0013-8000',
    '8613800138000',
    '86 138 0013 8000',
    '008613800138000',
    '0086 138 0013 8000',
    '１３８００１３８０００',
    '１３８　００１３　８０００',
    '＋８６ １３８－００１３－８０００',
    '  13800138000  ',
  ])('%s → +8613800138000', (raw) => {
    expect(normalizePhone(raw)).toEqual({ ok: true, e164, kind: 'mobile' });
  });

  it.each([
    ['12800138000', 'errors.phone.invalidMobile'],
    ['1380013800', 'errors.phone.invalidMobile'],
    ['138001380001', 'errors.phone.invalidMobile'],
    ['23800138000', 'errors.phone.invalidMobile'],
    ['1.38E+10', 'errors.phone.badCharacters'],
    ['abc', 'errors.phone.badCharacters'],
    ['138 0013 800x', 'errors.phone.badCharacters'],
    ['', 'errors.phone.required'],
    ['   ', 'errors.phone.required'],
    ['+', 'errors.phone.required'],
    ['+852 9123 4567', 'errors.phone.notMainlandMobile'],
    ['00852 9123 4567', 'errors.phone.notMainlandMobile'],
    ['010-12345678', 'errors.phone.looksLikeLandline'],
    ['0755 1234567', 'errors.phone.looksLikeLandline'],
  ])('%s is refused with %s', (raw, messageKey) => {
    expect(normalizePhone(raw)).toEqual({ ok: false, messageKey });
  });

  it('treats mobile as the default kind', () => {
    expect(normalizePhone('13800138000')).toEqual(normalizePhone('13800138000', 'mobile'));
  });
});

describe('normalizePhone: landlines', () => {
  it.each([
    ['010-12345678', '+861012345678'],
    ['(010) 1234 5678', '+861012345678'],
    ['+86 10 1234 5678', '+861012345678'],
    ['０１０－１２３４５６７８', '+861012345678'],
    ['0755-1234567', '+867551234567'],
    ['0755-12345678', '+8675512345678'],
  ])('%s → %s', (raw, expected) => {
    expect(normalizePhone(raw, 'landline')).toEqual({ ok: true, e164: expected, kind: 'landline' });
  });

  it.each(['12345678', '010-123', '010-1234567890', '+852 2123 4567'])('%s is refused', (raw) => {
    expect(normalizePhone(raw, 'landline')).toEqual({ ok: false, messageKey: 'errors.phone.invalidLandline' });
  });
});

describe('normalizePhone: international', () => {
  it.each([
    ['+852 9123 4567', '+85291234567'],
    ['00852 9123 4567', '+85291234567'],
    ['+853 6612 3456', '+85366123456'],
    ['+886 912 345 678', '+886912345678'],
    ['+1 (415) 555-0100', '+14155550100'],
  ])('%s → %s', (raw, expected) => {
    expect(normalizePhone(raw, 'intl')).toEqual({ ok: true, e164: expected, kind: 'intl' });
  });

  it('needs a country code', () => {
    expect(normalizePhone('852 9123 4567', 'intl')).toEqual({ ok: false, messageKey: 'errors.phone.needsCountryCode' });
    expect(normalizePhone('91234567', 'intl')).toEqual({ ok: false, messageKey: 'errors.phone.needsCountryCode' });
  });

  it('stores a +86 number marked international as the mainland number it is', () => {
    expect(normalizePhone('+86 138 0013 8000', 'intl')).toEqual({ ok: true, e164, kind: 'mobile' });
    expect(normalizePhone('+86 10 1234 5678', 'intl')).toEqual({
      ok: true,
      e164: '+861012345678',
      kind: 'landline',
    });
    expect(normalizePhone('+86 12345', 'intl')).toEqual({ ok: false, messageKey: 'errors.phone.invalidIntl' });
  });

  it('refuses numbers E.164 cannot hold', () => {
    expect(normalizePhone('+852 123', 'intl')).toEqual({ ok: false, messageKey: 'errors.phone.invalidIntl' });
    expect(normalizePhone('+1234567890123456', 'intl')).toEqual({ ok: false, messageKey: 'errors.phone.invalidIntl' });
    expect(normalizePhone('+0123456789', 'intl')).toEqual({ ok: false, messageKey: 'errors.phone.invalidIntl' });
  });
});

describe('display, masking and the reversed-digit index', () => {
  it('shows a mobile in 3-4-4 groups, a landline as 0area-local, anything else as E.164', () => {
    expect(phoneForDisplay(e164)).toBe('138 0013 8000');
    expect(phoneForDisplay('+861012345678')).toBe('010-1234 5678');
    expect(phoneForDisplay('+8657187654321')).toBe('0571-8765 4321');
    expect(phoneForDisplay('+862161234567')).toBe('021-6123 4567');
    expect(phoneForDisplay('+85291234567')).toBe('+85291234567');
  });

  it('hides the middle of a number', () => {
    expect(maskPhone(e164)).toBe('138****8000');
    expect(maskPhone('+861012345678')).toBe('010****5678');
    expect(maskPhone('+85291234567')).toBe('+852****4567');
    expect(maskPhone('+12345')).toBe('+***45');
  });

  it('reverses the digits so a tail search is a prefix search', () => {
    expect(reversedDigits(e164)).toBe('0008310083168');
    expect(reversedDigits(e164).startsWith('0008')).toBe(true);
    expect(reversedDigits('+85291234567')).toBe('76543219258');
  });

  it('converts full-width characters and the ideographic space', () => {
    expect(toHalfWidth('１２３　ＡＢＣ－＋')).toBe('123 ABC-+');
  });
});

describe('property: every way of typing one mobile gives one E.164', () => {
  const fullWidth = (d: string) => String.fromCharCode(d.charCodeAt(0) + 0xfee0);
  const mobile = fc
    .tuple(
      fc.constantFrom('3', '4', '5', '6', '7', '8', '9'),
      fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 9, maxLength: 9 }),
    )
    .map(([second, rest]) => `1${second}${rest.join('')}`);
  const separator = fc.constantFrom('', '', '', ' ', '-', '\u3000', '.', '－');
  const prefix = fc.constantFrom('', '+86', '+86 ', '86', '86-', '0086', '0086 ', '＋８６');

  it('normalises to +86 followed by the 11 digits', () => {
    fc.assert(
      fc.property(
        mobile,
        prefix,
        fc.array(separator, { minLength: 11, maxLength: 11 }),
        fc.array(fc.boolean(), { minLength: 11, maxLength: 11 }),
        fc.constantFrom('', ' ', '  '),
        (number, pre, seps, wide, pad) => {
          const typed = Array.from(number)
            .map((d, i) => (wide[i] ? fullWidth(d) : d) + seps[i])
            .join('');
          const result = normalizePhone(`${pad}${pre}${typed}${pad}`);
          expect(result).toEqual({ ok: true, e164: `+86${number}`, kind: 'mobile' });
        },
      ),
    );
  });

  it('masks and displays consistently for every valid mobile', () => {
    fc.assert(
      fc.property(mobile, (number) => {
        const n = `+86${number}`;
        expect(phoneForDisplay(n).replace(/ /g, '')).toBe(number);
        expect(maskPhone(n)).toBe(`${number.slice(0, 3)}****${number.slice(7)}`);
        expect(reversedDigits(n)).toBe(`86${number}`.split('').reverse().join(''));
      }),
    );
  });
});
