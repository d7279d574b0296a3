import { Button, Card, Group, Pagination, Table, Text, Title } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PurchaseInfo } from '../../../shared/points.js';
import { can } from '../../../shared/permissions.js';
import { formatFen } from '../../../shared/rules/money.js';
import { call } from '../../api/client';
import { useSession } from '../../stores/session';
import { useFormat } from '../../ui/format';
import { RefundModal } from './RefundModal';

const pageSize = 10;

/** The member's purchases, newest first, each with what was refunded and a refund action. */
export function PurchasesCard({ memberId }: { memberId: number }) {
  const { t } = useTranslation();
  const { dateTime } = useFormat();
  const role = useSession((s) => s.session)!.staff.role;
  const [page, setPage] = useState(1);
  const [refunding, setRefunding] = useState<PurchaseInfo | null>(null);
  const q = useQuery({
    queryKey: ['purchases', 'list', memberId, page],
    queryFn: () => call('purchases.list', { memberId, page, pageSize }),
    placeholderData: keepPreviousData,
  });
  const rows = q.data?.rows ?? [];
  return (
    <Card withBorder>
      <Title order={4} mb="sm">
        {t('points.purchases.title')}
      </Title>
      {rows.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('points.purchases.none')}
        </Text>
      ) : (
        <Table data-testid="purchases-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('points.purchases.at')}</Table.Th>
              <Table.Th ta="right">{t('points.purchases.amount')}</Table.Th>
              <Table.Th ta="right">{t('points.purchases.points')}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((p) => (
              <Table.Tr key={p.id}>
                <Table.Td>
                  {dateTime(p.at)}
                  <Text size="xs" c="dimmed">
                    {[
                      t(`points.paymentMethods.${p.paymentMethod}`),
                      // Part paid from stored value, the rest by the method: both shown.
                      p.storedValueFen > 0 && p.paymentMethod !== 'storedValue'
                        ? t('wallet.purchases.storedValue', { amount: formatFen(p.storedValueFen) })
                        : '',
                      p.category,
                      p.receiptNo,
                      p.items,
                    ]
                      .filter(Boolean)
                      .join(' · ')}
                  </Text>
                </Table.Td>
                <Table.Td ta="right">
                  ¥{formatFen(p.amountFen)}
                  {p.refundedFen > 0 && (
                    <Text size="xs" c="red">
                      {t('points.purchases.refunded', { amount: formatFen(p.refundedFen) })}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td ta="right">
                  {t('points.purchases.earnedShort', { points: p.pointsEarned - p.pointsReversed })}
                  {p.pointsUsed > 0 && (
                    <Text size="xs" c="dimmed">
                      {t('points.purchases.paidWithPoints', { points: p.pointsUsed })}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  {can(role, 'purchases.write') && p.refundedFen < p.amountFen && (
                    <Button size="compact-xs" variant="subtle" color="red" onClick={() => setRefunding(p)}>
                      {t('points.purchases.refund')}
                    </Button>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {(q.data?.total ?? 0) > pageSize && (
        <Group justify="center" mt="sm">
          <Pagination value={page} onChange={setPage} total={Math.ceil((q.data?.total ?? 0) / pageSize)} size="sm" />
        </Group>
      )}
      <RefundModal purchase={refunding} onClose={() => setRefunding(null)} />
    </Card>
  );
}
