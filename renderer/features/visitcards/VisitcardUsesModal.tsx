import { Badge, Button, Modal, Table, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconArrowBackUp } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { can } from '../../../shared/permissions.js';
import type { Visitcard, VisitcardUse } from '../../../shared/visitcards.js';
import { call } from '../../api/client';
import { useCommand } from '../../api/useCommand';
import { useSession } from '../../stores/session';
import { useFormat } from '../../ui/format';
import { ReasonModal } from '../../ui/ReasonModal';
import { useShopToday } from '../tiers/shopDay';
import { useSendOnce } from './sendOnce';

/**
 * A card's visits, newest first: each deduction and each undo. A mistaken deduction is undone
 * with a reason by a reversing row; a clerk may undo only today's, older ones need a manager.
 */
export function VisitcardUsesModal({
  card,
  writable,
  onClose,
}: {
  card: Visitcard | null;
  writable: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { dateTime } = useFormat();
  const today = useShopToday();
  const role = useSession((s) => s.session)!.staff.role;
  const [undoing, setUndoing] = useState<VisitcardUse | null>(null);
  const once = useSendOnce();
  const q = useQuery({
    queryKey: ['visitcards', 'uses', card?.id],
    queryFn: () => call('visitcards.uses', { cardId: card!.id }),
    enabled: card !== null,
  });
  const undo = useCommand('visitcards.undoUse', {
    invalidates: ['visitcards', 'members'],
    onSuccess: (c) => {
      notifications.show({
        color: 'teal',
        message: t('visitcards.uses.undoDone', { left: c.usesLeft, count: c.usesTotal }),
      });
      setUndoing(null);
    },
  });
  const rows = q.data ?? [];
  const mayUndo = (u: VisitcardUse) =>
    writable &&
    card !== null &&
    card.state !== 'refunded' &&
    can(role, 'purchases.write') &&
    u.uses === 1 &&
    u.reversedBy === null;
  const oldNeedsManager = (u: VisitcardUse) => u.day !== today && !can(role, 'wallet.refund');

  return (
    <>
      <Modal
        opened={card !== null && undoing === null}
        onClose={onClose}
        title={card ? t('visitcards.uses.title', { name: card.name }) : ''}
        size="xl"
      >
        {q.data && rows.length === 0 ? (
          <Text c="dimmed" size="sm">
            {t('visitcards.uses.none')}
          </Text>
        ) : (
          <Table data-testid="visitcard-uses">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('visitcards.uses.at')}</Table.Th>
                <Table.Th>{t('visitcards.uses.kind')}</Table.Th>
                <Table.Th>{t('visitcards.uses.service')}</Table.Th>
                <Table.Th>{t('visitcards.uses.staff')}</Table.Th>
                <Table.Th>{t('visitcards.uses.note')}</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((u) => (
                <Table.Tr key={u.id} data-testid="visitcard-use-row">
                  <Table.Td>{dateTime(u.at)}</Table.Td>
                  <Table.Td>
                    <Text size="sm" c={u.uses < 0 ? 'orange' : undefined}>
                      {u.uses > 0 ? t('visitcards.uses.used') : t('visitcards.uses.undone')}
                    </Text>
                    {u.reversedBy !== null && (
                      <Badge color="gray" size="sm">
                        {t('visitcards.uses.reversed')}
                      </Badge>
                    )}
                  </Table.Td>
                  <Table.Td>{u.service}</Table.Td>
                  <Table.Td>{u.staffName ?? ''}</Table.Td>
                  <Table.Td>{u.note}</Table.Td>
                  <Table.Td>
                    {mayUndo(u) && (
                      <Button
                        size="compact-xs"
                        variant="subtle"
                        color="red"
                        leftSection={<IconArrowBackUp size={14} />}
                        disabled={oldNeedsManager(u)}
                        title={oldNeedsManager(u) ? t('visitcards.uses.undoOldHint') : undefined}
                        onClick={() => setUndoing(u)}
                      >
                        {t('visitcards.uses.undo')}
                      </Button>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Modal>
      <ReasonModal
        opened={undoing !== null}
        onClose={() => setUndoing(null)}
        title={t('visitcards.uses.undoTitle')}
        intro={undoing ? t('visitcards.uses.undoIntro', { at: dateTime(undoing.at) }) : ''}
        label={t('visitcards.uses.undoReason')}
        submitLabel={t('visitcards.uses.undoSubmit')}
        pending={undo.isPending}
        onSubmit={(reason, callbacks) =>
          undoing && once((release) => undo.mutate({ useId: undoing.id, reason }, { ...callbacks, onSettled: release }))
        }
      />
    </>
  );
}
