import { Badge, Button, Card, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { useDisclosure, useHotkeys } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconAdjustments, IconCalendarCheck, IconGift, IconListDetails, IconReceipt2 } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { can } from '../../../shared/permissions.js';
import { call } from '../../api/client';
import { useCommand } from '../../api/useCommand';
import { useSession } from '../../stores/session';
import { notifyError } from '../../ui/errors';
import { DrawButton } from '../draws/DrawButton';
import { RedeemModal } from '../rewards/RedeemModal';
import { AdjustModal } from './AdjustModal';
import { AttendActivity } from './AttendActivity';
import { LedgerModal } from './LedgerModal';
import { PurchaseModal } from './PurchaseModal';

/** The counter's points card: balance, what is usable, upcoming expiries, the check-in streak, and the acts. */
export function MemberPointsCard({
  memberId,
  memberNo,
  writable,
}: {
  memberId: number;
  memberNo: string;
  writable: boolean;
}) {
  const { t } = useTranslation();
  const role = useSession((s) => s.session)!.staff.role;
  const [buyOpen, buy] = useDisclosure(false);
  const [adjustOpen, adjust] = useDisclosure(false);
  const [ledgerOpen, ledger] = useDisclosure(false);
  const [redeemOpen, redeem] = useDisclosure(false);
  const canBuy = writable && can(role, 'purchases.write');
  // F4 at the counter: record a purchase without reaching for the mouse (F2 is the search).
  useHotkeys([['F4', () => canBuy && buy.open()]], []);
  const q = useQuery({ queryKey: ['points', 'get', memberId], queryFn: () => call('points.get', { memberId }) });
  const checkIn = useCommand('points.checkIn', {
    invalidates: ['points', 'members'],
    onSuccess: (r) =>
      notifications.show({
        color: 'teal',
        message:
          t('points.checkIn.done', { points: r.points, streak: r.streak }) +
          (r.bonus ? t('points.checkIn.bonus', { bonus: r.bonus }) : ''),
      }),
  });
  const activities = useQuery({
    queryKey: ['activities', memberId],
    queryFn: () => call('activities.list', { forMember: memberId }),
  });
  if (!q.data) return <Loader size="sm" />;
  const p = q.data;
  const open = activities.data ?? [];

  return (
    <Card withBorder>
      <Group justify="space-between" align="flex-start">
        <Stack gap={4}>
          <Title order={4}>{t('points.card.title')}</Title>
          <Text fz={32} fw={700} c="teal" data-testid="points-balance">
            {p.balance}
          </Text>
          <Text size="sm" c="dimmed">
            {t('points.card.usable', { points: p.usable })}
          </Text>
          {p.lapsed > 0 && (
            <Text size="sm" c="dimmed">
              {t('points.card.lapsed', { points: p.lapsed })}
            </Text>
          )}
          {p.frozen > 0 && (
            <Text size="sm" c="orange">
              {p.thaws.map((th) => t('points.card.frozen', { points: th.points, on: th.on })).join('; ')}
            </Text>
          )}
        </Stack>
        <Stack gap={4} align="flex-end">
          {p.checkedInToday && <Badge color="teal">{t('points.card.checkedInToday')}</Badge>}
          {p.streak > 0 && (
            <Text size="sm" data-testid="checkin-streak">
              {t('points.card.streak', { count: p.streak })}
            </Text>
          )}
        </Stack>
      </Group>
      <Stack gap={2} mt="xs" data-testid="points-expiries">
        {p.expiries.length === 0 ? (
          <Text size="xs" c="dimmed">
            {p.balance > 0 ? t('points.card.noExpiry') : ''}
          </Text>
        ) : (
          p.expiries.slice(0, 4).map((e) => (
            <Text key={e.on} size="sm" c="orange">
              {t('points.card.expiryLine', { on: e.on, points: e.points })}
            </Text>
          ))
        )}
      </Stack>
      <Group mt="md" gap="xs">
        {canBuy && (
          <>
            <Button leftSection={<IconReceipt2 size={16} />} onClick={buy.open}>
              {t('points.card.record')}
            </Button>
            <Button
              variant="light"
              leftSection={<IconCalendarCheck size={16} />}
              disabled={p.checkedInToday}
              loading={checkIn.isPending}
              onClick={() => checkIn.mutate({ memberId }, { onError: (e) => notifyError(t, e) })}
            >
              {t('points.card.checkIn')}
            </Button>
            <Button variant="light" leftSection={<IconGift size={16} />} onClick={redeem.open}>
              {t('rewards.redeem.open')}
            </Button>
            <DrawButton memberId={memberId} />
          </>
        )}
        <Button variant="default" leftSection={<IconListDetails size={16} />} onClick={ledger.open}>
          {t('points.card.ledger')}
        </Button>
        {writable && can(role, 'points.adjust') && (
          <Button variant="default" leftSection={<IconAdjustments size={16} />} onClick={adjust.open}>
            {t('points.card.adjust')}
          </Button>
        )}
        {writable && can(role, 'purchases.write') && open.length > 0 && (
          <AttendActivity memberId={memberId} activities={open} />
        )}
      </Group>
      {writable && (
        <PurchaseModal memberId={memberId} memberNo={memberNo} usable={p.usable} opened={buyOpen} onClose={buy.close} />
      )}
      {writable && <RedeemModal memberId={memberId} opened={redeemOpen} onClose={redeem.close} />}
      {writable && <AdjustModal memberId={memberId} opened={adjustOpen} onClose={adjust.close} />}
      <LedgerModal
        memberId={memberId}
        opened={ledgerOpen}
        onClose={ledger.close}
        canVoid={writable && can(role, 'points.adjust')}
      />
    </Card>
  );
}
