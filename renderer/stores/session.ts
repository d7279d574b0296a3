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
  async refresh() {
    const status = await call('app.status', {});
    set({ status, session: status.session ?? null, locked: false });
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

onApiError((error) => {
  const { session, locked } = useSession.getState();
  if (session && !locked && (error.code === 'SESSION_EXPIRED' || error.code === 'UNAUTHENTICATED'))
    useSession.setState({ locked: true, lockReason: 'other' });
});
