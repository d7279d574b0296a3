import { execFileSync } from 'node:child_process';
import { readFileSync, realpathSync } from 'node:fs';

const networkFsTypes = new Set([
  'nfs',
  'nfs4',
  'cifs',
  'smb3',
  'smbfs',
  'fuse.sshfs',
  'sshfs',
  '9p',
  'afs',
  'ceph',
  'glusterfs',
  'fuse.glusterfs',
  'davfs',
  'fuse.davfs2',
  'fuse.rclone',
]);

/** The command that lists a platform's network mounts, where /proc/mounts does not exist. */
function mountTable(platform: string): string | undefined {
  try {
    if (platform === 'linux') return readFileSync('/proc/mounts', 'utf8');
    // `net use` lists mapped drives ("OK  Z:  \\server\share"); `mount` lists macOS mounts.
    if (platform === 'win32')
      return execFileSync('net', ['use'], { encoding: 'utf8', timeout: 3000, windowsHide: true });
    if (platform === 'darwin') return execFileSync('/sbin/mount', [], { encoding: 'utf8', timeout: 3000 });
  } catch {
    // No table: judge by the path alone.
  }
  return undefined;
}

function linuxNetworkMount(real: string, table: string): boolean {
  let best = { point: '', type: '' };
  for (const line of table.split('\n')) {
    const [, point, type] = line.split(' ');
    if (!point || !type) continue;
    const p = point.replace(/\\040/g, ' ');
    const inside = real === p || real.startsWith(p.endsWith('/') ? p : `${p}/`);
    if (inside && p.length > best.point.length) best = { point: p, type };
  }
  return networkFsTypes.has(best.type);
}

const macNetworkTypes = new Set(['smbfs', 'nfs', 'afpfs', 'webdav', 'cifs']);

function macNetworkMount(real: string, table: string): boolean {
  let best = { point: '', type: '' };
  for (const line of table.split('\n')) {
    const m = / on (.+) \(([^,)]+)/.exec(line);
    if (!m) continue;
    const [, point, type] = m as unknown as [string, string, string];
    const inside = real === point || real.startsWith(point.endsWith('/') ? point : `${point}/`);
    if (inside && point.length > best.point.length) best = { point, type };
  }
  return macNetworkTypes.has(best.type);
}

function windowsMappedDrive(dir: string, table: string): boolean {
  const drive = /^([a-zA-Z]:)/.exec(dir)?.[1]?.toUpperCase();
  if (!drive) return false;
  return table.split(/\r?\n/).some((line) => new RegExp(`(^|\\s)${drive}\\s+\\\\\\\\`, 'i').test(line));
}

/**
 * WAL needs shared memory that network file systems do not provide: two PCs, or even one PC over
 * SMB, can corrupt the database. Refused: UNC paths, mapped Windows drives (`net use`), network
 * mounts in /proc/mounts (Linux) or `mount` (macOS). `table` is that listing, for tests.
 */
export function isOnNetworkShare(dir: string, platform = process.platform, table?: string): boolean {
  if (/^(\\\\|\/\/)[^\\/]/.test(dir)) return true;
  const listing = table ?? mountTable(platform);
  if (listing === undefined) return false;
  if (platform === 'win32') return windowsMappedDrive(dir, listing);
  let real = dir;
  try {
    real = realpathSync(dir);
  } catch {
    // Not created yet: judge by the path as given.
  }
  if (platform === 'darwin') return macNetworkMount(real, listing);
  if (platform === 'linux') return linuxNetworkMount(real, listing);
  return false;
}
