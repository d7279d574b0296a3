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
  private latestSeen = 0;

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
    if (latest) this.latestSeen = new Date(latest).getTime();
    if (latest && this.latestSeen - now.getTime() > clockBehindToleranceMs)
      this.clockBehind = { latestSeen: latest, now: now.toISOString() };
    await setMeta(db, { device_id: this.device.id, device_name: this.device.name });
    await this.touch(db, true);
  }

  /**
   * Remembers the latest time seen (at most once a minute) so a clock that jumps back is noticed,
   * at the next start or while the app runs. While the clock is held the bad time is not recorded.
   */
  async touch(db: Kysely<DB>, force = false): Promise<void> {
    const now = this.clock.now();
    if (!this.clockBehind && this.latestSeen - now.getTime() > clockBehindToleranceMs)
      this.clockBehind = { latestSeen: new Date(this.latestSeen).toISOString(), now: now.toISOString() };
    if (!force && Math.abs(now.getTime() - this.lastTouch) < 60_000) return;
    this.lastTouch = now.getTime();
    const values: Record<string, string> = { last_active_at: now.toISOString() };
    if (!this.clockBehind && now.getTime() > this.latestSeen) {
      values.latest_time_seen = now.toISOString();
      this.latestSeen = now.getTime();
    }
    await setMeta(db, values);
  }

  /** Time-based work (expiry, SLA, check-in days) calls this first. */
  requireTrustedClock(): void {
    if (this.clockBehind) throw appError('CLOCK_HELD', 'errors.app.clockHeld');
  }

  async confirmClock(db: Kysely<DB>): Promise<void> {
    this.clockBehind = undefined;
    // The owner says this time is right: it becomes the latest seen, even though it is earlier.
    const now = this.clock.now();
    this.latestSeen = now.getTime();
    this.lastTouch = now.getTime();
    await setMeta(db, { last_active_at: now.toISOString(), latest_time_seen: now.toISOString() });
  }
}
