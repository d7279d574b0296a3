import { BarChart } from '@mantine/charts';
import { Alert, Group, Select, SimpleGrid, Stack, Table, Text, Title, Tooltip } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { pointsFlows, type PointsFlow, type PointsReport } from '../../../shared/pointsReport.js';
import { formatFen } from '../../../shared/rules/money.js';
import { call } from '../../api/client';
import { errorMessage } from '../../ui/errors';
import { ExportButton } from '../export/ExportModal';
import { Figure } from '../../ui/StatFigure';

const flowColors: Record<PointsFlow, string> = {
  issued: 'teal.6',
  redeemed: 'blue.6',
  expired: 'gray.6',
  reversed: 'orange.6',
};

/**
 * The owner's points view (owners and managers): what the shop owes in points, and the points
 * issued, redeemed, expired and taken back per business month, as figures and a chart; with the
 * purchases and ledger exports the accountant asks for.
 */
export function PointsReportPage() {
  const { t, i18n } = useTranslation();
  const [period, setPeriod] = useState('last12');
  const q = useQuery({
    queryKey: ['pointsReport', period],
    queryFn: () => call('points.report', { year: period === 'last12' ? null : Number(period) }),
    placeholderData: keepPreviousData,
  });
  const r = q.data;
  const number = (n: number) => n.toLocaleString(i18n.language === 'en' ? 'en-US' : 'zh-CN');
  return (
    <Stack>
      <Group justify="space-between" align="end">
        <Title order={2}>{t('pointsReport.title')}</Title>
        <Group>
          <ExportButton target={{ list: 'purchases' }} label={t('pointsReport.exportPurchases')} />
          <ExportButton target={{ list: 'ledger' }} label={t('pointsReport.exportLedger')} />
        </Group>
      </Group>
      <Text c="dimmed" size="sm">
        {t('pointsReport.intro')}
      </Text>
      {q.error && <Alert color="red">{errorMessage(t, q.error)}</Alert>}
      {r && (
        <>
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <Figure label={t('pointsReport.liability')} testId="points-liability">
              <Text fz={28} fw={700}>
                {t('pointsReport.money', { amount: formatFen(r.liabilityFen) })}
              </Text>
              <Text size="xs" c="dimmed">
                {t('pointsReport.liabilityHint', { points: number(r.outstanding), value: formatFen(r.pointValueFen) })}
              </Text>
            </Figure>
            <Figure label={t('pointsReport.outstanding')} testId="points-outstanding">
              <Text fz={28} fw={700}>
                {t('pointsReport.outstandingValue', { points: number(r.outstanding) })}
              </Text>
            </Figure>
            <Figure label={t('pointsReport.pointValue')}>
              <Text fz={28} fw={700}>
                {t('pointsReport.money', { amount: formatFen(r.pointValueFen) })}
              </Text>
            </Figure>
          </SimpleGrid>
          <Group justify="space-between" align="end">
            <Title order={4}>{t('pointsReport.chartTitle')}</Title>
            <Select
              label={t('pointsReport.period')}
              value={period}
              onChange={(v) => setPeriod(v ?? 'last12')}
              allowDeselect={false}
              data={[
                { value: 'last12', label: t('pointsReport.last12') },
                ...r.years.map((y) => ({ value: String(y), label: t('pointsReport.year', { year: y }) })),
              ]}
              w={180}
              data-testid="points-report-period"
            />
          </Group>
          <BarChart
            h={280}
            data={r.months.map((m) => ({ ...m }))}
            dataKey="month"
            series={pointsFlows.map((f) => ({ name: f, label: t(`pointsReport.flows.${f}`), color: flowColors[f] }))}
            withLegend
            // Recharts sorts legend items by name; the table's order (issued → taken back) reads better.
            legendProps={{ itemSorter: null }}
            tickLine="y"
          />
          <MonthTable report={r} number={number} />
        </>
      )}
    </Stack>
  );
}

function MonthTable({ report, number }: { report: PointsReport; number: (n: number) => string }) {
  const { t } = useTranslation();
  return (
    <Table.ScrollContainer minWidth={640}>
      <Table striped withTableBorder data-testid="points-report-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('pointsReport.month')}</Table.Th>
            {pointsFlows.map((f) => (
              <Table.Th key={f} ta="right">
                <Tooltip label={t(`pointsReport.flowHints.${f}`)} multiline w={260}>
                  <span>{t(`pointsReport.flows.${f}`)}</span>
                </Tooltip>
              </Table.Th>
            ))}
            <Table.Th ta="right">{t('pointsReport.outstandingEnd')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {report.months.map((m) => (
            <Table.Tr key={m.month}>
              <Table.Td>{m.month}</Table.Td>
              {pointsFlows.map((f) => (
                <Table.Td key={f} ta="right">
                  {number(m[f])}
                </Table.Td>
              ))}
              <Table.Td ta="right">{number(m.outstandingEnd)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
        <Table.Tfoot>
          <Table.Tr>
            <Table.Th>{t('pointsReport.total')}</Table.Th>
            {pointsFlows.map((f) => (
              <Table.Th key={f} ta="right">
                {number(report.totals[f])}
              </Table.Th>
            ))}
            <Table.Th />
          </Table.Tr>
        </Table.Tfoot>
      </Table>
    </Table.ScrollContainer>
  );
}
