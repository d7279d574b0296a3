import { randomBytes } from 'node:crypto';
import type { Clock } from './core/clock.js';

interface Session {
  staffId: number;
  lastSeen: number;
}

export type SessionLookup = { ok: true; staffId: number } | { ok: false; reason: 'none' | 'expired' };

/**
 * Signed-in staff, in memory: a restart signs everyone out, which is what a shop expects of a
 * till. Idle sessions expire after the shop's auto-lock time; the renderer locks its screen at the
 * same moment and keeps the page underneath.
 */
export class Sessions {
  private readonly byToken = new Map<string, Session>();
  constructor(
    private readonly clock: Clock,
    private readonly idleMs: () => number,
  ) {}

  create(staffId: number): string {
    const token = randomBytes(32).toString('base64url');
    this.byToken.set(token, { staffId, lastSeen: this.clock.now().getTime() });
    return token;
  }

  /** Looks a token up and, when it is live, counts this call as activity. */
  use(token: string | undefined): SessionLookup {
    if (!token) return { ok: false, reason: 'none' };
    const s = this.byToken.get(token);
    if (!s) return { ok: false, reason: 'none' };
    const now = this.clock.now().getTime();
    if (now - s.lastSeen > this.idleMs()) {
      this.byToken.delete(token);
      return { ok: false, reason: 'expired' };
    }
    s.lastSeen = now;
    return { ok: true, staffId: s.staffId };
  }

  end(token: string | undefined): void {
    if (token) this.byToken.delete(token);
  }

  /** A restored database has its own staff: nobody stays signed in across it. */
  endAll(): void {
    this.byToken.clear();
  }

  /** A deactivated account or a reset password ends that person's sessions everywhere. */
  endAllFor(staffId: number): void {
    for (const [token, s] of this.byToken) if (s.staffId === staffId) this.byToken.delete(token);
  }
}
