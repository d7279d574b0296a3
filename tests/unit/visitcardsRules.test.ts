import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { enVisitcardsAudit, enVisitcardsErrors, enVisitcardsEvents } from '../../renderer/i18n/en.visitcards.js';
import { zhVisitcardsAudit, zhVisitcardsErrors, zhVisitcardsEvents } from '../../renderer/i18n/zh.visitcards.js';
import { businessDay } from '../../shared/rules/businessDay.js';
import { addDays } from '../../shared/rules/earning.js';
import {
  cardState,
  expiresOn,
  isExpired,
  isWeekend,
  usableOn,
  weekdayOf,
  type CardTerms,
} from '../../shared/rules/visitcards.js';

const zone = 'Asia/Shanghai';
/** The shop day of an instant, for a shop in Shanghai opening at `hour`. */
const day = (iso: string, hour = 0) => businessDay(iso, zone, hour);
const card = (extra: Partial<CardTerms> = {}): CardTerms => ({
  refunded: false,
  usesLeft: 5,
  expiresOn: null,
  weekdaysOnly: false,
  perDayLimit: null,
  ...extra,
});

describe('expiresOn', () => {
  it('counts N days after the sale day, the sale day itself usable too', () => {
    expect(expiresOn({ kind: 'days', days: 30 }, '2026-03-01')).toBe('2026-03-31');
    expect(expiresOn({ kind: 'days', days: 1 }, '2026-03-01')).toBe('2026-03-02');
  });

  it('crosses month and year ends', () => {
    expect(expiresOn({ kind: 'days', days: 1 }, '2026-01-31')).toBe('2026-02-01');
    expect(expiresOn({ kind: 'days', days: 1 }, '2026-12-31')).toBe('2027-01-01');
    expect(expiresOn({ kind: 'days', days: 365 }, '2026-01-01')).toBe('2027-01-01');
  });

  it('knows 29 February', () => {
    expect(expiresOn({ kind: 'days', days: 1 }, '2028-02-28')).toBe('2028-02-29');
    expect(expiresOn({ kind: 'days', days: 1 }, '2027-02-28')).toBe('2027-03-01');
    expect(expiresOn({ kind: 'days', days: 365 }, '2028-02-29')).toBe('2029-02-28');
    expect(expiresOn({ kind: 'days', days: 366 }, '2028-02-29')).toBe('2029-03-01');
  });

  it('keeps a fixed end date, and none for no end', () => {
    expect(expiresOn({ kind: 'until', until: '2026-06-30' }, '2026-03-01')).toBe('2026-06-30');
    expect(expiresOn({ kind: 'none' }, '2026-03-01')).toBeNull();
  });

  it('property: a days card is usable exactly on the sale day and the N days after', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2090, 0, 1) }),
        fc.integer({ min: 1, max: 3650 }),
        (ms, days) => {
          const sold = new Date(ms).toISOString().slice(0, 10);
          const last = expiresOn({ kind: 'days', days }, sold);
          expect(isExpired(last, sold)).toBe(false);
          expect(isExpired(last, addDays(sold, days))).toBe(false);
          expect(isExpired(last, addDays(sold, days + 1))).toBe(true);
        },
      ),
    );
  });
});

describe('weekdayOf', () => {
  it('is the calendar weekday of the shop day', () => {
    expect(weekdayOf('2026-03-01')).toBe(0); // Sunday
    expect(weekdayOf('2026-03-02')).toBe(1);
    expect(weekdayOf('2026-03-06')).toBe(5);
    expect(weekdayOf('2026-03-07')).toBe(6);
    expect(weekdayOf('2028-02-29')).toBe(2); // a Tuesday
    expect(weekdayOf('2026-12-31')).toBe(4);
    expect(weekdayOf('2027-01-01')).toBe(5);
  });

  it('property: consecutive days step through the week', () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(1990, 0, 1), max: Date.UTC(2090, 0, 1) }), (ms) => {
        const d = new Date(ms).toISOString().slice(0, 10);
        expect(weekdayOf(addDays(d, 1))).toBe((weekdayOf(d) + 1) % 7);
        expect(weekdayOf(d)).toBe(new Date(ms).getUTCDay());
      }),
    );
  });
});

