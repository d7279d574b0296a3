import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  cleanText,
  excelSerialToDate,
  importReasons,
  parseGender,
  parseImportDate,
  parseImportPhone,
  parseMoneyFen,
  parsePoints,
  parseTagList,
  type ImportReason,
} from '../../shared/rules/importValues.js';

const refused = (reason: ImportReason) => ({ ok: false, reason });
const mobile = (e164: string) => ({ ok: true, value: { e164, kind: 'mobile' } });
const landline = (e164: string) => ({ ok: true, value: { e164, kind: 'landline' } });

describe('parseImportPhone', () => {
  it.each([
    ['13800138000', mobile('+8613800138000')],
    ['  138 0013 8000  ', mobile('+8613800138000')],
    ['+86 138-0013-8000', mobile('+8613800138000')],
    ['１３８００１３８０００', mobile('+8613800138000')],
    ['13800138000.0', mobile('+8613800138000')],
    ['13800138000.00', mobile('+8613800138000')],
    ['１３８００１３８０００．０', mobile('+8613800138000')],
    ['010-12345678', landline('+861012345678')],
    ['0755 1234567', landline('+867551234567')],
    ['01012345678.0', landline('+861012345678')],
    ['+86 10 1234 5678', landline('+861012345678')],
    ['0086 10 1234 5678', landline('+861012345678')],
  ])('%s is accepted', (raw, expected) => {
    expect(parseImportPhone(raw)).toEqual(expected);
  });

  it.each([
    '1.38E+10',
    '1.38001E+10',
    '1,38E+10',
    '1.38e+10',
    '1.38E10',
    '1.3800138E+010',
    '13800138000E+0',
    '  1.38E+10 ',
    '１．３８Ｅ＋１０',
    '１．３８ｅ＋１０',
  ])('%s is refused as scientific notation, never repaired', (raw) => {
    expect(parseImportPhone(raw)).toEqual(refused('phoneScientific'));
  });

  it.each([
    '12800138000',
    '1380013800',
    '13800138000.5',
    '13800138000.000',
    '+8613800138000.0',
    '010-123',
    '+852 9123 4567',
    'abc',
    '138 0013 800x',
    '',
    '   ',
    '0',
    '\u0000',
  ])('%s is refused as invalid', (raw) => {
    expect(parseImportPhone(raw)).toEqual(refused('phoneInvalid'));
  });
});

describe('parseImportDate', () => {
  it.each([
    '1990-01-02',
    '1990/1/2',
    '1990/01/02',
    '1990-1-2',
    '1990年1月2日',
    '1990年01月02日',
    '1990 年 1 月 2 日',
    '1990年1月2号',
    '19900102',
    '1990.01.02',
    '1990.1.2',
    '1990-01-02 00:00:00',
    '1990/1/2 0:00',
    '1990-01-02T00:00:00',
    '1990年1月2日 00:00',
    '  1990-01-02  ',
    '１９９０－０１－０２',
    '１９９０年１月２日',
  ])('%s → 1990-01-02', (raw) => {
    expect(parseImportDate(raw)).toEqual({ ok: true, value: '1990-01-02' });
  });

  it('knows leap years', () => {
    expect(parseImportDate('2000-02-29')).toEqual({ ok: true, value: '2000-02-29' });
    expect(parseImportDate('2024/2/29')).toEqual({ ok: true, value: '2024-02-29' });
    expect(parseImportDate('1900-02-29')).toEqual(refused('dateImpossible'));
    expect(parseImportDate('2023-02-29')).toEqual(refused('dateImpossible'));
  });

  it.each([
    '1990-02-30',
    '1990-13-01',
    '1990-00-10',
    '1990-01-00',
    '1990-04-31',
    '19901332',
    '19900230',
    '1990年2月30日',
    '1899-12-31',
    '2101-01-01',
    '0000-01-01',
    '9999-12-31',
  ])('%s is refused as impossible', (raw) => {
    expect(parseImportDate(raw)).toEqual(refused('dateImpossible'));
  });

  it('accepts the edges of the year range', () => {
    expect(parseImportDate('1900-01-01')).toEqual({ ok: true, value: '1900-01-01' });
    expect(parseImportDate('2100-12-31')).toEqual({ ok: true, value: '2100-12-31' });
  });

  it.each([
    '02/01/1990',
    '2/1/1990',
    '01-02-1990',
    '02.01.1990',
    '90-01-02',
    '1990-1/2',
    '1990-01',
    '1990',
    '199012',
    '1990010',
    '1990-01-02 25:00',
    '1990-01-02 noon',
    'Jan 2, 1990',
    '32875',
    '1990--01-02',
    'abc',
    '',
    '\u0000',
  ])('%s is refused as an unknown format', (raw) => {
    expect(parseImportDate(raw)).toEqual(refused('dateFormat'));
  });

  it('property: every accepted way of writing a valid date gives that date', () => {
    const pad = (n: number) => String(n).padStart(2, '0');
    const formats: ((y: number, m: number, d: number) => string)[] = [
      (y, m, d) => `${y}-${pad(m)}-${pad(d)}`,
      (y, m, d) => `${y}-${m}-${d}`,
      (y, m, d) => `${y}/${m}/${d}`,
      (y, m, d) => `${y}/${pad(m)}/${pad(d)}`,
      (y, m, d) => `${y}.${pad(m)}.${pad(d)}`,
      (y, m, d) => `${y}.${m}.${d}`,
      (y, m, d) => `${y}年${m}月${d}日`,
      (y, m, d) => `${y}年${pad(m)}月${pad(d)}日`,
      (y, m, d) => `${y}${pad(m)}${pad(d)}`,
      (y, m, d) => `${y}-${pad(m)}-${pad(d)} 00:00:00`,
      (y, m, d) => `${y}/${m}/${d} 0:00`,
    ];
    fc.assert(
      fc.property(
        fc.date({ min: new Date(Date.UTC(1900, 0, 1)), max: new Date(Date.UTC(2100, 11, 31)), noInvalidDate: true }),
        fc.constantFrom(...formats),
        (date, format) => {
          const iso = date.toISOString().slice(0, 10);
          const typed = format(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate());
          expect(parseImportDate(typed)).toEqual({ ok: true, value: iso });
        },
      ),
    );
  });
});

