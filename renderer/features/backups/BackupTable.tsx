import { Badge, Button, Table, Text } from '@mantine/core';
import { IconRestore } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { BackupInfo } from '../../../shared/domain.js';
import { useFormat } from '../../ui/format';
import { folderOf } from './useBackupStatus';

const reasonColors: Record<BackupInfo['reason'], string> = {
  manual: 'teal',
  start: 'blue',
  close: 'gray',
  daily: 'indigo',
};

/** Backups newest first; the owner gets a restore button on each. */
export function BackupTable({ rows, onRestore }: { rows: BackupInfo[]; onRestore?: (b: BackupInfo) => void }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const mb = (bytes: number) => Math.max(0.1, bytes / 1_048_576).toFixed(1);
  return (
    <Table striped verticalSpacing="xs">
      <Table.Thead>
        <Table.Tr>
          <Table.Th w={190}>{t('backups.at')}</Table.Th>
          <Table.Th w={100}>{t('backups.reason')}</Table.Th>
          <Table.Th w={100}>{t('backups.size')}</Table.Th>
          <Table.Th>{t('backups.folder')}</Table.Th>
          {onRestore && <Table.Th w={110} />}
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((b) => (
          <Table.Tr key={b.path} data-testid="backup-row">
            <Table.Td>{fmt.dateTime(b.at)}</Table.Td>
            <Table.Td>
              <Badge variant="light" color={reasonColors[b.reason]}>
                {t(`backups.reasons.${b.reason}`)}
              </Badge>
            </Table.Td>
            <Table.Td>{t('backups.sizeMb', { size: mb(b.bytes) })}</Table.Td>
            <Table.Td>
              {/* Paths can be long (a USB stick's folder): they wrap instead of widening the table. */}
              <Text size="sm" ff="monospace" style={{ overflowWrap: 'anywhere' }} title={b.name}>
                {folderOf(b.path, b.name)}
              </Text>
            </Table.Td>
            {onRestore && (
              <Table.Td>
                <Button
                  size="xs"
                  variant="light"
                  color="red"
                  leftSection={<IconRestore size={14} />}
                  onClick={() => onRestore(b)}
                >
                  {t('backups.restore')}
                </Button>
              </Table.Td>
            )}
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