describe('usableOn at shop-day boundaries (Asia/Shanghai)', () => {
  const ending = card({ expiresOn: '2026-03-31' });

  it('is usable at 23:59 on the last day and expired at 00:01 the next', () => {
    // 23:59 Beijing time on 31 March is 15:59 UTC.
    expect(usableOn(ending, day('2026-03-31T15:59:00Z'), 0)).toBeNull();
    expect(usableOn(ending, day('2026-03-31T16:01:00Z'), 0)).toEqual({
      key: 'expired',
      params: { day: '2026-03-31' },
    });
  });

  it('with a day-start hour of 4, 03:59 still belongs to the last day and 04:00 does not', () => {
    // 03:59 Beijing time on 1 April is 19:59 UTC on 31 March.
    expect(usableOn(ending, day('2026-03-31T19:59:00Z', 4), 0)).toBeNull();
    expect(usableOn(ending, day('2026-03-31T20:00:00Z', 4), 0)?.key).toBe('expired');
    // Without the day-start hour the same instant is already April.
    expect(usableOn(ending, day('2026-03-31T19:59:00Z', 0), 0)?.key).toBe('expired');
  });

  it('across the year end and on 29 February', () => {
    const newYear = card({ expiresOn: '2026-12-31' });
    expect(usableOn(newYear, day('2026-12-31T15:59:00Z'), 0)).toBeNull();
    expect(usableOn(newYear, day('2026-12-31T16:01:00Z'), 0)?.key).toBe('expired');
    // 02:00 on New Year's morning is still New Year's Eve for a shop opening at 4.
    expect(usableOn(newYear, day('2026-12-31T18:00:00Z', 4), 0)).toBeNull();

    const leap = card({ expiresOn: expiresOn({ kind: 'days', days: 1 }, '2028-02-28') });
    expect(usableOn(leap, day('2028-02-29T15:59:00Z'), 0)).toBeNull();
    expect(usableOn(leap, day('2028-02-29T16:01:00Z'), 0)?.key).toBe('expired');
    expect(day('2028-02-29T16:01:00Z')).toBe('2028-03-01');
  });

  it('weekdays only: Friday 23:59 yes, Saturday 00:01 no, Monday 00:01 yes', () => {
    const weekdays = card({ weekdaysOnly: true });
    // Friday 6 March 2026, 23:59 Beijing time.
    expect(usableOn(weekdays, day('2026-03-06T15:59:00Z'), 0)).toBeNull();
    expect(usableOn(weekdays, day('2026-03-06T16:01:00Z'), 0)).toEqual({ key: 'weekdaysOnly' });
    // Sunday 23:59 no, Monday 00:01 yes.
    expect(usableOn(weekdays, day('2026-03-08T15:59:00Z'), 0)?.key).toBe('weekdaysOnly');
    expect(usableOn(weekdays, day('2026-03-08T16:01:00Z'), 0)).toBeNull();
  });

  it('weekdays only with a day-start hour of 4: Saturday 03:59 is still Friday, Monday 03:59 still Sunday', () => {
    const weekdays = card({ weekdaysOnly: true });
    expect(usableOn(weekdays, day('2026-03-06T19:59:00Z', 4), 0)).toBeNull();
    expect(usableOn(weekdays, day('2026-03-06T20:00:00Z', 4), 0)?.key).toBe('weekdaysOnly');
    expect(usableOn(weekdays, day('2026-03-08T19:59:00Z', 4), 0)?.key).toBe('weekdaysOnly');
    expect(usableOn(weekdays, day('2026-03-08T20:00:00Z', 4), 0)).toBeNull();
  });

  it('per-day limit counts the visits of the shop day', () => {
    const twice = card({ perDayLimit: 2 });
    expect(usableOn(twice, '2026-03-02', 0)).toBeNull();
    expect(usableOn(twice, '2026-03-02', 1)).toBeNull();
    expect(usableOn(twice, '2026-03-02', 2)).toEqual({ key: 'dailyLimit', params: { limit: 2 } });
    // Two visits at 23:00 and 23:59 fill the day; at 00:01 a new day starts, but at 03:00 in a
    // shop opening at 4 it is still the same one.
    const late = day('2026-03-02T15:59:00Z');
    expect(day('2026-03-02T15:00:00Z')).toBe(late);
    expect(day('2026-03-02T16:01:00Z')).not.toBe(late);
    expect(day('2026-03-02T19:00:00Z', 4)).toBe(late);
  });

  it('names the lasting reason first', () => {
    const all = { refunded: true, usesLeft: 0, expiresOn: '2026-01-01', weekdaysOnly: true, perDayLimit: 1 };
    const sat = '2026-03-07';
    expect(usableOn(all, sat, 5)?.key).toBe('refunded');
    expect(usableOn({ ...all, refunded: false }, sat, 5)?.key).toBe('usedUp');
    expect(usableOn({ ...all, refunded: false, usesLeft: 1 }, sat, 5)?.key).toBe('expired');
    expect(usableOn({ ...all, refunded: false, usesLeft: 1, expiresOn: null }, sat, 5)?.key).toBe('weekdaysOnly');
    expect(usableOn({ ...all, refunded: false, usesLeft: 1, expiresOn: null, weekdaysOnly: false }, sat, 5)?.key).toBe(
      'dailyLimit',
    );
    expect(isWeekend(sat)).toBe(true);
  });
});

