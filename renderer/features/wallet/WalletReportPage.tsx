import { BarChart } from '@mantine/charts';
import { Alert, Card, Group, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { WalletReport } from '../../../shared/wallet.js';
import { call } from '../../api/client';
import { errorMessage } from '../../ui/errors';
import { PeriodPicker, usePeriod } from '../../ui/PeriodPicker';
import { ExportButton } from '../export/ExportModal';
import { money, TillLinesTable } from './tillTable';
import { Big, Figure } from '../../ui/StatFigure';

/**
 * The stored-value and count-card report (owners, managers): the shop's outstanding stored value
 * now (principal and bonus apart), and for the chosen shop days the top-ups, bonus, spending and
 * refunds per day, per clerk and per payment method (all in the day close's terms, so the tables
 * add up to the same totals), and count cards sold, used and left.
 */
export function WalletReportPage() {
  const { t } = useTranslation();
  const picked = usePeriod();
  const { period, valid } = picked;
  const q = useQuery({
    queryKey: ['till', 'report', period.from, period.to],
    queryFn: () => call('wallet.report', period),
    placeholderData: keepPreviousData,
    refetchOnMount: 'always',
    enabled: valid,
  });
  const range = valid ? period : {};
  return (
    <Stack>
      <Group justify="space-between" align="end">
        <Title order={2}>{t('till.report.title')}</Title>
        <ExportButton target={{ list: 'walletReport', ...range }} label={t('till.report.export')} />
      </Group>
      <Text c="dimmed" size="sm">
        {t('till.report.intro')}
      </Text>
      <PeriodPicker state={picked} words="till.report" />
      {q.error && <Alert color="red">{errorMessage(t, q.error)}</Alert>}
      {q.data && <ReportBody report={q.data} />}
    </Stack>
  );
}

function Small({ children }: { children: ReactNode }) {
  return (
    <Text size="xs" c="dimmed">
      {children}
    </Text>
  );
}

const yuanNumber = (fen: number) => fen / 100;

function ReportBody({ report: r }: { report: WalletReport }) {
  const { t } = useTranslation();
  const k = 'till.report';
  const m = (fen: number) => money(t, fen);
  const sum = (key: 'topupFen' | 'bonusFen' | 'spentFen' | 'refundsFen') => r.days.reduce((s, d) => s + d[key], 0);
  const v = r.visitcards;
  // Chart values are yuan for the axis; the tooltip shows them as money again.
  const daily = r.days.map((d) => ({
    day: d.day.slice(5),
    topup: yuanNumber(d.topupFen),
    spent: yuanNumber(d.spentFen),
  }));
  const methods = r.byMethod
    .filter((l) => l.method !== 'storedValue')
    .map((l) => ({ method: t(`points.paymentMethods.${l.method}`), net: yuanNumber(l.netFen) }));
  const chartMoney = (n: number) => money(t, Math.round(n * 100));
  return (
    <>
      <Title order={4}>{t(`${k}.summary`)}</Title>
      <SimpleGrid cols={{ base: 2, md: 4 }}>
        <Figure label={t(`${k}.outstandingPrincipal`)} testId="report-outstanding-principal">
          <Big size={24}>{m(r.outstanding.principalFen)}</Big>
          <Small>{t(`${k}.now`)}</Small>
        </Figure>
        <Figure label={t(`${k}.outstandingBonus`)} testId="report-outstanding-bonus">
          <Big size={24}>{m(r.outstanding.bonusFen)}</Big>
          <Small>{t(`${k}.now`)}</Small>
        </Figure>
        <Figure label={t(`${k}.membersWithBalance`)} testId="report-members">
          <Big size={24}>{r.outstanding.members}</Big>
          <Small>{t(`${k}.now`)}</Small>
        </Figure>
        <Figure label={t(`${k}.topups`)} testId="report-topups">
          <Big size={24}>{m(sum('topupFen'))}</Big>
        </Figure>
        <Figure label={t(`${k}.bonus`)} testId="report-bonus">
          <Big size={24}>{m(sum('bonusFen'))}</Big>
        </Figure>
        <Figure label={t(`${k}.spent`)} testId="report-spent">
          <Big size={24}>{m(sum('spentFen'))}</Big>
        </Figure>
        <Figure label={t(`${k}.refunds`)} testId="report-refunds">
          <Big size={24}>{m(sum('refundsFen'))}</Big>
        </Figure>
        <Figure label={t(`${k}.cardsSold`)} testId="report-cards-sold">
          <Big size={24}>{t(`${k}.cards`, { count: v.soldCount })}</Big>
          <Small>{m(v.soldFen)}</Small>
        </Figure>
        <Figure label={t(`${k}.cardsUsed`)} testId="report-cards-used">
          <Big size={24}>{t(`${k}.visits`, { count: v.usesCount })}</Big>
        </Figure>
        <Figure label={t(`${k}.cardsRefunded`)} testId="report-cards-refunded">
          <Big size={24}>{t(`${k}.cards`, { count: v.refundedCount })}</Big>
          <Small>{m(v.refundedFen)}</Small>
        </Figure>
        <Figure label={t(`${k}.cardsUnused`)} testId="report-cards-unused">
          <Big size={24}>{t(`${k}.visits`, { count: v.unusedVisits })}</Big>
          <Small>
            {t(`${k}.now`)} · {t(`${k}.unusedValue`, { amount: m(v.unusedFen) })}
          </Small>
        </Figure>
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <Card withBorder>
          <Title order={4} mb="sm">
            {t(`${k}.daily`)}
          </Title>
          <BarChart
            h={240}
            data={daily}
            dataKey="day"
            series={[
              { name: 'topup', label: t(`${k}.topups`), color: 'teal.6' },
              { name: 'spent', label: t(`${k}.spent`), color: 'blue.6' },
            ]}
            valueFormatter={chartMoney}
            withLegend
            legendProps={{ itemSorter: null }}
            tickLine="y"
            data-testid="report-daily"
          />
        </Card>
        <Card withBorder>
          <Title order={4} mb="sm">
            {t(`${k}.byMethodChart`)}
          </Title>
          <BarChart
            h={240}
            data={methods}
            dataKey="method"
            series={[{ name: 'net', label: t('till.figures.netFen'), color: 'grape.6' }]}
            valueFormatter={chartMoney}
            tickLine="y"
            data-testid="report-by-method-chart"
          />
        </Card>
      </SimpleGrid>
      <Title order={4}>{t(`${k}.byMethodTitle`)}</Title>
      {r.byMethod.length ? (
        <TillLinesTable lines={r.byMethod} showStaff={false} testId="report-by-method" />
      ) : (
        <Text c="dimmed">{t('till.nothing')}</Text>
      )}
      <Title order={4}>{t(`${k}.byStaff`)}</Title>
      {r.byStaff.length ? (
        <TillLinesTable lines={r.byStaff} showStaff testId="report-by-staff" />
      ) : (
        <Text c="dimmed">{t('till.nothing')}</Text>
      )}
      <Title order={4}>{t(`${k}.byProduct`)}</Title>
      <ProductTable report={r} />
    </>
  );
}

function ProductTable({ report }: { report: WalletReport }) {
  const { t } = useTranslation();
  const k = 'till.report';
  const rows = report.visitcards.byProduct;
  if (!rows.length) return <Text c="dimmed">{t(`${k}.noProducts`)}</Text>;
  return (
    <Table.ScrollContainer minWidth={560}>
      <Table striped withTableBorder data-testid="report-by-product">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t(`${k}.product`)}</Table.Th>
            <Table.Th ta="right">{t(`${k}.sold`)}</Table.Th>
            <Table.Th ta="right">{t(`${k}.soldFen`)}</Table.Th>
            <Table.Th ta="right">{t(`${k}.uses`)}</Table.Th>
            <Table.Th ta="right">{t(`${k}.unusedVisits`)}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((p) => (
            <Table.Tr key={p.productId}>
              <Table.Td>{p.name}</Table.Td>
              <Table.Td ta="right">{p.sold}</Table.Td>
              <Table.Td ta="right">{money(t, p.soldFen)}</Table.Td>
              <Table.Td ta="right">{p.uses}</Table.Td>
              <Table.Td ta="right">{p.unusedVisits}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
