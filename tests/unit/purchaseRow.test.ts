import { describe, expect, it } from 'vitest';
import { matchPurchaseHeaders, parsePaymentMethod } from '../../shared/io/purchaseFields.js';
import { parsePurchaseTime, purchaseColumnsOf, readPurchaseRow } from '../../shared/io/purchaseRow.js';

const shop = { timeZone: 'Asia/Shanghai', dayStartHour: 0, nowIso: '2026-03-01T02:00:00.000Z' };

describe('purchases file rows', () => {
  it('matches a till’s headers and Liuke’s own export headers', () => {
    expect(matchPurchaseHeaders(['手机号码', '实收金额', '交易时间', '单号', '付款方式', '备注'])).toEqual([
      'phone',
      'amount',
      'time',
      'receiptNo',
      'paymentMethod',
      null,
    ]);
    expect(matchPurchaseHeaders(['Member no', 'Name', 'Amount', 'Refunded', 'Time', 'Points earned'])).toEqual([
      'memberNo',
      null,
      'amount',
      null,
      'time',
      'pointsEarned',
    ]);
  });

  it('reads times as the shop’s wall clock; a date alone is noon of that business day', () => {
    expect(parsePurchaseTime('2026-01-31 23:59', shop)).toEqual({
      ok: true,
      at: '2026-01-31T15:59:00.000Z',
      day: '2026-01-31',
    });
    expect(parsePurchaseTime('2026/2/1 0:01:30', shop)).toMatchObject({
      at: '2026-01-31T16:01:30.000Z',
      day: '2026-02-01',
    });
    expect(parsePurchaseTime('2026年2月1日', shop)).toMatchObject({
      at: '2026-02-01T04:00:00.000Z',
      day: '2026-02-01',
    });
    // A bar open past midnight books 01:30 on the day before.
    expect(parsePurchaseTime('2026-02-01 01:30', { ...shop, dayStartHour: 4 })).toMatchObject({ day: '2026-01-31' });
    expect(parsePurchaseTime('2026-02-01 25:00', shop)).toMatchObject({ ok: false });
    expect(parsePurchaseTime('01/02/2026', shop)).toEqual({ ok: false, reason: 'dateFormat' });
    expect(parsePurchaseTime('2026-03-02', shop)).toEqual({ ok: false, reason: 'timeInFuture' });
  });

  it('knows payment methods in both languages and refuses what it does not know', () => {
    expect(parsePaymentMethod('微信')).toBe('wechat');
    expect(parsePaymentMethod('WeChat Pay')).toBe('wechat');
    expect(parsePaymentMethod('支付宝')).toBe('alipay');
    expect(parsePaymentMethod(' 刷卡 ')).toBe('card');
    expect(parsePaymentMethod('美团')).toBeNull();
  });

  it('reads a row into integer fen and points, and refuses with the field that is wrong', () => {
    const cols = purchaseColumnsOf(['phone', 'memberNo', 'amount', 'time', 'paymentMethod', 'pointsEarned']);
    const read = (cells: string[]) => readPurchaseRow(cells, cols, shop);
    expect(read(['138 0013 8000', '', '¥268.28', '2026-02-01 10:00', '现金', '268'])).toEqual({
      ok: true,
      row: {
        phone: '+8613800138000',
        memberNo: null,
        amountFen: 26828,
        at: '2026-02-01T02:00:00.000Z',
        day: '2026-02-01',
        receiptNo: '',
        category: '',
        items: '',
        paymentMethod: 'cash',
        pointsEarned: 268,
      },
    });
    expect(read(['', 'm000001', '1', '2026-02-01', '', ''])).toMatchObject({
      ok: true,
      row: { memberNo: 'M000001', paymentMethod: 'other', pointsEarned: null },
    });
    expect(read(['', '', '1', '2026-02-01', '', ''])).toEqual({ ok: false, reason: 'memberMissing', field: 'phone' });
    expect(read(['13800138000', '', '0', '2026-02-01', '', ''])).toMatchObject({
      reason: 'amountZero',
      field: 'amount',
    });
    expect(read(['13800138000', '', '1.5E+3', '2026-02-01', '', ''])).toMatchObject({ field: 'amount' });
    expect(read(['13800138000', '', '1', '', '', ''])).toMatchObject({ reason: 'timeMissing', field: 'time' });
    expect(read(['13800138000', '', '1', '2026-02-01', '', '1.5'])).toMatchObject({
      reason: 'pointsFraction',
      field: 'pointsEarned',
    });
  });
});
