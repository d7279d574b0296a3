import { homedir } from 'node:os';
import { join, resolve } from 'node:path';

/** `LIUKE_DATA_DIR`, else the platform's app-data folder. Desktop and browser mode share it. */
export function resolveDataDir(env: NodeJS.ProcessEnv = process.env, platform = process.platform): string {
  if (env.LIUKE_DATA_DIR) return resolve(env.LIUKE_DATA_DIR);
  if (platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), 'liuke');
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', 'liuke');
  return join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), 'liuke');
}

export function dataPaths(dir: string) {
  return {
    dir,
    db: join(dir, 'liuke.db'),
    keyFile: join(dir, 'liuke.key.json'),
    osKeyFile: join(dir, 'liuke.key.os'),
    lock: join(dir, 'liuke.lock'),
    backups: join(dir, 'backups'),
    logs: join(dir, 'logs'),
    /** Files being imported or exported: plaintext member data, removed when their job is done. */
    transfers: join(dir, 'transfers'),
  };
}
export type DataPaths = ReturnType<typeof dataPaths>;
