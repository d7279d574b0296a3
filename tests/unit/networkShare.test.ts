import { describe, expect, it } from 'vitest';
import { isOnNetworkShare } from '../../electron/core/networkShare.js';

// Paths under a directory that does not exist, so they are judged as given (no realpath).
const base = '/nonexistent-liuke-test';
const mounts = [
  'sysfs /sys sysfs rw,nosuid 0 0',
  '/dev/sda1 / ext4 rw,relatime 0 0',
  `//nas/shop ${base}/smb cifs rw,vers=3.0 0 0`,
  `nas:/export ${base}/nfs nfs4 rw,vers=4.2 0 0`,
  `/dev/sdb1 ${base}/smb/local ext4 rw 0 0`,
  `//nas/my\\040shop ${base}/with\\040space cifs rw 0 0`,
  `server:/data ${base}/sshfs fuse.sshfs rw 0 0`,
  '',
].join('\n');

describe('isOnNetworkShare', () => {
  it('refuses folders on cifs, nfs4 and sshfs mounts', () => {
    expect(isOnNetworkShare(`${base}/smb/liuke`, 'linux', mounts)).toBe(true);
    expect(isOnNetworkShare(`${base}/nfs/liuke`, 'linux', mounts)).toBe(true);
    expect(isOnNetworkShare(`${base}/nfs`, 'linux', mounts)).toBe(true);
    expect(isOnNetworkShare(`${base}/sshfs/a/b`, 'linux', mounts)).toBe(true);
  });

  it('accepts local disks', () => {
    expect(isOnNetworkShare('/home/shop/.config/liuke', 'linux', mounts)).toBe(false);
    expect(isOnNetworkShare(`${base}/local/liuke`, 'linux', mounts)).toBe(false);
  });

  it('judges by the longest mount point that contains the folder', () => {
    expect(isOnNetworkShare(`${base}/smb/local/liuke`, 'linux', mounts)).toBe(false);
    expect(isOnNetworkShare(`${base}/smb/localx/liuke`, 'linux', mounts)).toBe(true);
  });

  it('does not treat a sibling with a common prefix as inside a mount', () => {
    expect(isOnNetworkShare(`${base}/smbx/liuke`, 'linux', mounts)).toBe(false);
    expect(isOnNetworkShare(`${base}/nfs4/liuke`, 'linux', mounts)).toBe(false);
  });

  it('decodes escaped spaces in mount points', () => {
    expect(isOnNetworkShare(`${base}/with space/liuke`, 'linux', mounts)).toBe(true);
  });

  it('refuses UNC paths on any platform', () => {
    expect(isOnNetworkShare('\\\\server\\share\\liuke', 'win32')).toBe(true);
    expect(isOnNetworkShare('//server/share/liuke', 'win32')).toBe(true);
    expect(isOnNetworkShare('\\\\server\\share', 'linux', mounts)).toBe(true);
    expect(isOnNetworkShare('//server/share', 'linux', mounts)).toBe(true);
  });

  it('accepts ordinary paths on other platforms without reading a mount table', () => {
    expect(isOnNetworkShare('C:\\Users\\shop\\AppData\\Roaming\\liuke', 'win32')).toBe(false);
    expect(isOnNetworkShare('/Users/shop/Library/Application Support/liuke', 'darwin')).toBe(false);
  });

  it('accepts a folder when the mount table is empty', () => {
    expect(isOnNetworkShare(`${base}/smb/liuke`, 'linux', '')).toBe(false);
  });
});

describe('isOnNetworkShare on Windows and macOS', () => {
  const netUse = [
    'New connections will be remembered.',
    '',
    'Status       Local     Remote                    Network',
    '-------------------------------------------------------------------------------',
    'OK           Z:        \\\\nas\\shop               Microsoft Windows Network',
    'Disconnected Y:        \\\\backup\\liuke          Microsoft Windows Network',
    'The command completed successfully.',
  ].join('\r\n');

  it('refuses a data folder on a mapped network drive, whatever its state', () => {
    expect(isOnNetworkShare('Z:\\liuke', 'win32', netUse)).toBe(true);
    expect(isOnNetworkShare('z:\\data\\liuke', 'win32', netUse)).toBe(true);
    expect(isOnNetworkShare('Y:\\liuke', 'win32', netUse)).toBe(true);
  });

  it('accepts local drives', () => {
    expect(isOnNetworkShare('C:\\Users\\shop\\AppData\\Roaming\\liuke', 'win32', netUse)).toBe(false);
    expect(isOnNetworkShare('D:\\liuke', 'win32', netUse)).toBe(false);
  });

  const mount = [
    '/dev/disk3s1s1 on / (apfs, sealed, local, read-only, journaled)',
    '//shop@nas._smb._tcp.local/share on /Volumes/share (smbfs, nodev, nosuid, mounted by shop)',
    'nas:/export on /Volumes/nfs data (nfs, asynchronous)',
  ].join('\n');

  it('reads macOS mount types', () => {
    expect(isOnNetworkShare('/Volumes/share/liuke', 'darwin', mount)).toBe(true);
    expect(isOnNetworkShare('/Volumes/nfs data/liuke', 'darwin', mount)).toBe(true);
    expect(isOnNetworkShare('/Users/shop/Library/Application Support/liuke', 'darwin', mount)).toBe(false);
  });
});