describe('excelSerialToDate', () => {
  it.each([
    [1, '1900-01-01'],
    [59, '1900-02-28'],
    [61, '1900-03-01'],
    [25569, '1970-01-01'],
    [32875, '1990-01-02'],
    [32875.75, '1990-01-02'],
    [45658, '2025-01-01'],
    [73415, '2100-12-31'],
  ])('%d → %s', (serial, iso) => {
    expect(excelSerialToDate(serial)).toEqual({ ok: true, value: iso });
  });

  it.each([60, 60.5, 0, 0.5, -1, 73416, 1e20, Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY])(
    '%d is refused (60 is the 29 February 1900 that never was)',
    (serial) => {
      expect(excelSerialToDate(serial)).toEqual(refused('dateImpossible'));
    },
  );

  it('property: from 61 on, serials count days from 1899-12-30', () => {
    const dayMs = 86_400_000;
    fc.assert(
      fc.property(fc.integer({ min: 61, max: 80_000 }), (serial) => {
        const reference = new Date(Date.UTC(1899, 11, 30) + serial * dayMs);
        const expected =
          reference.getUTCFullYear() <= 2100
            ? { ok: true, value: reference.toISOString().slice(0, 10) }
            : refused('dateImpossible');
        expect(excelSerialToDate(serial)).toEqual(expected);
      }),
    );
  });
});

describe('parseGender', () => {
  it.each([
    ...['男', '男性', '先生', '男士', 'M', 'm', 'male', 'Male', 'MALE', ' 男 ', 'Ｍ'].map((raw) => [raw, 'male']),
    ...['女', '女性', '女士', 'F', 'f', 'female', 'Female', 'ｆ'].map((raw) => [raw, 'female']),
    ...['未知', '保密', '其他', 'U', 'u', 'unknown', 'Unknown', '-', '－'].map((raw) => [raw, 'unspecified']),
  ])('%s → %s', (raw, gender) => {
    expect(parseGender(raw)).toEqual({ ok: true, value: gender });
  });

  it.each(['男女', 'man', 'x', '1', '0', '', '--'])('%s is refused', (raw) => {
    expect(parseGender(raw)).toEqual(refused('genderUnknownValue'));
  });
});

