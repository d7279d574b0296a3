import { DonutChart } from '@mantine/charts';
import {
  Alert,
  Card,
  Group,
  Pagination,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isCalendarDate } from '../../../shared/rules/businessDay.js';
import type { TierDistributionRow } from '../../../shared/tiers.js';
import { call } from '../../api/client';
import { errorMessage } from '../../ui/errors';
import { useFormat } from '../../ui/format';
import { monthOf, useShopToday } from './shopDay';
import { TierChangesTable } from './TierChangesTable';
import { TierColorBadge } from './TierColorBadge';

const pageSize = 50;
const directions = ['all', 'up', 'down'] as const;
type Direction = (typeof directions)[number];

/** Tier report (owners, managers): members per tier now, and the tier changes in a period. */
export function TierReportPage() {
  const { t } = useTranslation();
  return (
    <Stack>
      <Title order={2}>{t('tiers.report.title')}</Title>
      <Text c="dimmed" size="sm">
        {t('tiers.report.intro')}
      </Text>
      <Distribution />
      <Changes />
    </Stack>
  );
}

function Distribution() {
  const { t, i18n } = useTranslation();
  const q = useQuery({
    queryKey: ['tiers', 'distribution'],
    queryFn: () => call('tiers.distribution', {}),
    refetchOnMount: 'always',
  });
  const rows: TierDistributionRow[] = q.data ?? [];
  const total = rows.reduce((s, r) => s + r.members, 0);
  const slices = rows.filter((r) => r.members > 0).map((r) => ({ name: r.name, value: r.members, color: r.color }));
  const number = (n: number) => n.toLocaleString(i18n.language === 'en' ? 'en-US' : 'zh-CN');
  const share = (n: number) => (total ? `${((n / total) * 100).toFixed(1)}%` : '–');
  return (
    <Card withBorder>
      <Title order={4} mb="sm">
        {t('tiers.report.distribution')}
      </Title>
      {q.error && <Alert color="red">{errorMessage(t, q.error)}</Alert>}
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="xl">
        {total > 0 ? (
          <DonutChart
            data={slices}
            // One slice is a whole ring: no seam where it starts and ends.
            strokeWidth={slices.length > 1 ? 1 : 0}
            chartLabel={t('tiers.settings.members', { count: total })}
            size={200}
            thickness={36}
            withLabels
            withLabelsLine
            tooltipDataSource="segment"
            mx="auto"
            data-testid="tiers-donut"
          />
        ) : (
          q.data && <Text c="dimmed">{t('tiers.report.noMembers')}</Text>
        )}
        <Table withTableBorder data-testid="tiers-distribution">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('tiers.report.tier')}</Table.Th>
              <Table.Th ta="right">{t('tiers.report.members')}</Table.Th>
              <Table.Th ta="right">{t('tiers.report.share')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((r) => (
              <Table.Tr key={r.tierId} data-testid={`tier-count-${r.tierId}`}>
                <Table.Td>
                  <TierColorBadge name={r.name} color={r.color} size="md" />
                </Table.Td>
                <Table.Td ta="right">{number(r.members)}</Table.Td>
                <Table.Td ta="right">{share(r.members)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
          <Table.Tfoot>
            <Table.Tr>
              <Table.Th>{t('tiers.report.total')}</Table.Th>
              <Table.Th ta="right">{number(total)}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Tfoot>
        </Table>
      </SimpleGrid>
    </Card>
  );
}

function Changes() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const month = monthOf(useShopToday());
  const [from, setFrom] = useState(month.from);
  const [to, setTo] = useState(month.to);
  const [direction, setDirection] = useState<Direction>('all');
  const [page, setPage] = useState(1);
  const valid = isCalendarDate(from) && isCalendarDate(to) && from <= to;
  const q = useQuery({
    queryKey: ['tiers', 'changes', from, to, direction, page],
    queryFn: () => call('tiers.changes', { from, to, direction, page, pageSize }),
    placeholderData: keepPreviousData,
    refetchOnMount: 'always',
    enabled: valid,
  });
  const rows = q.data?.rows ?? [];
  const total = q.data?.total ?? 0;
  const filter =
    <T,>(set: (v: T) => void) =>
    (v: T) => {
      set(v);
      setPage(1);
    };
  return (
    <Card withBorder>
      <Group justify="space-between" align="end" mb="sm">
        <Title order={4}>{t('tiers.report.changes')}</Title>
        <Group align="end">
          <TextInput
            type="date"
            label={t('tiers.report.from')}
            value={from}
            onChange={(e) => filter(setFrom)(e.currentTarget.value)}
            error={!valid && from > to}
          />
          <TextInput
            type="date"
            label={t('tiers.report.to')}
            value={to}
            onChange={(e) => filter(setTo)(e.currentTarget.value)}
          />
          <SegmentedControl
            data-testid="tiers-direction"
            value={direction}
            onChange={(d) => filter(setDirection)(d as Direction)}
            data={directions.map((d) => ({ value: d, label: t(`tiers.report.directions.${d}`) }))}
          />
        </Group>
      </Group>
      {q.error && <Alert color="red">{errorMessage(t, q.error)}</Alert>}
      {q.data && rows.length === 0 ? (
        <Text c="dimmed">{t('tiers.report.none')}</Text>
      ) : (
        <Table.ScrollContainer minWidth={800}>
          <TierChangesTable
            rows={rows}
            when={(c) => fmt.day(c.day)}
            whenLabel={t('tiers.report.day')}
            withMember
            testId="tiers-changes"
          />
        </Table.ScrollContainer>
      )}
      {total > pageSize && <Pagination mt="sm" value={page} onChange={setPage} total={Math.ceil(total / pageSize)} />}
    </Card>
  );
}