describe('cardState', () => {
  it('refunded, used up, expired, else active — a weekend or the day limit does not end a card', () => {
    expect(cardState(card({ refunded: true, usesLeft: 0 }), '2026-03-02')).toBe('refunded');
    expect(cardState(card({ usesLeft: 0 }), '2026-03-02')).toBe('usedUp');
    expect(cardState(card({ expiresOn: '2026-03-01' }), '2026-03-02')).toBe('expired');
    expect(cardState(card({ expiresOn: '2026-03-02' }), '2026-03-02')).toBe('active');
    expect(cardState(card({ weekdaysOnly: true }), '2026-03-07')).toBe('active');
  });
});

describe('the words for what the count-card services say', () => {
  const dir = 'electron/services/visitcards';
  const source = readdirSync(dir)
    .map((f) => readFileSync(`${dir}/${f}`, 'utf8'))
    .join('\n');
  const used = (re: RegExp) => [...new Set([...source.matchAll(re)].map((m) => m[1]!))].sort();

  it('every error key thrown, and every reason usableOn gives, is worded in zh and en', () => {
    const keys = used(/'errors\.visitcards\.(\w+)'/g);
    const blocks = ['refunded', 'usedUp', 'expired', 'weekdaysOnly', 'dailyLimit'];
    for (const k of [...keys, ...blocks]) {
      expect(zhVisitcardsErrors.visitcards, k).toHaveProperty(k);
      expect(enVisitcardsErrors.visitcards, k).toHaveProperty(k);
    }
    expect(keys.length).toBeGreaterThan(10);
  });

  it('every timeline event and audit action written has its line', () => {
    const events = used(/addEvent\(\s*ctx,\s*[\w.]+,\s*'(\w+)'/g);
    expect(events).toEqual(['visitcardRefunded', 'visitcardSold', 'visitcardUseUndone', 'visitcardUsed']);
    for (const e of events) {
      expect(zhVisitcardsEvents).toHaveProperty(e);
      expect(enVisitcardsEvents).toHaveProperty(e);
    }
    const actions = used(/action: '(visitcards\.\w+)'/g).map((a) => a.replace('.', '_'));
    expect(actions).toEqual(['visitcards_productSaved', 'visitcards_refunded']);
    for (const a of actions) {
      expect(zhVisitcardsAudit).toHaveProperty(a);
      expect(enVisitcardsAudit).toHaveProperty(a);
    }
  });
});
