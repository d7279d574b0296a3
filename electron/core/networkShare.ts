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

/**
 * WAL needs shared memory that network file systems do not provide: two PCs, or even one PC over
 * SMB, can corrupt the database. Windows UNC paths and network mounts listed in /proc/mounts are
 * refused. (A mapped Windows drive letter cannot be told apart without a native call; see docs.)
 */
export function isOnNetworkShare(dir: string, platform = process.platform, mounts?: string): boolean {
  if (/^(\\\\|\/\/)[^\\/]/.test(dir)) return true;
  if (platform !== 'linux') return false;
  let real = dir;
  try {
    real = realpathSync(dir);
  } catch {
    // Not created yet: judge by the path as given.
  }
  let table = mounts;
  if (table === undefined) {
    try {
      table = readFileSync('/proc/mounts', 'utf8');
    } catch {
      return false;
    }
  }
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
