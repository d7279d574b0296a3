import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import type { AppStatus } from '../../shared/domain.js';
import { appError } from '../../shared/errors.js';
import { getMeta, setMeta } from '../services/meta.js';
import { clockBehindToleranceMs, type Clock } from './clock.js';
import type { Device } from './device.js';

/**
 * Two things a shop PC gets wrong: a restored backup running on a second PC (the data forks) and a
 * clock that jumped back (a dead mainboard battery). Both are noticed when the database opens and
 * shown until someone acknowledges them; time-based work waits while the clock is in doubt.
 */
export class DeviceClockGuard {
  otherDevice: AppStatus['otherDevice'];
  clockBehind: AppStatus['clockBehind'];
  private lastTouch = 0;

  constructor(
    private readonly clock: Clock,
    private readonly device: Device,
  ) {}

  async check(db: Kysely<DB>): Promise<void> {
    const now = this.clock.now();
    const [deviceId, deviceName, lastActive, latest] = await Promise.all(
      ['device_id', 'device_name', 'last_active_at', 'latest_time_seen'].map((k) => getMeta(db, k)),
    );
    if (deviceId && deviceId !== this.device.id)
      this.otherDevice = { deviceName: deviceName ?? '', lastActiveAt: lastActive ?? '' };
    if (latest && new Date(latest).getTime() - now.getTime() > clockBehindToleranceMs)
      this.clockBehind = { latestSeen: latest, now: now.toISOString() };
    await setMeta(db, { device_id: this.device.id, device_name: this.device.name });
    await this.touch(db, true);
  }

  /**
   * Remembers the latest time seen (at most once a minute) so a clock that jumps back is noticed.
   * While the clock is held the bad time is not recorded.
   */
  async touch(db: Kysely<DB>, force = false): Promise<void> {
    const now = this.clock.now();
    if (!force && Math.abs(now.getTime() - this.lastTouch) < 60_000) return;
    this.lastTouch = now.getTime();
    const values: Record<string, string> = { last_active_at: now.toISOString() };
    if (!this.clockBehind) values.latest_time_seen = now.toISOString();
    await setMeta(db, values);
  }

  /** Time-based work (expiry, SLA, check-in days) calls this first. */
  requireTrustedClock(): void {
    if (this.clockBehind) throw appError('CLOCK_HELD', 'errors.app.clockHeld');
  }

  async confirmClock(db: Kysely<DB>): Promise<void> {
    this.clockBehind = undefined;
    await this.touch(db, true);
  }
}
