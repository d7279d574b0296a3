import { BarChart, DonutChart, LineChart } from '@mantine/charts';
import { Alert, Card, ColorSwatch, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { ComplaintReport, Severity } from '../../../shared/complaints.js';
import { call } from '../../api/client';
import { errorMessage } from '../../ui/errors';
import { categoryName } from '../complaints/complaintText';
import { ExportButton } from '../export/ExportModal';
import { pct } from '../surveys/NpsCard';
import { formatDuration } from './duration';
import { PeriodPicker, usePeriod } from '../../ui/PeriodPicker';
import { Big, Figure } from '../../ui/StatFigure';

const severityColors: Record<Severity, string> = {
  low: 'gray.5',
  normal: 'blue.6',
  high: 'orange.6',
  urgent: 'red.7',
};

/**
 * The complaints and satisfaction report (owners, managers) for shop days from–to: how many and
 * of what kind, how fast they were answered and resolved, how often late, CSAT and NPS.
 */
export function ComplaintReportPage() {
  const { t } = useTranslation();
  const picked = usePeriod();
  const { period, valid } = picked;
  const q = useQuery({
    queryKey: ['complaints', 'report', period.from, period.to],
    queryFn: () => call('complaints.report', period),
    placeholderData: keepPreviousData,
    refetchOnMount: 'always',
    enabled: valid,
  });
  const r = q.data;
  const range = valid ? period : {};
  return (
    <Stack>
      <Group justify="space-between" align="end">
        <Title order={2}>{t('complaintReport.title')}</Title>
        <Group>
          <ExportButton target={{ list: 'complaints', ...range }} label={t('complaintReport.exportComplaints')} />
          <ExportButton target={{ list: 'complaintReport', ...range }} label={t('complaintReport.exportReport')} />
        </Group>
      </Group>
      <Text c="dimmed" size="sm">
        {t('complaintReport.intro')}
      </Text>
      <PeriodPicker state={picked} words="complaintReport" />
      {q.error && <Alert color="red">{errorMessage(t, q.error)}</Alert>}
      {r && <ReportBody report={r} />}
    </Stack>
  );
}

function ReportBody({ report: r }: { report: ComplaintReport }) {
  const { t } = useTranslation();
  const k = 'complaintReport';
  const categories = r.byCategory.map((c) => ({ category: categoryName(c.category, t), count: c.count }));
  const severities = r.bySeverity
    .filter((s) => s.count > 0)
    .map((s) => ({
      name: t(`complaints.severities.${s.severity}`),
      value: s.count,
      color: severityColors[s.severity],
    }));
  const trend = r.csatTrend.map((p) => ({ month: p.month, average: p.average }));
  const rate = (p: number | null) => t(`${k}.responseRate`, { pct: pct(p) });
  return (
    <>
      <SimpleGrid cols={{ base: 2, md: 4 }}>
        <Figure label={t(`${k}.total`)} testId="report-total">
          <Big>{r.total}</Big>
        </Figure>
        <Figure label={t(`${k}.firstResponse`)} testId="report-first-response">
          <Big>{formatDuration(t, r.meanFirstResponseMinutes)}</Big>
        </Figure>
        <Figure label={t(`${k}.resolution`)} testId="report-resolution">
          <Big>{formatDuration(t, r.meanResolutionMinutes)}</Big>
        </Figure>
        <Figure label={t(`${k}.firstResponseBreach`)} testId="report-first-response-breach">
          <Big>{pct(r.firstResponseBreachPct)}</Big>
        </Figure>
        <Figure label={t(`${k}.resolutionBreach`)} testId="report-resolution-breach">
          <Big>{pct(r.resolutionBreachPct)}</Big>
        </Figure>
        <Figure label={t(`${k}.csat`)} testId="report-csat">
          <Big>{r.csatAverage === null ? '–' : t(`${k}.csatValue`, { value: r.csatAverage.toFixed(1) })}</Big>
          {r.csatResponsePct !== null && (
            <Text size="xs" c="dimmed">
              {rate(r.csatResponsePct)}
            </Text>
          )}
        </Figure>
        <Figure label={t(`${k}.nps`)} testId="report-nps">
          <Big>{r.nps.nps ?? '–'}</Big>
          {r.npsResponsePct !== null && (
            <Text size="xs" c="dimmed">
              {rate(r.npsResponsePct)}
            </Text>
          )}
        </Figure>
      </SimpleGrid>
      {r.total === 0 ? (
        <Alert color="gray">{t(`${k}.noComplaints`)}</Alert>
      ) : (
        <SimpleGrid cols={{ base: 1, md: 2 }}>
          <Card withBorder>
            <Title order={4} mb="sm">
              {t(`${k}.byCategory`)}
            </Title>
            <BarChart
              h={240}
              data={categories}
              dataKey="category"
              series={[{ name: 'count', label: t(`${k}.count`), color: 'teal.6' }]}
              tickLine="y"
              yAxisProps={{ allowDecimals: false }}
              withBarValueLabel
              data-testid="report-by-category"
            />
          </Card>
          <Card withBorder>
            <Title order={4} mb="sm">
              {t(`${k}.bySeverity`)}
            </Title>
            <DonutChart
              data={severities}
              strokeWidth={severities.length > 1 ? 1 : 0}
              size={200}
              thickness={34}
              withLabels
              withLabelsLine
              tooltipDataSource="segment"
              chartLabel={r.total}
              mx="auto"
              data-testid="report-by-severity"
            />
            <Group justify="center" gap="md" mt="sm">
              {severities.map((d) => (
                <Group key={d.name} gap={4}>
                  <ColorSwatch color={`var(--mantine-color-${d.color.replace('.', '-')})`} size={10} />
                  <Text size="sm">{d.name}</Text>
                  <Text size="sm" fw={600}>
                    {d.value}
                  </Text>
                </Group>
              ))}
            </Group>
          </Card>
        </SimpleGrid>
      )}
      <Card withBorder>
        <Title order={4} mb="sm">
          {t(`${k}.csatTrend`)}
        </Title>
        {trend.some((p) => p.average !== null) ? (
          <LineChart
            h={220}
            data={trend}
            dataKey="month"
            series={[{ name: 'average', label: t(`${k}.average`), color: 'blue.6' }]}
            yAxisProps={{ domain: [1, 5] }}
            connectNulls
            curveType="linear"
            data-testid="report-csat-trend"
          />
        ) : (
          <Text c="dimmed">{t(`${k}.noCsat`)}</Text>
        )}
      </Card>
    </>
  );
}
