import { Badge, Button, Group, Pagination, Stack, Table, Text, Title, Tooltip } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatFen } from '../../../shared/rules/money.js';
import type { Balance, WalletEntry } from '../../../shared/wallet.js';
import { call } from '../../api/client';
import { useCommand } from '../../api/useCommand';
import { useFormat } from '../../ui/format';
import { ReasonModal } from '../../ui/ReasonModal';
import { entryKindKey, entryNote, holds, signedYuan } from './walletMoney';

const pageSize = 10;

/**
 * The member's stored-value history, newest first, both parts of every entry. The owner undoes an
 * adjustment, an owner or manager voids a mistaken top-up; both by a reversing entry.
 */
export function WalletLedger({
  memberId,
  balance,
  canReverse,
  canVoid,
}: {
  memberId: number;
  /** The balance now: a top-up can be voided only while it still holds both its parts. */
  balance: Balance;
  canReverse: boolean;
  canVoid: boolean;
}) {
  const { t } = useTranslation();
  const { dateTime } = useFormat();
  const [page, setPage] = useState(1);
  const [reversing, setReversing] = useState<WalletEntry | null>(null);
  const [voiding, setVoiding] = useState<WalletEntry | null>(null);
  const q = useQuery({
    queryKey: ['wallet', 'ledger', memberId, page],
    queryFn: () => call('wallet.ledger', { memberId, page, pageSize }),
    placeholderData: keepPreviousData,
  });
  const reverse = useCommand('wallet.reverse', {
    invalidates: ['wallet', 'members'],
    onSuccess: () => {
      notifications.show({ color: 'teal', message: t('wallet.ledger.reverseDone') });
      setReversing(null);
    },
  });
  const voidTopup = useCommand('wallet.voidTopup', {
    invalidates: ['wallet', 'points', 'members', 'till'],
    onSuccess: () => {
      notifications.show({ color: 'teal', message: t('wallet.ledger.voidDone') });
      setVoiding(null);
    },
  });
  const rows = q.data?.rows ?? [];
  const total = q.data?.total ?? 0;
  const part = (fen: number) => (
    <Text span size="sm" c={fen > 0 ? 'teal' : fen < 0 ? 'red' : 'dimmed'}>
      {signedYuan(fen)}
    </Text>
  );
  const action = (e: WalletEntry) => {
    if (e.reversedBy !== null)
      return <Badge color="gray">{t(e.kind === 'topup' ? 'wallet.ledger.voided' : 'wallet.ledger.reversed')}</Badge>;
    // Undoing or voiding takes the entry's parts back: offered only while the balance holds them.
    const held = holds(balance, e);
    if (canReverse && e.kind === 'adjust')
      return held ? (
        <Button size="compact-xs" variant="subtle" color="red" onClick={() => setReversing(e)}>
          {t('wallet.ledger.reverse')}
        </Button>
      ) : (
        <Tooltip
          multiline
          w={240}
          label={t('wallet.ledger.spentNoReverseHint', {
            principal: formatFen(Math.max(0, e.principalFen)),
            bonus: formatFen(Math.max(0, e.bonusFen)),
          })}
        >
          <Text size="xs" c="dimmed" data-testid="reverse-spent">
            {t('wallet.ledger.spentNoReverse')}
          </Text>
        </Tooltip>
      );
    if (canVoid && e.kind === 'topup' && e.refId !== null && held)
      return (
        <Button size="compact-xs" variant="subtle" color="red" onClick={() => setVoiding(e)}>
          {t('wallet.ledger.void')}
        </Button>
      );
    return null;
  };
  return (
    <Stack gap="xs" mt="md">
      <Title order={5}>{t('wallet.ledger.title')}</Title>
      {rows.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('wallet.ledger.none')}
        </Text>
      ) : (
        <Table striped data-testid="wallet-ledger">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('wallet.ledger.at')}</Table.Th>
              <Table.Th>{t('wallet.ledger.kind')}</Table.Th>
              <Table.Th ta="right">{t('wallet.principal')}</Table.Th>
              <Table.Th ta="right">{t('wallet.bonus')}</Table.Th>
              <Table.Th>{t('wallet.ledger.staff')}</Table.Th>
              <Table.Th>{t('wallet.ledger.note')}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((e) => (
              <Table.Tr key={e.id} data-testid={`wallet-entry-${e.kind}`}>
                <Table.Td>{dateTime(e.at)}</Table.Td>
                <Table.Td>{t(`wallet.ledger.kinds.${entryKindKey(e)}`)}</Table.Td>
                <Table.Td ta="right">{part(e.principalFen)}</Table.Td>
                <Table.Td ta="right">{part(e.bonusFen)}</Table.Td>
                <Table.Td>{e.staffName ?? ''}</Table.Td>
                <Table.Td>{entryNote(t, e)}</Table.Td>
                <Table.Td>{action(e)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {total > pageSize && (
        <Group justify="center">
          <Pagination value={page} onChange={setPage} total={Math.ceil(total / pageSize)} size="sm" />
        </Group>
      )}
      <ReasonModal
        opened={reversing !== null}
        onClose={() => setReversing(null)}
        title={t('wallet.ledger.reverseTitle')}
        intro={
          reversing
            ? t('wallet.ledger.reverseIntro', {
                principal: signedYuan(-reversing.principalFen),
                bonus: signedYuan(-reversing.bonusFen),
              })
            : ''
        }
        label={t('wallet.ledger.reason')}
        submitLabel={t('wallet.ledger.reverse')}
        pending={reverse.isPending}
        onSubmit={(reason, cb) =>
          reversing &&
          reverse.mutate({ entryId: reversing.id, reason }, { onError: cb.onError, onSuccess: cb.onSuccess })
        }
      />
      <ReasonModal
        opened={voiding !== null}
        onClose={() => setVoiding(null)}
        title={t('wallet.ledger.voidTitle')}
        intro={
          voiding
            ? t('wallet.ledger.voidIntro', {
                principal: formatFen(voiding.principalFen),
                bonus: formatFen(voiding.bonusFen),
              })
            : ''
        }
        label={t('wallet.ledger.reason')}
        submitLabel={t('wallet.ledger.void')}
        pending={voidTopup.isPending}
        onSubmit={(reason, cb) =>
          voiding?.refId != null &&
          voidTopup.mutate({ topupId: voiding.refId, reason }, { onError: cb.onError, onSuccess: cb.onSuccess })
        }
      />
    </Stack>
  );
}
