import { Badge, Button, Group, Pagination, Stack, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatCode, type RedemptionInfo } from '../../../shared/rewards.js';
import { call } from '../../api/client';
import { useFormat } from '../../ui/format';
import { CancelRedemptionModal } from './CancelRedemptionModal';

const pageSize = 10;

export function StatusBadge({ r }: { r: RedemptionInfo }) {
  const { t } = useTranslation();
  if (r.expired) return <Badge color="gray">{t('rewards.status.expired')}</Badge>;
  const color = { issued: 'teal', used: 'blue', cancelled: 'gray' }[r.status];
  const key = r.status === 'used' && r.kind === 'goods' ? 'handedOver' : r.status;
  return <Badge color={color}>{t(`rewards.status.${key}`)}</Badge>;
}

/** Redemptions, newest first: one member's (with cancel) or the whole shop's. */
export function RedemptionsTable({
  memberId,
  showMember = false,
  canCancel = false,
}: {
  memberId?: number;
  showMember?: boolean;
  canCancel?: boolean;
}) {
  const { t } = useTranslation();
  const { dateTime } = useFormat();
  const [page, setPage] = useState(1);
  const [cancelling, setCancelling] = useState<RedemptionInfo | null>(null);
  const q = useQuery({
    queryKey: ['rewards', 'redemptions', memberId ?? 0, page],
    queryFn: () => call('rewards.redemptions', { ...(memberId ? { memberId } : {}), page, pageSize }),
  });
  const rows = q.data?.rows ?? [];
  if (q.data && q.data.total === 0) return <Text c="dimmed">{t('rewards.noRedemptions')}</Text>;
  return (
    <Stack gap="xs">
      <Table striped data-testid="redemptions">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('rewards.when')}</Table.Th>
            {showMember && <Table.Th>{t('rewards.member')}</Table.Th>}
            <Table.Th>{t('rewards.reward')}</Table.Th>
            <Table.Th ta="right">{t('rewards.points')}</Table.Th>
            <Table.Th>{t('rewards.code')}</Table.Th>
            <Table.Th>{t('rewards.statusLabel')}</Table.Th>
            {canCancel && <Table.Th />}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((r) => (
            <Table.Tr key={r.id}>
              <Table.Td>{dateTime(r.at)}</Table.Td>
              {showMember && (
                <Table.Td>
                  {r.memberName || r.memberNo}{' '}
                  <Text span size="xs" c="dimmed">
                    {r.memberNo}
                  </Text>
                </Table.Td>
              )}
              <Table.Td>
                {r.rewardName}
                {r.source !== 'redeem' && (
                  <Badge ml={4} variant="light" size="xs">
                    {t(`rewards.sources.${r.source}`)}
                  </Badge>
                )}
              </Table.Td>
              <Table.Td ta="right">{r.points || ''}</Table.Td>
              <Table.Td ff="monospace">
                {r.code ? formatCode(r.code) : ''}
                {r.code && (
                  <Text size="xs" c="dimmed">
                    {r.validUntil ? t('rewards.validUntil', { day: r.validUntil }) : t('rewards.noEnd')}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                <StatusBadge r={r} />
              </Table.Td>
              {canCancel && (
                <Table.Td>
                  {r.cancellable && (
                    <Button size="compact-xs" variant="subtle" color="red" onClick={() => setCancelling(r)}>
                      {t('rewards.cancel.action')}
                    </Button>
                  )}
                </Table.Td>
              )}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {(q.data?.total ?? 0) > pageSize && (
        <Group justify="flex-end">
          <Pagination value={page} onChange={setPage} total={Math.ceil((q.data?.total ?? 0) / pageSize)} size="sm" />
        </Group>
      )}
      <CancelRedemptionModal redemption={cancelling} onClose={() => setCancelling(null)} />
    </Stack>
  );
}
