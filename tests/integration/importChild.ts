/**
 * Run as a child process by import.test.ts: opens a shop, starts importing a file, says
 * "IMPORTING <batchId>" once rows are committed, and keeps going until it is killed.
 */
import { Backend } from '../../electron/backend.js';
import { ManualClock } from '../../electron/core/clock.js';
import { Dispatcher } from '../../electron/dispatch.js';
import { Client, ownerAccount, silentLog, type Harness } from './harness.js';
import { finished, preview, stage } from './ioHelpers.js';

const [dir, passphrase, file] = process.argv.slice(2) as [string, string, string];
const clock = new ManualClock('2026-03-01T02:00:00.000Z');
const backend = new Backend({ dataDir: dir, clock, log: silentLog, device: { id: 'device-a', name: 'device-a' } });
await backend.start();
await backend.unlock(passphrase);
const h = { dir, clock, backend, dispatcher: new Dispatcher(backend), close: () => backend.close() } as Harness;
const owner = new Client(h);
await owner.call('auth.signIn', { username: ownerAccount.username, password: ownerAccount.password });
const staged = await stage(owner, file);
await preview(owner, staged);
const job = await owner.call('io.startImport', {
  fileId: staged.fileId,
  mapping: staged.suggested as never,
  mode: 'addOnly',
});
for (;;) {
  const s = await owner.call('jobs.get', { id: job.id });
  const batch = backend.raw.prepare(`select id, imported from import_batches where status = 'running'`).get() as
    { id: number; imported: number } | undefined;
  if (batch && batch.imported > 500) {
    process.stdout.write(`IMPORTING ${batch.id}\n`);
    break;
  }
  if (s.state !== 'running') {
    process.stdout.write(`ENDED ${s.state}\n`);
    process.exit(1);
  }
  await new Promise((r) => setTimeout(r, 2));
}
await finished(owner, job);
