import type { Backend } from '../backend.js';
import { autoBackup } from './backups.js';

/**
 * Automatic backups for the process hosts (browser mode, Electron): soon after the database opens
 * (unlocking may come long after start), then checked every ten minutes — `autoBackup` itself skips
 * unless the last one is 20 hours old, so a shop PC switched off at night still gets its daily copy
 * — and always at close.
 */
export function startBackupSchedule(backend: Backend): { stop(): Promise<void> } {
  let sawReady = false;
  let running: Promise<void> = Promise.resolve();
  const tick = () => {
    if (backend.currentState !== 'ready') {
      sawReady = false;
      return;
    }
    const reason = sawReady ? 'daily' : 'start';
    sawReady = true;
    running = running.then(() => autoBackup(backend, reason)).catch(() => undefined);
  };
  const soon = setInterval(tick, 15_000);
  const daily = setInterval(tick, 10 * 60_000);
  soon.unref();
  daily.unref();
  // After the first check only the ten-minute timer is needed.
  const firstDone = setInterval(() => {
    if (sawReady) {
      clearInterval(soon);
      clearInterval(firstDone);
    }
  }, 5_000);
  firstDone.unref();
  return {
    async stop() {
      clearInterval(soon);
      clearInterval(daily);
      clearInterval(firstDone);
      await running;
      await autoBackup(backend, 'close').catch(() => undefined);
    },
  };
}
