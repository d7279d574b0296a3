import { Alert, Group, Pagination, SegmentedControl, Stack, Table, Text, Title } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MemberLink } from '../../ui/MemberLink';
import { call } from '../../api/client';
import { errorMessage } from '../../ui/errors';
import { useFormat } from '../../ui/format';
import { TierColorBadge } from './TierColorBadge';

const pageSize = 50;

/**
 * Members whose tier drops at a review in the coming days unless they buy, soonest first: the
 * list clerks call from.
 */
export function AtRiskPage() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const [days, setDays] = useState('30');
  const [page, setPage] = useState(1);
  const q = useQuery({
    queryKey: ['tiers', 'atRisk', days, page],
    queryFn: () => call('tiers.atRisk', { days: Number(days), page, pageSize }),
    placeholderData: keepPreviousData,
    refetchOnMount: 'always',
  });
  const rows = q.data?.rows ?? [];
  const total = q.data?.total ?? 0;
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2}>{t('tiers.atRisk.title')}</Title>
        <SegmentedControl
          data-testid="at-risk-days"
          value={days}
          onChange={(d) => {
            setDays(d);
            setPage(1);
          }}
          data={['7', '30', '60'].map((d) => ({ value: d, label: t('tiers.atRisk.days', { days: d }) }))}
        />
      </Group>
      <Text c="dimmed">{t('tiers.atRisk.intro', { days })}</Text>
      {q.error && <Alert color="red">{errorMessage(t, q.error)}</Alert>}
      {q.data && rows.length === 0 ? (
        <Alert color="teal">{t('tiers.atRisk.none', { days })}</Alert>
      ) : (
        <Table.ScrollContainer minWidth={800}>
          <Table striped data-testid="at-risk-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('tiers.atRisk.member')}</Table.Th>
                <Table.Th>{t('tiers.atRisk.phone')}</Table.Th>
                <Table.Th>{t('tiers.atRisk.tier')}</Table.Th>
                <Table.Th>{t('tiers.atRisk.reviewOn')}</Table.Th>
                <Table.Th ta="right">{t('tiers.atRisk.growth')}</Table.Th>
                <Table.Th ta="right">{t('tiers.atRisk.missing')}</Table.Th>
                <Table.Th>{t('tiers.atRisk.dropsTo')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((r) => (
                <Table.Tr key={r.memberId}>
                  <Table.Td>
                    <MemberLink id={r.memberId} name={r.memberName} memberNo={r.memberNo} />
                  </Table.Td>
                  <Table.Td>{r.phone}</Table.Td>
                  <Table.Td>
                    <TierColorBadge name={r.tier} color={r.tierColor} size="md" />
                  </Table.Td>
                  <Table.Td>{fmt.day(r.reviewOn)}</Table.Td>
                  <Table.Td ta="right">
                    {r.growth} / {r.retention}
                  </Table.Td>
                  <Table.Td ta="right" fw={600}>
                    {r.missing}
                  </Table.Td>
                  <Table.Td>{r.dropsTo}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {total > pageSize && <Pagination value={page} onChange={setPage} total={Math.ceil(total / pageSize)} />}
    </Stack>
  );
}
