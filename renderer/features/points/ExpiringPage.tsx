import { Alert, Group, Pagination, SegmentedControl, Stack, Table, Text, Title } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MemberLink } from '../../ui/MemberLink';
import { call } from '../../api/client';

const pageSize = 50;

/** Points expiring soon: members to remind before their points expire, soonest first. */
export function ExpiringPage() {
  const { t } = useTranslation();
  const [days, setDays] = useState('30');
  const [page, setPage] = useState(1);
  const q = useQuery({
    queryKey: ['points', 'expiring', days, page],
    queryFn: () => call('points.expiring', { days: Number(days), page, pageSize }),
    placeholderData: keepPreviousData,
  });
  const rows = q.data?.rows ?? [];
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2}>{t('points.expiring.title')}</Title>
        <SegmentedControl
          value={days}
          onChange={(d) => {
            setDays(d);
            setPage(1);
          }}
          data={['7', '30', '90']}
        />
      </Group>
      <Text c="dimmed">{t('points.expiring.intro', { days })}</Text>
      {q.data && rows.length === 0 ? (
        <Alert color="teal">{t('points.expiring.none', { days })}</Alert>
      ) : (
        <Table striped data-testid="expiring-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('points.expiring.member')}</Table.Th>
              <Table.Th ta="right">{t('points.expiring.points')}</Table.Th>
              <Table.Th>{t('points.expiring.on')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((r) => (
              <Table.Tr key={r.memberId}>
                <Table.Td>
                  <MemberLink id={r.memberId} name={r.name} memberNo={r.memberNo} extra={r.phone} />
                </Table.Td>
                <Table.Td ta="right">{r.points}</Table.Td>
                <Table.Td>{r.on}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {(q.data?.total ?? 0) > pageSize && (
        <Pagination value={page} onChange={setPage} total={Math.ceil((q.data?.total ?? 0) / pageSize)} />
      )}
    </Stack>
  );
}
