import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../electron/core/clock.js';
import { Sessions } from '../../electron/sessions.js';

const minute = 60_000;

function make(idleMinutes = 10) {
  const clock = new ManualClock('2026-03-01T02:00:00Z');
  let idle = idleMinutes;
  const sessions = new Sessions(clock, () => idle * minute);
  return { clock, sessions, setIdle: (m: number) => (idle = m) };
}

describe('Sessions', () => {
  it('finds the staff member behind a live token', () => {
    const { sessions } = make();
    const t = sessions.create(7);
    expect(t).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(sessions.use(t)).toEqual({ ok: true, staffId: 7 });
  });

  it('knows no missing or unknown token', () => {
    const { sessions } = make();
    expect(sessions.use(undefined)).toEqual({ ok: false, reason: 'none' });
    expect(sessions.use('')).toEqual({ ok: false, reason: 'none' });
    expect(sessions.use('forged')).toEqual({ ok: false, reason: 'none' });
  });

  it('expires after the idle time and forgets the token', () => {
    const { clock, sessions } = make();
    const t = sessions.create(1);
    clock.advance(10 * minute);
    expect(sessions.use(t)).toEqual({ ok: true, staffId: 1 });
    clock.advance(10 * minute + 1);
    expect(sessions.use(t)).toEqual({ ok: false, reason: 'expired' });
    expect(sessions.use(t)).toEqual({ ok: false, reason: 'none' });
  });

  it('counts each use as activity', () => {
    const { clock, sessions } = make();
    const t = sessions.create(1);
    for (let i = 0; i < 6; i++) {
      clock.advance(9 * minute);
      expect(sessions.use(t).ok).toBe(true);
    }
  });

  it('reads the idle time on every use, so a settings change applies at once', () => {
    const { clock, sessions, setIdle } = make(10);
    const t = sessions.create(1);
    clock.advance(6 * minute);
    setIdle(5);
    expect(sessions.use(t)).toEqual({ ok: false, reason: 'expired' });
  });

  it('ends one session, or every session of one person', () => {
    const { sessions } = make();
    const a1 = sessions.create(1);
    const a2 = sessions.create(1);
    const b = sessions.create(2);
    expect(a1).not.toBe(a2);
    sessions.end(a1);
    expect(sessions.use(a1).ok).toBe(false);
    expect(sessions.use(a2).ok).toBe(true);
    const a3 = sessions.create(1);
    sessions.endAllFor(1);
    expect(sessions.use(a2)).toEqual({ ok: false, reason: 'none' });
    expect(sessions.use(a3)).toEqual({ ok: false, reason: 'none' });
    expect(sessions.use(b)).toEqual({ ok: true, staffId: 2 });
    sessions.end(undefined);
    expect(sessions.use(b).ok).toBe(true);
  });
});
