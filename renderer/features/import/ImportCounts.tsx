import { Badge, Group } from '@mantine/core';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { importRowStatuses, type ImportCounts as Counts, type ImportRowStatus } from '../../../shared/domain.js';
import type { ImportEntityName } from '../../../shared/io/entities.js';
import { useImport } from './importStore';

export const statusColor = {
  new: 'teal',
  update: 'blue',
  dupInFile: 'yellow',
  dupExisting: 'gray',
  invalid: 'red',
} as const;

/** A row's status in words: a purchase already there was recorded, not "already a member". */
export function statusLabel(t: TFunction, entity: ImportEntityName, s: ImportRowStatus): string {
  return t(entity === 'purchases' && s === 'dupExisting' ? 'import.status.alreadyRecorded' : `import.status.${s}`);
}

/** How many rows will be added, updated, skipped or refused (purchases are never updated). */
export function ImportCounts({ counts }: { counts: Counts }) {
  const { t } = useTranslation();
  const entity = useImport((s) => s.entity);
  return (
    <Group gap="xs" data-testid="import-counts">
      {importRowStatuses
        .filter((s) => entity !== 'purchases' || s !== 'update')
        .map((s) => (
          <Badge key={s} color={statusColor[s]} variant="light" size="lg" data-status={s}>
            {statusLabel(t, entity, s)}: {counts[s].toLocaleString()}
          </Badge>
        ))}
    </Group>
  );
}
