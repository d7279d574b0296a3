import type { Backend } from '../../backend.js';
import { businessDay } from '../../../shared/rules/businessDay.js';
import { runDailyPoints } from './daily.js';

/**
 * The daily work (expiry, tier reviews, birthday bonuses) for the process hosts: within a second of
 * the database opening, then whenever the business day has changed (checked every second — a date
 * computation — so a PC left on overnight runs it as the new day starts). One run at a time; the
 * work is idempotent, so a repeat costs a query.
 */
export function startPointsSchedule(backend: Backend): { stop(): Promise<void> } {
  let lastDay = '';
  let running: Promise<void> = Promise.resolve();
  let busy = false;
  const tick = () => {
    if (backend.currentState !== 'ready' || !backend.settings) {
      lastDay = '';
      return;
    }
    const s = backend.settings;
    const day = businessDay(backend.clock.now().toISOString(), s.timeZone, s.dayStartHour);
    if (day === lastDay || busy) return;
    busy = true;
    running = runDailyPoints(backend)
      // Refused while the clock is in doubt: tried again once the owner confirms the time.
      .then((done) => void (done && (lastDay = day)))
      .catch((error: unknown) => backend.log.error('points.daily', { error }))
      .finally(() => (busy = false));
  };
  const timer = setInterval(tick, 1000);
  timer.unref();
  return {
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
