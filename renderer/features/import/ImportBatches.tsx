import { Badge, Button, Group, Modal, Pagination, Stack, Table, Text, Title } from '@mantine/core';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportBatchInfo, JobStatus, UndoResult } from '../../../shared/domain.js';
import { call } from '../../api/client';
import { useCommand } from '../../api/useCommand';
import { useJob } from '../../api/useJob';
import { notifyError } from '../../ui/errors';
import { useFormat } from '../../ui/format';
import { JobProgress } from '../../ui/JobProgress';
import { ErrorReportButton } from './ErrorReportButton';

const pageSize = 10;
const statusColor = { running: 'blue', done: 'teal', cancelled: 'gray', undone: 'gray', rolledBack: 'orange' } as const;

/** Earlier imports: what each did, its error report, and undo as one. */
export function ImportBatches() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const [page, setPage] = useState(1);
  const [confirm, setConfirm] = useState<ImportBatchInfo | null>(null);
  const [undoJob, setUndoJob] = useState<JobStatus | null>(null);
  const queryClient = useQueryClient();
  const q = useQuery({
    queryKey: ['importBatches', page],
    queryFn: () => call('io.batches', { page, pageSize }),
    placeholderData: keepPreviousData,
    // A running import's counts grow as it goes.
    refetchInterval: (query) => (query.state.data?.rows.some((b) => b.status === 'running') ? 1000 : false),
  });
  const undo = useCommand('io.undoBatch', { onSuccess: setUndoJob });
  const job = useJob(undoJob);
  const undoEnded = job && job.state !== 'running';
  useEffect(() => {
    if (undoEnded) {
      // The member list, search results and member pages all changed.
      void queryClient.invalidateQueries({ queryKey: ['importBatches'] });
      void queryClient.invalidateQueries({ queryKey: ['members'] });
    }
  }, [undoEnded, queryClient]);
  if (!q.data?.total) return null;
  const undone = job?.result as UndoResult | undefined;
  return (
    <Stack>
      <Title order={4}>{t('import.history')}</Title>
      <Table striped withTableBorder data-testid="import-batches">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('import.startedAt')}</Table.Th>
            <Table.Th>{t('import.file')}</Table.Th>
            <Table.Th>{t('import.by')}</Table.Th>
            <Table.Th>{t('import.batchStatus')}</Table.Th>
            <Table.Th>{t('import.counts')}</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {q.data.rows.map((b) => (
            <Table.Tr key={b.id}>
              <Table.Td>{fmt.dateTime(b.startedAt)}</Table.Td>
              <Table.Td>{b.fileName}</Table.Td>
              <Table.Td>{b.staffName}</Table.Td>
              <Table.Td>
                <Badge color={statusColor[b.status]} variant="light">
                  {t(`import.batchStatuses.${b.status}`)}
                </Badge>
              </Table.Td>
              <Table.Td>
                {t('import.resultCounts', {
                  imported: b.imported,
                  updated: b.updated,
                  skipped: b.skipped,
                  invalid: b.invalid,
                })}
              </Table.Td>
              <Table.Td>
                <Group gap="xs" wrap="nowrap">
                  {b.rejects > 0 && <ErrorReportButton batchId={b.id} size="xs" />}
                  {b.status === 'done' && (
                    <Button size="xs" variant="default" color="red" onClick={() => setConfirm(b)}>
                      {t('import.undo')}
                    </Button>
                  )}
                </Group>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {q.data.total > pageSize && (
        <Pagination total={Math.ceil(q.data.total / pageSize)} value={page} onChange={setPage} />
      )}
      {job && (
        <Stack gap={4}>
          {job.state === 'running' ? (
            <JobProgress job={job} />
          ) : (
            undone && <Text size="sm">{t('import.undoneCounts', { ...undone })}</Text>
          )}
        </Stack>
      )}
      <Modal opened={!!confirm} onClose={() => setConfirm(null)} title={t('import.undoTitle')}>
        {confirm && (
          <Stack>
            <Text>
              {t('import.undoWhat', { file: confirm.fileName, imported: confirm.imported, updated: confirm.updated })}
            </Text>
            <Text size="sm" c="dimmed">
              {t('import.undoKept')}
            </Text>
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setConfirm(null)}>
                {t('common.cancel')}
              </Button>
              <Button
                color="red"
                loading={undo.isPending}
                onClick={() =>
                  undo.mutate(
                    { batchId: confirm.id },
                    { onSuccess: () => setConfirm(null), onError: (e) => notifyError(t, e) },
                  )
                }
              >
                {t('import.undoConfirm')}
              </Button>
            </Group>
          </Stack>
        )}
      </Modal>
    </Stack>
  );
}
