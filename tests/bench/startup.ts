import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

const readyLine = 'Liuke (browser mode) is running at';
const timeoutMs = 60_000;

export interface StartupCommand {
  args: string[];
  description: string;
  /** The built bundle is what ships; the TypeScript entry is only a stand-in until it exists. */
  built: boolean;
  /** The bundle exists but is older than the sources (it may not open a database they created). */
  stale?: boolean;
}

/** The newest modification time of any file under the given folders of the repo. */
function newestSource(repo: string, folders: string[]): number {
  let newest = 0;
  for (const folder of folders) {
    const root = join(repo, folder);
    if (!existsSync(root)) continue;
    for (const entry of readdirSync(root, { recursive: true, withFileTypes: true }))
      if (entry.isFile()) newest = Math.max(newest, statSync(join(entry.parentPath, entry.name)).mtimeMs);
  }
  return newest;
}

/**
 * Prefers the built bundle, unless a source file is newer: a bundle built before a migration was
 * added refuses the database the bench created with it. Otherwise, runs the TypeScript entry through tsx's loader inside one
 * node process (not `npx tsx`, which adds npm's start-up and a second process whose RSS is not the
 * backend's); the figure then includes transpiling, so it overstates what ships.
 */
export function startupCommand(repo: string): StartupCommand {
  const built = join(repo, 'out/main/web.js');
  const fresh = () => newestSource(repo, ['out/main']) >= newestSource(repo, ['electron', 'db', 'shared']);
  if (existsSync(built) && fresh()) return { args: [built], description: 'node out/main/web.js', built: true };
  return {
    args: ['--import', 'tsx', join(repo, 'electron/http/web.ts')],
    description: 'node --import tsx electron/http/web.ts',
    built: false,
    stale: existsSync(built),
  };
}

export interface StartupRun {
  wallMs: number;
  /** What the backend itself printed ("ready in N ms"), from its first line of code. */
  selfMs: number | null;
  state: string | null;
  rssMb?: number;
  peakRssMb?: number;
}

function statusMb(pid: number, field: 'VmRSS' | 'VmHWM'): number | undefined {
  try {
    const m = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) / 1024 : undefined;
  } catch {
    return undefined;
  }
}

function stop(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    const force = setTimeout(() => child.kill('SIGKILL'), 10_000);
    child.once('exit', () => {
      clearTimeout(force);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

/** Starts the browser-mode backend once and waits for its ready line; optionally reads its RSS. */
export async function startOnce(
  repo: string,
  cmd: StartupCommand,
  env: Record<string, string>,
  idleMsBeforeRss?: number,
): Promise<StartupRun> {
  const t0 = performance.now();
  const child = spawn(process.execPath, cmd.args, {
    cwd: repo,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stderr.on('data', (b: Buffer) => (err += b.toString()));
  try {
    const wallMs = await new Promise<number>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no ready line within ${timeoutMs} ms`)), timeoutMs);
      child.stdout.on('data', (b: Buffer) => {
        out += b.toString();
        if (out.includes(readyLine)) {
          clearTimeout(timer);
          resolve(performance.now() - t0);
        }
      });
      child.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`backend exited (code ${code}) before ready:\n${err.trim() || out.trim()}`));
      });
    });
    // The second line follows the first in the same write or right after it.
    const deadline = performance.now() + 2000;
    while (!/ready in \d+ ms.*\n/.test(out) && performance.now() < deadline) await sleep(10);
    const self = /ready in (\d+) ms/.exec(out);
    const state = /state (\w+)/.exec(out);
    const run: StartupRun = { wallMs, selfMs: self ? Number(self[1]) : null, state: state ? state[1]! : null };
    if (idleMsBeforeRss !== undefined && child.pid) {
      await sleep(idleMsBeforeRss);
      run.rssMb = statusMb(child.pid, 'VmRSS');
      run.peakRssMb = statusMb(child.pid, 'VmHWM');
    }
    return run;
  } finally {
    await stop(child);
  }
}

export function sleep(msToWait: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, msToWait));
}
