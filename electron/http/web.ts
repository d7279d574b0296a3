import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Backend } from '../backend.js';
import { OffsetFileClock, systemClock } from '../core/clock.js';
import { resolveDataDir } from '../core/dataDir.js';
import { thisDevice } from '../core/device.js';
import { fileLogger } from '../core/log.js';
import { Dispatcher } from '../dispatch.js';
import { startBackupSchedule } from '../services/backupSchedule.js';
import { startPointsSchedule } from '../services/points/schedule.js';
import { startHttpHost } from './server.js';

/**
 * Browser mode (`npm run web`): the main process without Electron. Unlocks with the recovery
 * passphrase typed in the page; `LIUKE_PASSPHRASE` is for tests and scripts only.
 */
async function main(): Promise<void> {
  const started = performance.now();
  const dataDir = resolveDataDir();
  const log = fileLogger(join(dataDir, 'logs'));
  const testClock = process.env.LIUKE_TEST_CLOCK_FILE;
  const clock = testClock ? new OffsetFileClock(testClock) : systemClock;
  const backend = new Backend({ dataDir, clock, log, device: thisDevice() });
  await backend.start();
  const passphrase = process.env.LIUKE_PASSPHRASE;
  if (passphrase && backend.currentState === 'locked') {
    await backend.unlock(passphrase).catch(() => log.error('unlock.env_passphrase_failed'));
  }
  const rendererDir = join(dirname(fileURLToPath(import.meta.url)), '../renderer');
  const host = await startHttpHost(new Dispatcher(backend), rendererDir, Number(process.env.LIUKE_PORT ?? 4178));
  const readyMs = Math.round(performance.now() - started);
  log.info('web.ready', { url: host.url, readyMs, state: backend.currentState });
  console.log(`Liuke (browser mode) is running at ${host.url}`);
  console.log(`ready in ${readyMs} ms; data folder ${dataDir}; state ${backend.currentState}`);

  const backups = startBackupSchedule(backend);
  const points = startPointsSchedule(backend);
  const stop = async () => {
    await host.close();
    await points.stop();
    await backups.stop();
    await backend.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
}

main().catch((e: unknown) => {
  console.error('Liuke could not start:', e instanceof Error ? e.message : e);
  process.exit(1);
});
