import i18next, { type TFunction } from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  categoryName,
  compensationText,
  dueState,
  dueText,
  rewardWorthFen,
  splitDuration,
  yuan,
} from '../../renderer/features/complaints/complaintText.js';
import { en } from '../../renderer/i18n/en.js';
import { zh } from '../../renderer/i18n/zh.js';

let tZh: TFunction;
let tEn: TFunction;

beforeAll(async () => {
  const make = async (lng: 'zh' | 'en') => {
    const i = i18next.createInstance();
    await i.init({
      resources: { zh: { translation: zh }, en: { translation: en } },
      lng,
      fallbackLng: 'zh',
      interpolation: { escapeValue: false },
    });
    return i.t;
  };
  tZh = await make('zh');
  tEn = await make('en');
});

const minute = 60_000;
const hour = 60 * minute;

describe('categoryName', () => {
  it('translates a built-in category until the shop renames it', () => {
    expect(categoryName({ key: 'quality', name: null }, tZh)).toBe('商品质量');
    expect(categoryName({ key: 'quality', name: null }, tEn)).toBe('Product quality');
    expect(categoryName({ key: 'quality', name: '质量问题' }, tEn)).toBe('质量问题');
    expect(categoryName({ key: null, name: '停车' }, tZh)).toBe('停车');
  });
});

describe('due times', () => {
  const due = '2026-03-01T10:00:00.000Z';
  const dueMs = Date.parse(due);

  it('splits a span into whole days, hours and minutes', () => {
    expect(splitDuration(0)).toEqual({ d: 0, h: 0, m: 0 });
    expect(splitDuration(59_999)).toEqual({ d: 0, h: 0, m: 0 });
    expect(splitDuration(26 * hour + 5 * minute)).toEqual({ d: 1, h: 2, m: 5 });
    expect(splitDuration(-(90 * minute))).toEqual({ d: 0, h: 1, m: 30 });
  });

  it('counts down before the due time and up after it while the complaint is open', () => {
    expect(dueState(due, null, true, dueMs - 3 * hour)).toEqual({ state: 'left', ms: 3 * hour });
    expect(dueState(due, null, true, dueMs + 25 * hour)).toEqual({ state: 'over', ms: 25 * hour });
    expect(dueText(tZh, dueState(due, null, true, dueMs - 3 * hour))).toBe('还剩 3 小时 0 分');
    expect(dueText(tZh, dueState(due, null, true, dueMs + 25 * hour))).toBe('已超时 1 天 1 小时');
    expect(dueText(tEn, dueState(due, null, true, dueMs + 12 * minute))).toBe('12 min overdue');
  });

  it('says whether a met target was met in time, whatever the time now', () => {
    expect(dueState(due, '2026-03-01T09:59:00.000Z', false, dueMs + 100 * hour)).toEqual({ state: 'met' });
    expect(dueState(due, due, true, dueMs)).toEqual({ state: 'met' });
    const late = dueState(due, '2026-03-01T12:30:00.000Z', false, dueMs);
    expect(late).toEqual({ state: 'late', ms: 150 * minute });
    expect(dueText(tZh, late)).toBe('超时 2 小时 30 分 完成');
  });

  it('says nothing of a target left unmet by a complaint no longer worked on', () => {
    expect(dueState(due, null, false, dueMs + hour)).toEqual({ state: 'none' });
    expect(dueText(tZh, { state: 'none' })).toBe('');
  });
});

describe('compensation', () => {
  it('is worded per kind, amounts in yuan without empty decimals', () => {
    expect(compensationText(tZh, { kind: 'points', points: 200 })).toBe('补偿 200 积分');
    expect(compensationText(tZh, { kind: 'coupon', reward: '20元代金券' })).toBe('补偿「20元代金券」');
    expect(compensationText(tZh, { kind: 'refund', amountFen: 5000 })).toBe('退款 ¥50');
    expect(compensationText(tEn, { kind: 'refund', amountFen: 1250 })).toBe('¥12.50 refunded');
    expect(compensationText(tEn, { kind: 'apology' })).toBe('apology only');
  });

  it('values a reward at its face value, else at its points cost', () => {
    expect(rewardWorthFen({ valueFen: 2000, pointsCost: 500 }, 1)).toBe(2000);
    expect(rewardWorthFen({ valueFen: null, pointsCost: 500 }, 2)).toBe(1000);
    expect(yuan(50_000)).toBe('500');
    expect(yuan(5)).toBe('0.05');
  });
});

describe('complaint errors', () => {
  it('name the status and the refused action in the user’s language', () => {
    const params = { from: 'closed', action: 'start' };
    expect(tZh('errors.complaints.illegalMove', params)).toBe('投诉现在是「已结案」，不能开始处理');
    expect(tEn('errors.complaints.illegalMove', params)).toBe('The complaint is “Closed”: “Start” is not possible');
  });
});