describe('parseMoneyFen', () => {
  it.each([
    ['1,234.50', 123450],
    ['¥1234.5', 123450],
    ['￥1,234', 123400],
    ['1234', 123400],
    ['RMB 12.3', 1230],
    ['rmb12.3', 1230],
    ['CNY 12.30', 1230],
    ['12.30元', 1230],
    ['12.3 元', 1230],
    ['１２３４．５', 123450],
    ['￥１，２３４．５０', 123450],
    ['1234.5', 123450],
    ['0.1', 10],
    ['0.01', 1],
    ['0', 0],
    ['0.00', 0],
    ['-0', 0],
    ['12.300', 1230],
    ['007', 700],
    ['1,000,000', 100_000_000],
    ['10000000000', 1_000_000_000_000],
    ['10,000,000,000.00', 1_000_000_000_000],
    ['  ¥ 5  ', 500],
  ])('%s → %d fen', (raw, fen) => {
    expect(parseMoneyFen(raw)).toEqual({ ok: true, value: fen });
  });

  it.each([
    ['12.345', 'moneyPrecision'],
    ['0.001', 'moneyPrecision'],
    ['1,234.567', 'moneyPrecision'],
    ['-5', 'amountNegative'],
    ['(5)', 'amountNegative'],
    ['（5）', 'amountNegative'],
    ['-¥5', 'amountNegative'],
    ['¥-5', 'amountNegative'],
    ['(¥1,234.50)', 'amountNegative'],
    ['−5', 'amountNegative'],
    ['-12.345', 'amountNegative'],
    ['10000000000.01', 'amountTooLarge'],
    ['99999999999999999999', 'amountTooLarge'],
    ['1.5E+3', 'moneyFormat'],
    ['1e3', 'moneyFormat'],
    ['abc', 'moneyFormat'],
    ['12,34', 'moneyFormat'],
    ['1,2345', 'moneyFormat'],
    ['1 234', 'moneyFormat'],
    ['12.', 'moneyFormat'],
    ['.5', 'moneyFormat'],
    ['+5', 'moneyFormat'],
    ['¥', 'moneyFormat'],
    ['5$', 'moneyFormat'],
    ['--5', 'moneyFormat'],
    ['', 'moneyFormat'],
    ['\u0000', 'moneyFormat'],
  ] as const)('%s is refused with %s', (raw, reason) => {
    expect(parseMoneyFen(raw)).toEqual(refused(reason));
  });

  const withThousands = (text: string) => {
    const [whole = '', fraction] = text.split('.');
    return `${whole.replace(/\B(?=(\d{3})+$)/g, ',')}.${fraction}`;
  };

  it('property: yuan written with two decimals is read back as the same fen, with or without separators', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e11 }), (n) => {
        const yuan = (n / 100).toFixed(2);
        expect(parseMoneyFen(yuan)).toEqual({ ok: true, value: n });
        expect(parseMoneyFen(withThousands(yuan))).toEqual({ ok: true, value: n });
        expect(parseMoneyFen(`¥${withThousands(yuan)}`)).toEqual({ ok: true, value: n });
      }),
    );
  });
});

describe('parsePoints', () => {
  it.each([
    ['0', 0],
    ['120', 120],
    ['1,234', 1234],
    ['1,234,567', 1234567],
    ['120.0', 120],
    ['120.00', 120],
    ['１２０', 120],
    [' 120 ', 120],
    ['-0', 0],
    ['1000000000', 1_000_000_000],
    ['1,000,000,000.0', 1_000_000_000],
  ])('%s → %d', (raw, points) => {
    expect(parsePoints(raw)).toEqual({ ok: true, value: points });
  });

  it.each([
    ['-5', 'pointsNegative'],
    ['(5)', 'pointsNegative'],
    ['-1.5', 'pointsNegative'],
    ['12.5', 'pointsFraction'],
    ['12.05', 'pointsFraction'],
    ['1000000001', 'amountTooLarge'],
    ['99999999999999999999', 'amountTooLarge'],
    ['1E+3', 'pointsFormat'],
    ['abc', 'pointsFormat'],
    ['12,34', 'pointsFormat'],
    ['¥5', 'pointsFormat'],
    ['5分', 'pointsFormat'],
    ['', 'pointsFormat'],
  ] as const)('%s is refused with %s', (raw, reason) => {
    expect(parsePoints(raw)).toEqual(refused(reason));
  });
});

