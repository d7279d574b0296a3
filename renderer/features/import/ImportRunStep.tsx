import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportResult } from '../../../shared/domain.js';
import { call } from '../../api/client';
import { useJob } from '../../api/useJob';
import { notifyError } from '../../ui/errors';
import { JobProgress } from '../../ui/JobProgress';
import { ErrorReportButton } from './ErrorReportButton';
import { useImport } from './importStore';

/** Step 4: the import running (progress, cancel), then what it did and the error report. */
export function ImportRunStep() {
  const { t } = useTranslation();
  const { run, reset } = useImport();
  const job = useJob(run);
  const [cancelling, setCancelling] = useState(false);
  const queryClient = useQueryClient();
  const ended = job && job.state !== 'running';
  useEffect(() => {
    if (ended) {
      // The member list, search results and member pages all changed.
      void queryClient.invalidateQueries({ queryKey: ['importBatches'] });
      void queryClient.invalidateQueries({ queryKey: ['members'] });
      // A purchases import changes purchases, points, habits and the owner's figures.
      for (const key of ['purchases', 'points', 'pointsReport'])
        void queryClient.invalidateQueries({ queryKey: [key] });
    }
  }, [ended, queryClient]);
  if (!job) return null;
  const cancel = () => {
    setCancelling(true);
    void call('jobs.cancel', { id: job.id }).catch((e) => notifyError(t, e));
  };
  if (job.state === 'running')
    return (
      <Stack>
        <Text>{t(cancelling ? 'import.cancelling' : 'import.importing')}</Text>
        <JobProgress job={job} {...(cancelling ? {} : { onCancel: cancel })} />
        <Text size="sm" c="dimmed">
          {t('import.keepWorking')}
        </Text>
      </Stack>
    );
  const r = job.result as ImportResult | undefined;
  return (
    <Stack>
      {job.state === 'failed' && (
        <Alert color="red">{t(job.errorKey ?? 'errors.internal', job.errorParams ?? {})}</Alert>
      )}
      {r?.cancelled && <Alert color="gray">{t('import.cancelled')}</Alert>}
      {r && !r.cancelled && (
        <Alert color="teal" title={t('import.finished')} data-testid="import-result">
          {t('import.resultCounts', {
            imported: r.imported,
            updated: r.updated,
            skipped: r.skipped,
            invalid: r.invalid,
          })}
        </Alert>
      )}
      <Group data-testid="import-result-actions">
        {r && !r.cancelled && r.skipped + r.invalid > 0 && <ErrorReportButton batchId={r.batchId} />}
        <Button onClick={reset}>{t('import.another')}</Button>
      </Group>
    </Stack>
  );
}
