import { readFileSync } from 'node:fs';
import type { TFunction } from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { describeEvent } from '../../renderer/features/members/events.js';
import { translators } from './translators.js';

let tZh: TFunction;
let tEn: TFunction;

beforeAll(async () => {
  ({ zh: tZh, en: tEn } = await translators());
});

/** The words of the count-card screens and timeline lines, in both languages. */
describe('count-card words', () => {
  it('agree with the number in English: 1 visit, 2 visits, 1 day', () => {
    expect(tEn('visitcards.sell.usesValue', { count: 1 })).toBe('1 visit');
    expect(tEn('visitcards.sell.usesValue', { count: 2 })).toBe('2 visits');
    expect(tEn('visitcards.card.usesLeft', { left: 0, count: 1 })).toBe('0 of 1 visit left');
    expect(tEn('visitcards.card.usesLeft', { left: 9, count: 10 })).toBe('9 of 10 visits left');
    expect(tEn('visitcards.card.refundedUses', { count: 1 })).toBe('1 visit refunded');
    expect(tEn('visitcards.card.refundedUses', { count: 9 })).toBe('9 visits refunded');
    expect(tEn('visitcards.validity.days', { count: 1 })).toBe('1 day from sale');
    expect(tEn('visitcards.expiring.daysLeft', { count: 1 })).toBe('1 day left');
    expect(tEn('visitcards.sell.done', { name: 'A', count: 1 })).toBe('Sold "A", 1 visit');
    expect(tZh('visitcards.sell.usesValue', { count: 1 })).toBe('1 次');
    expect(tZh('visitcards.card.refundedUses', { count: 9 })).toBe('已退 9 次');
    expect(tZh('visitcards.card.usesLeft', { left: 9, count: 10 })).toBe('剩余 9 / 10 次');
    expect(tZh('visitcards.expiring.daysLeft', { count: 5 })).toBe('还剩 5 天');
    expect(tZh('visitcards.validity.days', { count: 90 })).toBe('售出后 90 天内有效');
  });

  it('use straight quotes and apostrophes in English (curly ones render wide in the CJK font)', () => {
    for (const f of ['renderer/i18n/en.visitcardsPages.ts', 'renderer/i18n/en.visitcards.ts'])
      expect(readFileSync(f, 'utf8'), f).not.toMatch(/[‘’“”]/);
  });

  it('show money on the timeline with the yuan sign', () => {
    const line = (t: TFunction, kind: string, data: Record<string, unknown>) =>
      describeEvent(
        t,
        { id: 1, kind, body: '', data, staff: null, at: '2026-03-01T02:00:00.000Z' },
        new Map(),
        (d) => d,
      );
    const sold = { cardId: 1, name: '洗车10次卡', uses: 10, priceFen: 30000, method: 'wechat' };
    expect(line(tZh, 'visitcardSold', sold)).toBe('购买次卡「洗车10次卡」10 次，¥300.00（微信支付）');
    expect(line(tEn, 'visitcardSold', sold)).toContain('for ¥300.00 (WeChat Pay)');
    const refunded = { cardId: 1, name: '洗车10次卡', unused: 9, refundFen: 24300, feeFen: 2700, method: 'cash' };
    expect(line(tZh, 'visitcardRefunded', refunded)).toBe(
      '次卡「洗车10次卡」退卡：未使用 9 次，退款 ¥243.00（现金），手续费 ¥27.00',
    );
    expect(line(tEn, 'visitcardRefunded', refunded)).toBe(
      'Count card "洗车10次卡" refunded (9 unused): ¥243.00 back (Cash), fee ¥27.00',
    );
  });
});
