import { Alert, Anchor, Button, Group, Pagination, Stack, Table, Text, Title } from '@mantine/core';
import { IconSettings } from '@tabler/icons-react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { can } from '../../../shared/permissions.js';
import { call } from '../../api/client';
import { useSession } from '../../stores/session';
import { useFormat } from '../../ui/format';
import { OddsTable } from './OddsTable';
import { describeOutcome } from './outcome';

const pageSize = 50;

/** The shop's draws, newest first, with today's chances; owners and managers reach the settings from here. */
export function DrawsPage() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const role = useSession((s) => s.session)!.staff.role;
  const [page, setPage] = useState(1);
  const config = useQuery({ queryKey: ['draws', 'config'], queryFn: () => call('draws.config', {}) });
  const q = useQuery({
    queryKey: ['draws', 'list', 'shop', page],
    queryFn: () => call('draws.list', { page, pageSize }),
    placeholderData: keepPreviousData,
  });
  const rows = q.data?.rows ?? [];
  const odds = config.data?.odds ?? [];
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2}>{t('draws.title')}</Title>
        {can(role, 'points.rules') && (
          <Button component={Link} href="/draws/settings" variant="light" leftSection={<IconSettings size={16} />}>
            {t('draws.settingsLink')}
          </Button>
        )}
      </Group>
      <Text c="dimmed">{t('draws.intro')}</Text>
      {config.data && !config.data.enabled && <Alert color="gray">{t('draws.off')}</Alert>}
      {odds.length > 0 && <OddsTable odds={odds} />}
      <Title order={4}>{t('draws.history')}</Title>
      {q.data && rows.length === 0 ? (
        <Alert color="gray">{t('draws.none')}</Alert>
      ) : (
        <Table striped data-testid="draws-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('draws.at')}</Table.Th>
              <Table.Th>{t('draws.member')}</Table.Th>
              <Table.Th>{t('draws.outcome')}</Table.Th>
              <Table.Th ta="right">{t('draws.cost')}</Table.Th>
              <Table.Th>{t('draws.staff')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((d) => (
              <Table.Tr key={d.id}>
                <Table.Td>{fmt.dateTime(d.at)}</Table.Td>
                <Table.Td>
                  <Anchor component={Link} href={`/members/${d.memberId}`}>
                    {d.memberName || d.memberNo}
                  </Anchor>
                </Table.Td>
                <Table.Td>
                  {describeOutcome(t, d)}
                  {d.code && (
                    <Text span ff="monospace" size="sm" c="dimmed">
                      {' '}
                      {d.code}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td ta="right">{d.cost}</Table.Td>
                <Table.Td>{d.staff}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {(q.data?.total ?? 0) > pageSize && (
        <Pagination value={page} onChange={setPage} total={Math.ceil(q.data!.total / pageSize)} />
      )}
    </Stack>
  );
}
