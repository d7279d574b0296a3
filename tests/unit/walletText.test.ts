import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { TFunction } from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { describeEvent } from '../../renderer/features/members/events.js';
import { en } from '../../renderer/i18n/en.js';
import { zh } from '../../renderer/i18n/zh.js';
import { translators } from './translators.js';

let tZh: TFunction;
let tEn: TFunction;

beforeAll(async () => {
  ({ zh: tZh, en: tEn } = await translators());
});

/** The value at a dotted key, or undefined. */
function at(resources: unknown, key: string): unknown {
  return key
    .split('.')
    .reduce<unknown>((o, k) => (o && typeof o === 'object' ? (o as Record<string, unknown>)[k] : undefined), resources);
}

const sources = [
  ...readdirSync('electron/services/wallet').map((f) => join('electron/services/wallet', f)),
  'electron/services/purchases/record.ts',
  'electron/services/purchases/refund.ts',
  'shared/contract/wallet.ts',
];

describe('stored-value words', () => {
  it('has a Chinese and an English message for every error key the stored-value code raises', () => {
    const keys = new Set<string>();
    for (const f of sources)
      for (const m of readFileSync(f, 'utf8').matchAll(/'(errors\.[A-Za-z.]+)'/g)) keys.add(m[1]!);
    expect(keys.size).toBeGreaterThan(15);
    for (const k of keys) {
      expect(typeof at(zh, k), `zh ${k}`).toBe('string');
      expect(typeof at(en, k), `en ${k}`).toBe('string');
    }
  });

  it('tells why an erasure waits, naming only what the member still holds', () => {
    const why = (t: TFunction, key: string, count: number) => t(`errors.wallet.${key}`, { balance: '12.30', count });
    expect(why(tZh, 'eraseHoldsBalance', 0)).toBe('这位会员还有储值余额 ¥12.30，请先退余额，再删除个人信息');
    expect(why(tZh, 'eraseHoldsCards', 2)).toBe('这位会员还有 2 张没用完的次卡，请先退卡，再删除个人信息');
    expect(why(tEn, 'eraseHoldsCards', 1)).toBe(
      'This member still has 1 count card with visits left: refund it first, then erase',
    );
    expect(why(tEn, 'eraseHoldsBoth', 2)).toContain('¥12.30 of stored value and 2 count cards');
  });

  it('names every audit action the stored-value code writes', () => {
    const actions = new Set<string>();
    for (const f of sources)
      for (const m of readFileSync(f, 'utf8').matchAll(/action: '(wallet\.[A-Za-z]+)'/g)) actions.add(m[1]!);
    expect(actions.size).toBeGreaterThanOrEqual(6);
    for (const a of actions) {
      const k = `audit.actions.${a.replace('.', '_')}`;
      expect(typeof at(zh, k), `zh ${k}`).toBe('string');
      expect(typeof at(en, k), `en ${k}`).toBe('string');
    }
  });

  it('words the timeline lines with yuan amounts and the payment method’s name', () => {
    const line = (t: TFunction, kind: string, data: Record<string, unknown>) =>
      describeEvent(
        t,
        { id: 1, kind, body: '', data, staff: null, at: '2026-03-01T02:00:00.000Z' },
        new Map(),
        (d) => d,
      );
    const topup = { topupId: 7, paidFen: 100000, bonusFen: 10000, bonusPoints: 200, method: 'wechat' };
    expect(line(tZh, 'walletTopup', topup)).toBe('储值充值 ¥1000.00（微信支付），赠金 ¥100.00，赠积分 200');
    expect(line(tEn, 'walletTopup', topup)).toContain('¥1000.00');
    const payout = { payoutId: 3, principalFen: 75591, bonusFen: 7559, feeFen: 0, payoutFen: 75591, method: 'cash' };
    expect(line(tZh, 'walletPayout', payout)).toBe(
      '退余额 ¥755.91（现金）：本金 ¥755.91，手续费 ¥0.00，赠金 ¥75.59 作废',
    );
    expect(
      line(tZh, 'walletTopupVoided', { topupId: 7, entryId: 9, paidFen: 100000, bonusFen: 10000, points: 200 }),
    ).toBe('作废充值 #7：扣回本金 ¥1000.00、赠金 ¥100.00、积分 200');
    expect(line(tZh, 'walletAdjusted', { entryId: 4, principalFen: -500, bonusFen: 300 })).toBe(
      '手工调整储值：本金 -5.00 元，赠金 3.00 元',
    );
    expect(line(tZh, 'walletReversed', { entryId: 5, reversed: 4, principalFen: 500, bonusFen: -300 })).toBe(
      '冲正储值调整 #4：本金 5.00 元，赠金 -3.00 元',
    );
    for (const kind of ['walletTopup', 'walletTopupVoided', 'walletPayout', 'walletAdjusted', 'walletReversed'])
      expect(line(tEn, kind, {}), kind).not.toBe(kind);
  });
});
