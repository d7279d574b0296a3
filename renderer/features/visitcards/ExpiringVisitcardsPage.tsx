import { Alert, Anchor, Group, Pagination, Stack, Table, Text, Title } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { daysBetween } from '../../../shared/rules/earning.js';
import { call } from '../../api/client';
import { errorMessage } from '../../ui/errors';
import { useShopToday } from '../tiers/shopDay';
import { useWalletConfig } from '../wallet/useWalletConfig';

const pageSize = 50;

/** Count cards still holding visits whose last day is near, soonest first: members for clerks to call. */
export function ExpiringVisitcardsPage() {
  const { t } = useTranslation();
  const today = useShopToday();
  const [page, setPage] = useState(1);
  const config = useWalletConfig();
  const q = useQuery({
    queryKey: ['visitcards', 'expiring', page],
    queryFn: () => call('visitcards.expiring', { page, pageSize }),
    placeholderData: keepPreviousData,
  });
  const rows = q.data?.rows ?? [];
  const total = q.data?.total ?? 0;
  const days = config.data?.settings.expiringDays ?? '';
  // The English words agree with the number of days.
  const daysWords = { days, count: typeof days === 'number' ? days : 0 };
  return (
    <Stack>
      <Title order={2}>{t('visitcards.expiring.title')}</Title>
      <Text c="dimmed">{t('visitcards.expiring.intro', daysWords)}</Text>
      {q.error && <Alert color="red">{errorMessage(t, q.error)}</Alert>}
      {q.data && rows.length === 0 ? (
        <Alert color="teal">{t('visitcards.expiring.none', daysWords)}</Alert>
      ) : (
        <Table striped data-testid="expiring-visitcards">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('visitcards.expiring.member')}</Table.Th>
              <Table.Th>{t('visitcards.expiring.card')}</Table.Th>
              <Table.Th ta="right">{t('visitcards.expiring.left')}</Table.Th>
              <Table.Th>{t('visitcards.expiring.lastDay')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map(({ card: c, memberName, memberPhone }) => {
              const left = c.expiresOn ? daysBetween(today, c.expiresOn) : 0;
              return (
                <Table.Tr key={c.id} data-testid="expiring-visitcard-row">
                  <Table.Td>
                    <Anchor component={Link} href={`/members/${c.memberId}`}>
                      {memberName || t('members.noName')}
                    </Anchor>{' '}
                    <Text span size="sm" c="dimmed">
                      {memberPhone}
                    </Text>
                  </Table.Td>
                  <Table.Td>{c.name}</Table.Td>
                  <Table.Td ta="right">
                    {t('visitcards.card.usesLeft', { left: c.usesLeft, count: c.usesTotal })}
                  </Table.Td>
                  <Table.Td>
                    {c.expiresOn}{' '}
                    <Text span size="sm" c={left <= 7 ? 'orange' : 'dimmed'}>
                      {left <= 0 ? t('visitcards.expiring.today') : t('visitcards.expiring.daysLeft', { count: left })}
                    </Text>
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      )}
      {total > pageSize && (
        <Group justify="space-between">
          <Pagination value={page} onChange={setPage} total={Math.ceil(total / pageSize)} />
          <Text size="sm" c="dimmed">
            {t('common.pageTotal', { total })}
          </Text>
        </Group>
      )}
    </Stack>
  );
}
