import { Badge, Button, Group, Modal, Pagination, Stack, Table, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { voidableKinds, type LedgerEntry } from '../../../shared/points.js';
import { call } from '../../api/client';
import { useCommand } from '../../api/useCommand';
import { errorData, notifyError } from '../../ui/errors';
import { useFormat } from '../../ui/format';

const pageSize = 20;

/** Points history: every entry, newest first, paged; a manager voids a mistaken one with a reason. */
export function LedgerModal({
  memberId,
  opened,
  onClose,
  canVoid,
}: {
  memberId: number;
  opened: boolean;
  onClose: () => void;
  canVoid: boolean;
}) {
  const { t } = useTranslation();
  const { dateTime } = useFormat();
  const [page, setPage] = useState(1);
  const [voiding, setVoiding] = useState<LedgerEntry | null>(null);
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string | null>(null);
  const q = useQuery({
    queryKey: ['points', 'ledger', memberId, page],
    queryFn: () => call('points.ledger', { memberId, page, pageSize }),
    enabled: opened,
    placeholderData: keepPreviousData,
  });
  const doVoid = useCommand('points.void', {
    invalidates: ['points', 'members'],
    onSuccess: () => {
      notifications.show({ color: 'teal', message: t('points.ledger.voidDone') });
      setVoiding(null);
      setReason('');
    },
  });
  return (
    <Modal opened={opened} onClose={onClose} title={t('points.ledger.title')} size="xl">
      <Stack>
        <Table striped data-testid="ledger-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('points.purchases.at')}</Table.Th>
              <Table.Th>{t('points.ledger.kind')}</Table.Th>
              <Table.Th ta="right">{t('points.ledger.points')}</Table.Th>
              <Table.Th>{t('points.ledger.expires')}</Table.Th>
              <Table.Th>{t('points.ledger.note')}</Table.Th>
              <Table.Th>{t('points.ledger.staff')}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {(q.data?.rows ?? []).map((e) => (
              <Table.Tr key={e.id}>
                <Table.Td>{dateTime(e.at)}</Table.Td>
                <Table.Td>{t(`points.ledger.kinds.${e.kind}`)}</Table.Td>
                <Table.Td ta="right" c={e.points > 0 ? 'teal' : 'red'}>
                  {e.points > 0 ? `+${e.points}` : e.points}
                </Table.Td>
                <Table.Td>{e.expiresOn ?? ''}</Table.Td>
                <Table.Td>{e.note}</Table.Td>
                <Table.Td>{e.staff ?? ''}</Table.Td>
                <Table.Td>
                  {e.voidedBy !== null ? (
                    <Badge color="gray">{t('points.ledger.voided')}</Badge>
                  ) : (
                    canVoid &&
                    voidableKinds.includes(e.kind) && (
                      <Button size="compact-xs" variant="subtle" color="red" onClick={() => setVoiding(e)}>
                        {t('points.ledger.void')}
                      </Button>
                    )
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        {(q.data?.total ?? 0) > pageSize && (
          <Pagination value={page} onChange={setPage} total={Math.ceil((q.data?.total ?? 0) / pageSize)} />
        )}
        {voiding && (
          <Stack gap="xs" p="sm" bg="red.0">
            <Text size="sm" fw={600}>
              {t('points.ledger.voidTitle', { kind: t(`points.ledger.kinds.${voiding.kind}`), points: voiding.points })}
            </Text>
            <Text size="xs" c="dimmed">
              {t('points.ledger.voidHint')}
            </Text>
            <Group align="flex-end">
              <TextInput
                label={t('points.ledger.voidReason')}
                value={reason}
                onChange={(e) => {
                  setReason(e.currentTarget.value);
                  setReasonError(null);
                }}
                error={reasonError}
                style={{ flex: 1 }}
              />
              <Button variant="default" onClick={() => setVoiding(null)}>
                {t('common.cancel')}
              </Button>
              <Button
                color="red"
                loading={doVoid.isPending}
                onClick={() =>
                  doVoid.mutate(
                    { entryId: voiding.id, reason },
                    {
                      onError: (err) => {
                        const field = errorData(err).fields?.reason;
                        if (field) setReasonError(t(field.messageKey, field.params ?? {}));
                        else notifyError(t, err);
                      },
                    },
                  )
                }
              >
                {t('points.ledger.void')}
              </Button>
            </Group>
          </Stack>
        )}
      </Stack>
    </Modal>
  );
}
