import type { Backend } from '../../backend.js';
import { businessDay } from '../../../shared/rules/businessDay.js';
import { grantBirthdayBonuses } from './birthday.js';
import { runExpiry } from './expiry.js';
import { runTierDay } from '../tiers/review.js';

/**
 * Once per business day: expire what is due, run tier reviews (manual tiers ending, 保级, upgrades
 * a changed threshold brings), then pay birthday bonuses at each member's tier. All are idempotent
 * and all wait while the clock is in doubt (the owner confirms the time first).
 */
export async function runDailyPoints(backend: Backend): Promise<{ expired: number; birthdays: number } | null> {
  if (backend.status().clockBehind) return null;
  const s = backend.settings!;
  const today = businessDay(backend.clock.now().toISOString(), s.timeZone, s.dayStartHour);
  const expired = await runExpiry(backend);
  await runTierDay(backend, today);
  const birthdays = await grantBirthdayBonuses(backend, today);
  return { expired: expired.points, birthdays };
}
