import { Badge, Button, Card, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconAdjustments, IconCashBanknote, IconReceiptRefund } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Member } from '../../../shared/domain.js';
import { can } from '../../../shared/permissions.js';
import { formatFen } from '../../../shared/rules/money.js';
import { call } from '../../api/client';
import { useSession } from '../../stores/session';
import { AdjustWalletModal } from './AdjustWalletModal';
import { RefundBalanceModal } from './RefundBalanceModal';
import { TopupModal } from './TopupModal';
import { WalletLedger } from './WalletLedger';

/**
 * The member's stored value: principal and bonus kept apart, their total and the cap; top-up
 * at the counter, the balance refund for an owner or manager, the owner's adjustment, and the history.
 */
export function MemberWalletCard({ member, writable }: { member: Member; writable: boolean }) {
  const { t } = useTranslation();
  const role = useSession((s) => s.session)!.staff.role;
  const [topupOpen, topup] = useDisclosure(false);
  const [refundOpen, refund] = useDisclosure(false);
  const [adjustOpen, adjust] = useDisclosure(false);
  const q = useQuery({
    queryKey: ['wallet', 'summary', member.id],
    queryFn: () => call('wallet.summary', { memberId: member.id }),
  });
  if (!q.data) return <Loader size="sm" />;
  const s = q.data;
  const canTopup = writable && can(role, 'purchases.write');
  const canRefund = writable && can(role, 'wallet.refund');
  const canAdjust = writable && can(role, 'wallet.adjust');
  const empty = s.principalFen === 0 && s.bonusFen === 0;
  // Dialogs name the member: the clerk sees whose money it is.
  const who = member.name ? `${member.name} ${member.memberNo}` : member.memberNo;

  return (
    <Card withBorder data-testid="member-wallet">
      <Group justify="space-between" align="flex-start">
        <Stack gap={4}>
          <Group gap="xs">
            <Title order={4}>{t('wallet.title')}</Title>
            {s.principalFen > s.capFen && (
              <Badge color="orange" data-testid="wallet-over-cap">
                {t('wallet.card.overCap')}
              </Badge>
            )}
          </Group>
          <Text fz={28} fw={700} c="teal" data-testid="wallet-total">
            ¥{formatFen(s.totalFen)}
          </Text>
          <Group gap="lg">
            <Text data-testid="wallet-principal">
              {t('wallet.card.principal', { amount: formatFen(s.principalFen) })}
            </Text>
            <Text data-testid="wallet-bonus">{t('wallet.card.bonus', { amount: formatFen(s.bonusFen) })}</Text>
          </Group>
          <Text size="xs" c={s.principalFen > s.capFen ? 'orange' : 'dimmed'}>
            {t('wallet.card.cap', { cap: formatFen(s.capFen) })}
          </Text>
        </Stack>
        <Group gap="xs">
          {canTopup && (
            <Button leftSection={<IconCashBanknote size={16} />} onClick={topup.open}>
              {t('wallet.card.topup')}
            </Button>
          )}
          {canRefund && !empty && (
            <Button variant="light" color="red" leftSection={<IconReceiptRefund size={16} />} onClick={refund.open}>
              {t('wallet.card.refund')}
            </Button>
          )}
          {canAdjust && (
            <Button variant="default" leftSection={<IconAdjustments size={16} />} onClick={adjust.open}>
              {t('wallet.card.adjust')}
            </Button>
          )}
        </Group>
      </Group>
      <WalletLedger memberId={member.id} balance={s} canReverse={canAdjust} canVoid={canRefund} />
      {canTopup && (
        <TopupModal
          memberId={member.id}
          memberNo={member.memberNo}
          memberName={who}
          summary={s}
          opened={topupOpen}
          onClose={topup.close}
        />
      )}
      {canRefund && (
        <RefundBalanceModal
          memberId={member.id}
          memberNo={member.memberNo}
          memberName={who}
          summary={s}
          opened={refundOpen}
          onClose={refund.close}
        />
      )}
      {canAdjust && (
        <AdjustWalletModal
          memberId={member.id}
          memberName={who}
          summary={s}
          opened={adjustOpen}
          onClose={adjust.close}
        />
      )}
    </Card>
  );
}
