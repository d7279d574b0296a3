import { Loader, Modal, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { call } from '../../api/client';
import { errorMessage } from '../../ui/errors';
import { useFormat } from '../../ui/format';
import { TierChangesTable } from './TierChangesTable';

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
        <TierChangesTable
          rows={rows}
          when={(c) => dateTime(c.at)}
          whenLabel={t('tierMember.history.at')}
          withMember={false}
          testId="tier-history"
        />
      )}
    </Modal>
  );
}