describe('cleanText', () => {
  it.each([
    ['张三', '张三'],
    ['  张三  ', '张三'],
    ['\u3000张三\u3000', '张三'],
    ['\u00a0张三\u00a0', '张三'],
    ['\ufeff张三', '张三'],
    ['阿卜杜拉·买买提', '阿卜杜拉·买买提'],
    ['𠮷野家', '𠮷野家'],
    ['ＡＢＣ（北京）', 'ＡＢＣ（北京）'],
    ['北京市\n朝阳区', '北京市 朝阳区'],
    ['北京市\r\n朝阳区', '北京市 朝阳区'],
    ['北京市\r\n\r\n  朝阳区', '北京市 朝阳区'],
    ['北京市 \n 朝阳区\n', '北京市 朝阳区'],
    ['a  b', 'a  b'],
    ['', ''],
  ])('%j → %j', (raw, expected) => {
    expect(cleanText(raw, 40)).toEqual({ ok: true, value: expected });
  });

  it.each(['a\u0000b', 'a\tb', 'a\u200bb', 'abc\u202e', 'a\u0007', 'a\ud800b', '\u200d'])(
    '%j is refused for bad characters',
    (raw) => {
      expect(cleanText(raw, 40)).toEqual(refused('badCharacters'));
    },
  );

  it('counts code points, so a character outside the BMP counts once', () => {
    expect(cleanText('𠮷'.repeat(3), 3)).toEqual({ ok: true, value: '𠮷𠮷𠮷' });
    expect(cleanText('𠮷'.repeat(4), 3)).toEqual(refused('tooLong'));
    expect(cleanText('abcd', 3)).toEqual(refused('tooLong'));
    expect(cleanText('  abc  ', 3)).toEqual({ ok: true, value: 'abc' });
  });

  it('keeps line breaks, as "\\n", in fields that hold several lines (notes, addresses)', () => {
    expect(cleanText('北京市\r\n朝阳区\n幸福路', 40, true)).toEqual({ ok: true, value: '北京市\n朝阳区\n幸福路' });
    expect(cleanText('  第一行\r第二行\n  ', 40, true)).toEqual({ ok: true, value: '第一行\n第二行' });
    expect(cleanText('a\tb\nc', 40, true)).toEqual(refused('badCharacters'));
  });
});

describe('parseTagList', () => {
  it.each([
    ['VIP', ['VIP']],
    ['VIP,老客', ['VIP', '老客']],
    ['VIP，老客、生日礼;团购；会员/学生|员工', ['VIP', '老客', '生日礼', '团购', '会员', '学生', '员工']],
    ['VIP／老客｜学生', ['VIP', '老客', '学生']],
    [' VIP , , 老客 ,', ['VIP', '老客']],
    ['VIP\n老客', ['VIP', '老客']],
    ['VIP, vip, Vip, 老客, 老客', ['VIP', '老客']],
    ['vip, VIP', ['vip']],
    ['Birthday gift', ['Birthday gift']],
    ['𠮷'.repeat(20), ['𠮷'.repeat(20)]],
    ['', []],
    [' ，、 ', []],
  ])('%j → %j', (raw, tags) => {
    expect(parseTagList(raw)).toEqual({ ok: true, value: tags });
  });

  it.each(['a'.repeat(21), 'VIP, ' + '很'.repeat(21), 'VIP\u0000', 'a\tb', 'VIP\u200b'])('%j is refused', (raw) => {
    expect(parseTagList(raw)).toEqual(refused('tagInvalid'));
  });
});

describe('importReasons', () => {
  it('lists every reason once, without the i18n prefix', () => {
    expect(new Set(importReasons).size).toBe(importReasons.length);
    for (const reason of importReasons) expect(reason).toMatch(/^[a-z][a-zA-Z]+$/);
  });

  it('property: no parser throws, and every refusal names a listed reason', () => {
    const reasons = new Set<string>(importReasons);
    const parsers = [
      parseImportPhone,
      parseImportDate,
      parseGender,
      parseMoneyFen,
      parsePoints,
      parseTagList,
      (s: string) => cleanText(s, 10),
    ];
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (raw) => {
        for (const parse of parsers) {
          const result = parse(raw);
          if (!result.ok) expect(reasons.has(result.reason)).toBe(true);
        }
      }),
    );
    fc.assert(
      fc.property(fc.double(), (serial) => {
        const result = excelSerialToDate(serial);
        if (!result.ok) expect(result.reason).toBe('dateImpossible');
      }),
    );
  });
});
