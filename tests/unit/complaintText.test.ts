import type { TFunction } from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  categoryName,
  compensationText,
  dateTimeText,
  dueAtText,
  dueState,
  dueText,
  rewardWorthFen,
  shopDayEndingAt,
  splitDuration,
  yuan,
} from '../../renderer/features/complaints/complaintText.js';
import { describeEvent } from '../../renderer/features/members/events.js';
import { translators } from './translators.js';

let tZh: TFunction;
let tEn: TFunction;

beforeAll(async () => {
  ({ zh: tZh, en: tEn } = await translators());
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

describe('due times as dates', () => {
  const shanghai = { timeZone: 'Asia/Shanghai', dayStartHour: 0, nowMs: Date.parse('2026-12-01T02:00:00Z') };
  const zh = { ...shanghai, language: 'zh' };
  const en = { ...shanghai, language: 'en' };
  // The end of shop day 2 Dec in Shanghai: 3 Dec 00:00 local.
  const endOf2Dec = '2026-12-02T16:00:00.000Z';

  it('reads a shop day’s end as the end of that day, not midnight of the next', () => {
    expect(shopDayEndingAt(endOf2Dec, 'Asia/Shanghai', 0)).toBe('2026-12-02');
    expect(dueAtText(tZh, endOf2Dec, zh, 'short')).toBe('12月2日 营业结束');
    expect(dueAtText(tEn, endOf2Dec, en, 'short')).toBe('end of 2 Dec');
    expect(dueAtText(tZh, endOf2Dec, zh)).toBe('2026年12月2日 营业结束');
    expect(dueAtText(tEn, endOf2Dec, en)).toBe('end of 2 Dec 2026');
  });

  it('follows the shop’s day-start hour and time zone', () => {
    // A shop whose day starts at 04:00: shop day 2 Dec ends 3 Dec 04:00 local.
    const late = { ...zh, dayStartHour: 4 };
    expect(dueAtText(tZh, '2026-12-02T20:00:00.000Z', late, 'short')).toBe('12月2日 营业结束');
    // Midnight is then an ordinary time of the night, shown as such.
    expect(dueAtText(tZh, endOf2Dec, late, 'short')).toBe('12月3日 00:00');
    // Across a month and a year boundary, in another zone.
    const london = { ...en, timeZone: 'Europe/London', nowMs: Date.parse('2026-12-31T12:00:00Z') };
    expect(shopDayEndingAt('2027-01-01T00:00:00.000Z', 'Europe/London', 0)).toBe('2026-12-31');
    expect(dueAtText(tEn, '2027-01-01T00:00:00.000Z', london, 'short')).toBe('end of 31 Dec');
    expect(dueAtText(tEn, '2027-02-01T00:00:00.000Z', london, 'short')).toBe('end of 31 Jan 2027');
  });

  it('shows any other due time as a date and time, the year only when it is not this year in a list', () => {
    const at = '2026-12-02T02:05:00.000Z'; // 10:05 in Shanghai
    expect(shopDayEndingAt(at, 'Asia/Shanghai', 0)).toBeNull();
    expect(shopDayEndingAt('2026-12-02T16:00:30.000Z', 'Asia/Shanghai', 0)).toBeNull();
    expect(dueAtText(tZh, at, zh, 'short')).toBe('12月2日 10:05');
    expect(dueAtText(tEn, at, en, 'short')).toBe('2 Dec, 10:05');
    expect(dueAtText(tZh, at, zh)).toBe('2026年12月2日 10:05');
    expect(dateTimeText(at, { ...en, nowMs: Date.parse('2027-03-01T00:00:00Z') }, 'short')).toBe('2 Dec 2026, 10:05');
  });
});

describe('timeline lines', () => {
  const day = (ymd: string) => `<${ymd}>`;
  const event = (kind: string, data: Record<string, unknown>, body = '') => ({
    id: 1,
    kind,
    body,
    data,
    staff: null,
    at: '2026-12-02T02:00:00.000Z',
  });

  it('formats a follow-up’s due day with the app’s day format', () => {
    const e = event('followupCreated', { followupId: 3, reason: 'complaint', dueOn: '2026-12-05' });
    expect(describeEvent(tZh, e, new Map(), day)).toBe('新建回访（投诉解决后），<2026-12-05> 到期');
  });

  it('names a close with its score; the comment stays the body', () => {
    const e = event('complaintClosed', { complaintId: 1, score: 4 }, '处理得很快');
    expect(describeEvent(tZh, e, new Map(), day)).toBe('投诉 #1 结案，满意度 4 分');
    expect(describeEvent(tEn, event('complaintClosed', { complaintId: 1, score: null }), new Map(), day)).toBe(
      'Complaint #1 closed',
    );
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
