import type { Backend } from '../../backend.js';
import { businessDay } from '../../../shared/rules/businessDay.js';
import { runDailyPoints } from './daily.js';

/**
 * The daily points work (expiry, birthday bonuses) for the process hosts: soon after the database
 * opens, then whenever the business day has changed (checked every half minute, so a PC left on
 * overnight runs it once the new day starts). The work is idempotent, so a repeat costs a query.
 */
export function startPointsSchedule(backend: Backend): { stop(): Promise<void> } {
  let lastDay = '';
  let running: Promise<void> = Promise.resolve();
  const tick = () => {
    if (backend.currentState !== 'ready' || !backend.settings) {
      lastDay = '';
      return;
    }
    const s = backend.settings;
    const day = businessDay(backend.clock.now().toISOString(), s.timeZone, s.dayStartHour);
    if (day === lastDay) return;
    running = running
      .then(async () => {
        await runDailyPoints(backend);
        lastDay = day;
      })
      .catch((error: unknown) => backend.log.error('points.daily', { error }));
  };
  const timer = setInterval(tick, 30_000);
  timer.unref();
  return {
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
