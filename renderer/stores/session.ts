import { create } from 'zustand';
import type { AppStatus, SessionInfo } from '../../shared/domain.js';
import { call, onApiError } from '../api/client';
import { queryClient } from '../api/queryClient';

interface SessionState {
  status: AppStatus | null;
  session: SessionInfo | null;
  /** The screen is locked (idle, or the main process ended the session); the page stays mounted. */
  locked: boolean;
  /** Why: idle time, or the person locked it / the main process ended the session. */
  lockReason: 'idle' | 'other';
  /** Main-process clock minus this PC's, from the last status: "now" and "today" follow the shop's clock. */
  clockOffsetMs: number;
  refresh(): Promise<void>;
  signedIn(info: SessionInfo): void;
  lock(reason?: 'idle' | 'other'): Promise<void>;
  signOut(): Promise<void>;
}

export const useSession = create<SessionState>((set, get) => ({
  status: null,
  session: null,
  locked: false,
  lockReason: 'other',
  clockOffsetMs: 0,
  async refresh() {
    const status = await call('app.status', {});
    const clockOffsetMs = status.now ? Date.parse(status.now) - Date.now() : 0;
    set({ status, session: status.session ?? null, locked: false, clockOffsetMs });
  },
  signedIn(info) {
    if (get().session?.staff.id !== info.staff.id) queryClient.clear();
    set({ session: info, locked: false });
  },
  async lock(reason = 'other') {
    if (!get().session || get().locked) return;
    set({ locked: true, lockReason: reason });
    // End the session in the main process too: a locked screen must need credentials again.
    await call('auth.signOut', {}).catch(() => undefined);
  },
  async signOut() {
    await call('auth.signOut', {}).catch(() => undefined);
    queryClient.clear();
    set({ session: null, locked: false });
  },
}));

/** Now on the main process's clock (the same as this PC's, except under a test clock or a wrong PC clock). */
export function shopNow(): number {
  return Date.now() + useSession.getState().clockOffsetMs;
}

onApiError((error) => {
  const { session, locked } = useSession.getState();
  if (session && !locked && (error.code === 'SESSION_EXPIRED' || error.code === 'UNAUTHENTICATED'))
    useSession.setState({ locked: true, lockReason: 'other' });
});
