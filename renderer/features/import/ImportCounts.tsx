import { Badge, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { importRowStatuses, type ImportCounts as Counts } from '../../../shared/domain.js';

export const statusColor = {
  new: 'teal',
  update: 'blue',
  dupInFile: 'yellow',
  dupExisting: 'gray',
  invalid: 'red',
} as const;

/** How many rows will be added, updated, skipped or refused. */
export function ImportCounts({ counts }: { counts: Counts }) {
  const { t } = useTranslation();
  return (
    <Group gap="xs" data-testid="import-counts">
      {importRowStatuses.map((s) => (
        <Badge key={s} color={statusColor[s]} variant="light" size="lg" data-status={s}>
          {t(`import.status.${s}`)}: {counts[s].toLocaleString()}
        </Badge>
      ))}
    </Group>
  );
}
