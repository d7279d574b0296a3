import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { businessDay, isCalendarDate, isValidTimeZone } from '../../shared/rules/businessDay.js';

describe('businessDay', () => {
  it('is the calendar date in the shop time zone', () => {
    expect(businessDay('2026-03-01T15:59:00Z', 'Asia/Shanghai')).toBe('2026-03-01');
    expect(businessDay('2026-03-01T16:00:00Z', 'Asia/Shanghai')).toBe('2026-03-02');
    expect(businessDay('2026-03-01T16:00:00Z', 'UTC')).toBe('2026-03-01');
    expect(businessDay('2026-03-01T03:00:00Z', 'America/New_York')).toBe('2026-02-28');
  });

  it('books the small hours on the previous day when the day starts later', () => {
    // 01:30 in Shanghai on 2 March.
    expect(businessDay('2026-03-01T17:30:00Z', 'Asia/Shanghai', 4)).toBe('2026-03-01');
    // 03:59 still the previous day, 04:00 the new one.
    expect(businessDay('2026-03-01T19:59:00Z', 'Asia/Shanghai', 4)).toBe('2026-03-01');
    expect(businessDay('2026-03-01T20:00:00Z', 'Asia/Shanghai', 4)).toBe('2026-03-02');
    expect(businessDay('2026-03-01T17:30:00Z', 'Asia/Shanghai', 0)).toBe('2026-03-02');
  });

  it('crosses month and year ends', () => {
    expect(businessDay('2025-12-31T16:00:00Z', 'Asia/Shanghai')).toBe('2026-01-01');
    expect(businessDay('2025-12-31T17:00:00Z', 'Asia/Shanghai', 2)).toBe('2025-12-31');
  });

  it('property: with day-start hour 0, Shanghai is UTC shifted by eight hours', () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2099, 11, 31) }), (ms) => {
        const iso = new Date(ms).toISOString();
        expect(businessDay(iso, 'Asia/Shanghai')).toBe(new Date(ms + 8 * 3600_000).toISOString().slice(0, 10));
      }),
    );
  });
});

describe('isCalendarDate', () => {
  it.each(['2024-02-29', '2026-03-01', '2000-02-29', '1999-12-31'])('accepts %s', (d) => {
    expect(isCalendarDate(d)).toBe(true);
  });

  it.each(['2023-02-29', '1900-02-29', '2026-13-01', '2026-04-31', '2026-00-10', '2026-1-1', '20260301', '', 'x'])(
    'rejects %s',
    (d) => {
      expect(isCalendarDate(d)).toBe(false);
    },
  );
});

describe('isValidTimeZone', () => {
  it.each(['Asia/Shanghai', 'Asia/Hong_Kong', 'UTC', 'America/New_York'])('accepts %s', (tz) => {
    expect(isValidTimeZone(tz)).toBe(true);
  });

  it.each(['Mars/Olympus', 'Asia/Beijing', 'not a zone'])('rejects %s', (tz) => {
    expect(isValidTimeZone(tz)).toBe(false);
  });
});
