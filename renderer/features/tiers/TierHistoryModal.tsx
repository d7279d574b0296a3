import { Loader, Modal, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { call } from '../../api/client';
import { errorMessage } from '../../ui/errors';
import { useFormat } from '../../ui/format';

/** Every tier change of one member, newest first: upgrades, reviews, manual tiers, refunds. */
export function TierHistoryModal({
  memberId,
  opened,
  onClose,
}: {
  memberId: number;
  opened: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { dateTime } = useFormat();
  const q = useQuery({
    queryKey: ['tiers', 'history', memberId],
    queryFn: () => call('tiers.history', { memberId }),
    enabled: opened,
  });
  const rows = q.data ?? [];
  return (
    <Modal opened={opened} onClose={onClose} title={t('tierMember.history.title')} size="xl">
      {q.isPending && <Loader size="sm" />}
      {q.isError && <Text c="red">{errorMessage(t, q.error)}</Text>}
      {q.data && rows.length === 0 && <Text c="dimmed">{t('tierMember.history.empty')}</Text>}
      {rows.length > 0 && (
        <Table striped data-testid="tier-history">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('tierMember.history.at')}</Table.Th>
              <Table.Th>{t('tierMember.history.kind')}</Table.Th>
              <Table.Th>{t('tierMember.history.change')}</Table.Th>
              <Table.Th ta="right">{t('tierMember.history.growth')}</Table.Th>
              <Table.Th>{t('tierMember.history.reason')}</Table.Th>
              <Table.Th>{t('tierMember.history.staff')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((c) => (
              <Table.Tr key={c.id}>
                <Table.Td>{dateTime(c.at)}</Table.Td>
                <Table.Td>{t(`tiers.kinds.${c.kind}`, { defaultValue: c.kind })}</Table.Td>
                <Table.Td>{c.fromTier ? `${c.fromTier} → ${c.toTier}` : c.toTier}</Table.Td>
                <Table.Td ta="right">{c.growth}</Table.Td>
                <Table.Td>{c.reason}</Table.Td>
                <Table.Td>{c.staffName ?? t('tiers.report.system')}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Modal>
  );
}
