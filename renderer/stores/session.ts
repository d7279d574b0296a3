import { create } from 'zustand';
import type { AppStatus, SessionInfo } from '../../shared/domain.js';
import { call, onApiError } from '../api/client';

interface SessionState {
  status: AppStatus | null;
  session: SessionInfo | null;
  /** The screen is locked (idle, or the main process ended the session); the page stays mounted. */
  locked: boolean;
  refresh(): Promise<void>;
  signedIn(info: SessionInfo): void;
  lock(): Promise<void>;
  signOut(): Promise<void>;
}

export const useSession = create<SessionState>((set, get) => ({
  status: null,
  session: null,
  locked: false,
  async refresh() {
    const status = await call('app.status', {});
    set({ status, session: status.session ?? null, locked: false });
  },
  signedIn(info) {
    set({ session: info, locked: false });
  },
  async lock() {
    if (!get().session || get().locked) return;
    set({ locked: true });
    // End the session in the main process too: a locked screen must need credentials again.
    await call('auth.signOut', {}).catch(() => undefined);
  },
  async signOut() {
    await call('auth.signOut', {}).catch(() => undefined);
    set({ session: null, locked: false });
  },
}));

onApiError((error) => {
  const { session, locked } = useSession.getState();
  if (session && !locked && (error.code === 'SESSION_EXPIRED' || error.code === 'UNAUTHENTICATED'))
    useSession.setState({ locked: true });
});
