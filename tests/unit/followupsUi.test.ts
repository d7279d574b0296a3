import type { TFunction } from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { durationParts, formatDuration } from '../../renderer/features/complaintReport/duration.js';
import { daysBefore, quickPeriods } from '../../renderer/ui/period.js';
import { describeFilter } from '../../renderer/features/surveys/filterNote.js';
import { noFilters, type MemberFilters } from '../../renderer/features/members/listFilters.js';
import { en } from '../../renderer/i18n/en.js';
import { zh } from '../../renderer/i18n/zh.js';
import { translators } from './translators.js';

let tZh: TFunction;
let tEn: TFunction;

beforeAll(async () => {
  ({ zh: tZh, en: tEn } = await translators());
});

describe('durationParts', () => {
  it('keeps minutes under an hour, hours and minutes under a day, days and rounded hours beyond', () => {
    expect(durationParts(0)).toEqual({ days: 0, hours: 0, minutes: 0 });
    expect(durationParts(45.4)).toEqual({ days: 0, hours: 0, minutes: 45 });
    expect(durationParts(59.6)).toEqual({ days: 0, hours: 1, minutes: 0 });
    expect(durationParts(135)).toEqual({ days: 0, hours: 2, minutes: 15 });
    expect(durationParts(24 * 60 - 1)).toEqual({ days: 0, hours: 23, minutes: 59 });
    expect(durationParts(24 * 60 + 3 * 60 + 29)).toEqual({ days: 1, hours: 3, minutes: 0 });
    expect(durationParts(24 * 60 + 3 * 60 + 31)).toEqual({ days: 1, hours: 4, minutes: 0 });
    // 47 h 40 min rounds to 48 h: two whole days, not "1 day 24 h".
    expect(durationParts(47 * 60 + 40)).toEqual({ days: 2, hours: 0, minutes: 0 });
    expect(durationParts(-5)).toEqual({ days: 0, hours: 0, minutes: 0 });
  });
});

describe('formatDuration', () => {
  it('reads as the shop says it, in Chinese and English', () => {
    expect(formatDuration(tZh, 135)).toBe('2小时15分');
    expect(formatDuration(tEn, 135)).toBe('2 h 15 min');
    expect(formatDuration(tZh, 120)).toBe('2小时');
    expect(formatDuration(tEn, 120)).toBe('2 h');
    expect(formatDuration(tZh, 27 * 60)).toBe('1天3小时');
    expect(formatDuration(tEn, 27 * 60)).toBe('1 day 3 h');
    expect(formatDuration(tEn, 51 * 60)).toBe('2 days 3 h');
    expect(formatDuration(tEn, 48 * 60)).toBe('2 days');
    expect(formatDuration(tZh, 48 * 60)).toBe('2天');
    expect(formatDuration(tZh, 40)).toBe('40分钟');
    expect(formatDuration(tEn, 40)).toBe('40 min');
  });

  it('shows a dash when there is nothing to average', () => {
    expect(formatDuration(tZh, null)).toBe('–');
  });
});

describe('report periods', () => {
  it('counts days on the calendar across month and year ends', () => {
    expect(daysBefore('2025-03-01', 1)).toBe('2025-02-28');
    expect(daysBefore('2024-03-01', 1)).toBe('2024-02-29');
    expect(daysBefore('2025-01-01', 1)).toBe('2024-12-31');
  });

  it('this month so far, the whole last month and the last 90 days including today', () => {
    expect(quickPeriods('2025-01-15')).toEqual({
      thisMonth: { from: '2025-01-01', to: '2025-01-15' },
      lastMonth: { from: '2024-12-01', to: '2024-12-31' },
      last90: { from: '2024-10-18', to: '2025-01-15' },
    });
    expect(quickPeriods('2024-03-31').lastMonth).toEqual({ from: '2024-02-01', to: '2024-02-29' });
  });
});

describe('describeFilter', () => {
  const f = (over: Partial<MemberFilters>): MemberFilters => ({ ...noFilters, ...over });

  it('says "all members" for no filter, whatever the order', () => {
    expect(describeFilter(tZh, f({ sort: 'name', direction: 'asc' }), null)).toBe('全部会员');
    expect(describeFilter(tEn, noFilters, null)).toBe('All members');
  });

  it('names every filter in use, translated', () => {
    const all = f({
      tagId: 3,
      source: 'referral',
      consent: 'sms',
      gender: 'female',
      birthdayMonth: 5,
      joinedFrom: '2024-01-01',
      joinedTo: '2024-06-30',
      notConfirmed: true,
    });
    expect(describeFilter(tZh, all, '老顾客')).toBe(
      `标签“老顾客”，来源：${zh.members.sources.referral}，同意接收短信，性别：女，5 月生日，2024-01-01 至 2024-06-30 入会，资料待确认`,
    );
    expect(describeFilter(tEn, all, '老顾客')).toBe(
      `tagged “老顾客”, source: ${en.members.sources.referral}, agreed to SMS, gender: Female, birthday in month 5, joined 2024-01-01 to 2024-06-30, details to confirm`,
    );
  });

  it('an open-ended join range, and a tag whose name is not known yet', () => {
    expect(describeFilter(tZh, f({ joinedFrom: '2024-01-01' }), null)).toBe('2024-01-01 起入会');
    expect(describeFilter(tEn, f({ joinedTo: '2024-06-30', tagId: 7 }), null)).toBe(
      'tagged “#7”, joined up to 2024-06-30',
    );
  });
});
