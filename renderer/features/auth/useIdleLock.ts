import { useEffect, useRef } from 'react';
import { call } from '../../api/client';
import { useSession } from '../../stores/session';

const activityEvents = ['pointerdown', 'pointermove', 'keydown', 'wheel', 'touchstart'] as const;

/**
 * Locks the screen after the shop's idle time. While someone is active, a light heartbeat keeps
 * the main process's session alive even on pages that make no calls.
 */
export function useIdleLock(minutes: number): void {
  const lastActivity = useRef(0);
  const lastBeat = useRef(0);
  useEffect(() => {
    lastActivity.current = Date.now();
    lastBeat.current = Date.now();
    const onActivity = () => {
      lastActivity.current = Date.now();
      if (Date.now() - lastBeat.current > 60_000 && !useSession.getState().locked) {
        lastBeat.current = Date.now();
        void call('auth.me', {}).catch(() => undefined);
      }
    };
    for (const e of activityEvents) window.addEventListener(e, onActivity, { passive: true });
    const timer = window.setInterval(() => {
      if (Date.now() - lastActivity.current >= minutes * 60_000) void useSession.getState().lock('idle');
    }, 5_000);
    return () => {
      for (const e of activityEvents) window.removeEventListener(e, onActivity);
      window.clearInterval(timer);
    };
  }, [minutes]);
}
