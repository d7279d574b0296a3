import { useQuery } from '@tanstack/react-query';
import { call } from '../../api/client';

/** One cache entry for the backups page and the start-up warning: a backup made on the page updates both. */
export const backupStatusKey = ['backups', 'status'];

export function useBackupStatus(options: { enabled?: boolean; staleTime?: number } = {}) {
  return useQuery({ queryKey: backupStatusKey, queryFn: () => call('backups.status', {}), ...options });
}

/** The folder a backup file is in, whatever the platform's separator. */
export function folderOf(path: string, name: string): string {
  return path.endsWith(name) ? path.slice(0, path.length - name.length).replace(/[\\/]$/, '') : path;
}
