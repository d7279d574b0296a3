import { Alert, Badge, Button, Group, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ImportPreview } from '../../../shared/domain.js';
import { call } from '../../api/client';
import { useCommand } from '../../api/useCommand';
import { useJob } from '../../api/useJob';
import { notifyError } from '../../ui/errors';
import { JobProgress } from '../../ui/JobProgress';
import { ImportCounts, statusColor, statusLabel } from './ImportCounts';
import { useImport } from './importStore';

import type { ImportEntityName } from '../../../shared/io/entities.js';

/** The fields the preview table shows, per entity. */
const shownFields: Record<ImportEntityName, readonly string[]> = {
  members: ['name', 'phone', 'gender', 'birthday', 'cardNo', 'points', 'totalSpent', 'tier'],
  purchases: ['phone', 'memberNo', 'amount', 'time', 'receiptNo', 'category', 'paymentMethod', 'pointsEarned'],
};

/** Step 3: the whole file read as the import will read it; nothing is written until "Import". */
export function ImportPreviewStep() {
  const { t } = useTranslation();
  const { entity, file, mapping, mode, preview, setPreview, setRun } = useImport();
  const shown = shownFields[entity];
  const job = useJob(preview);
  const start = useCommand('io.startImport', { invalidates: ['importBatches'], onSuccess: setRun });
  if (!file || !job) return null;
  if (job.state === 'running')
    return (
      <Stack>
        <Text>{t('import.previewing')}</Text>
        <JobProgress
          job={job}
          onCancel={() => void call('jobs.cancel', { id: job.id }).catch((e) => notifyError(t, e))}
        />
      </Stack>
    );
  if (job.state !== 'done')
    return (
      <Alert color={job.state === 'failed' ? 'red' : 'gray'}>
        {job.state === 'failed'
          ? t(job.errorKey ?? 'errors.internal', job.errorParams ?? {})
          : t('import.previewCancelled')}
        <Button ml="md" size="xs" variant="default" onClick={() => setPreview(null)}>
          {t('import.backToMapping')}
        </Button>
      </Alert>
    );
  const p = job.result as ImportPreview;
  const writes = p.counts.new + p.counts.update;
  return (
    <Stack>
      <Text>{t('import.previewTotal', { total: p.total.toLocaleString() })}</Text>
      <ImportCounts counts={p.counts} />
      <Table.ScrollContainer minWidth={900}>
        <Table striped withTableBorder data-testid="import-preview">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('import.row')}</Table.Th>
              <Table.Th miw={220}>{t('import.outcome')}</Table.Th>
              {shown.map((f) => (
                <Table.Th key={f}>{t(`import.fields.${f}`)}</Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {p.rows.map((r) => (
              <Table.Tr key={r.line}>
                <Table.Td>{r.line}</Table.Td>
                <Table.Td>
                  <Badge color={statusColor[r.status]} variant="light">
                    {statusLabel(t, entity, r.status)}
                  </Badge>
                  {r.reason && (
                    <Text size="xs" c={r.status === 'invalid' ? 'red' : 'dimmed'}>
                      {r.field
                        ? t('import.fieldReason', {
                            field: t(`import.fields.${r.field}`),
                            reason: t(`import.reason.${r.reason}`),
                          })
                        : t(`import.reason.${r.reason}`)}
                    </Text>
                  )}
                </Table.Td>
                {shown.map((f) => (
                  <Table.Td key={f} style={{ whiteSpace: 'nowrap' }}>
                    {f === 'gender' && r.status !== 'invalid' && r.values.gender
                      ? t(`members.genders.${r.values.gender}`)
                      : f === 'paymentMethod' && r.status !== 'invalid' && r.values.paymentMethod
                        ? t(`points.paymentMethods.${r.values.paymentMethod}`)
                        : (r.values[f] ?? '')}
                  </Table.Td>
                ))}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <Group>
        <Button variant="default" onClick={() => setPreview(null)}>
          {t('import.backToMapping')}
        </Button>
        <Button
          onClick={() =>
            start.mutate({ entity, fileId: file.fileId, mapping, mode }, { onError: (e) => notifyError(t, e) })
          }
          loading={start.isPending}
          disabled={p.total === 0}
        >
          {/* Nothing to write still records why, so the error report can be downloaded. */}
          {writes > 0 ? t('import.start', { count: writes }) : t('import.startReportOnly')}
        </Button>
      </Group>
    </Stack>
  );
}
