import { Button, Group, Progress, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { JobStatus } from '../../shared/domain.js';

/** A long job's bar: rows done of how many, rows per second, time left, and a Cancel button. */
export function JobProgress({
  job,
  onCancel,
  cancelling,
}: {
  job: JobStatus;
  onCancel?: () => void;
  cancelling?: boolean;
}) {
  const { t, i18n } = useTranslation();
  const n = (v: number) => v.toLocaleString(i18n.language === 'en' ? 'en-GB' : 'zh-CN');
  const pct = job.total ? Math.min(100, (job.done / job.total) * 100) : null;
  return (
    <Stack gap={6}>
      <Progress value={pct ?? 100} animated={job.state === 'running'} striped={pct === null} size="lg" />
      <Group justify="space-between" wrap="nowrap">
        <Text size="sm" c="dimmed" data-testid="job-progress">
          {job.total !== null
            ? t('jobs.doneOfTotal', { done: n(job.done), total: n(job.total) })
            : t('jobs.done', { done: n(job.done) })}
          {job.ratePerS > 0 && ` · ${t('jobs.rate', { rate: n(job.ratePerS) })}`}
          {job.state === 'running' && job.etaS !== null && ` · ${t('jobs.eta', { time: formatSeconds(job.etaS, t) })}`}
        </Text>
        {onCancel && job.state === 'running' && (
          <Button variant="default" color="red" size="xs" onClick={onCancel} loading={cancelling}>
            {t('jobs.cancel')}
          </Button>
        )}
      </Group>
    </Stack>
  );
}

function formatSeconds(s: number, t: (k: string, o?: Record<string, unknown>) => string): string {
  if (s < 60) return t('jobs.seconds', { n: s });
  return t('jobs.minutes', { m: Math.floor(s / 60), s: s % 60 });
}
