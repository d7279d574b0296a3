import type { TFunction } from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { money, tillSlip } from '../../renderer/features/wallet/tillSlip.js';
import { fileNamePart } from '../../shared/io/walletFields.js';
import { emptySums, tillTotals } from '../../shared/rules/till.js';
import type { TillClose } from '../../shared/wallet.js';
import { translators } from './translators.js';

let tZh: TFunction;
let tEn: TFunction;

beforeAll(async () => {
  ({ zh: tZh, en: tEn } = await translators());
});

const dateTime = (iso: string) => iso.slice(11, 16);

function close(kind: 'shift' | 'day'): TillClose {
  const totals = tillTotals(
    '2026-03-02T01:00:00.000Z',
    '2026-03-02T09:00:00.000Z',
    [
      { kind: 'topup', staffId: 2, method: 'cash', count: 1, paidFen: 10_000, bonusFen: 0 },
      { kind: 'payout', staffId: 2, method: 'cash', count: 1, payoutFen: 80_000 },
    ],
    new Map([[2, '小王']]),
  );
  return {
    id: 7,
    kind,
    staffId: kind === 'shift' ? 2 : null,
    staffName: kind === 'shift' ? '小王' : null,
    day: '2026-03-02',
    closedByName: '小王',
    at: '2026-03-02T09:00:00.000Z',
    totals,
  };
}

describe('till money', () => {
  it('puts the sign before the currency', () => {
    expect(money(tZh, -70_000)).toBe('-¥700.00');
    expect(money(tEn, -5)).toBe('-¥0.05');
    expect(money(tZh, 0)).toBe('¥0.00');
    expect(money(tZh, 26_850)).toBe('¥268.50');
  });
});

describe('the handover and day-close slips', () => {
  it('name the takings as stored value and card takings, say ordinary sales are not on them, and end with signatures', () => {
    const shift = tillSlip(tZh, close('shift'), '留客洗车', dateTime);
    expect(shift.title).toBe('交班单');
    expect(shift.lines).toContainEqual({ label: '储值和次卡实收合计', value: '-¥700.00' });
    expect(shift.lines).toContainEqual({ label: '现金 · 储值/次卡实收', value: '-¥700.00' });
    expect(shift.lines).toContainEqual({ label: '现金 · 退款', value: '¥800.00 (1)' });
    expect(shift.signatures).toEqual(['交班人', '接班人']);
    expect(shift.footer).toContain('普通消费在收银台结算');

    const day = tillSlip(tZh, close('day'), '留客洗车', dateTime);
    expect(day.title).toBe('日结单');
    expect(day.signatures).toEqual(['日结人', '店主']);

    const en = tillSlip(tEn, close('day'), 'Liuke', dateTime);
    expect(en.lines).toContainEqual({ label: 'Stored value & card takings, total', value: '-¥700.00' });
    expect(en.signatures).toEqual(['Closed by', 'Owner']);
    expect(en.footer).toMatch(/ordinary sales are counted at the shop's till/);
    // Straight apostrophes only: the curly one renders wide in the CJK font.
    expect(JSON.stringify(en)).not.toContain('\u2019');
  });

  it('has only the signatures and the total for an empty shift', () => {
    const c = { ...close('shift'), totals: { ...close('shift').totals, lines: [], byMethod: [], total: emptySums() } };
    const s = tillSlip(tEn, c, 'Liuke', dateTime);
    expect(s.lines.map((l) => l.label)).toEqual([
      'Staff',
      'From',
      'To',
      'Stored value spent',
      'Stored value & card takings, total',
      'By',
      'Time',
    ]);
    expect(s.signatures).toEqual(['Handed over by', 'Taken over by']);
  });
});

describe('file name parts', () => {
  it('keeps a clerk name readable and strips what a file name cannot hold', () => {
    expect(fileNamePart('小王')).toBe('小王');
    expect(fileNamePart('a/b\\c: d*?')).toBe('a_b_c_d_');
    expect(fileNamePart('')).toBe('_');
  });
});
