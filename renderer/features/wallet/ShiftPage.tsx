import { Alert, Button, Group, Modal, Stack, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconCashRegister, IconInfoCircle, IconRefresh } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TillClose } from '../../../shared/wallet.js';
import { call } from '../../api/client';
import { useCommand } from '../../api/useCommand';
import { errorMessage, notifyError } from '../../ui/errors';
import { useFormat } from '../../ui/format';
import { useSession } from '../../stores/session';
import { PrintSlip } from '../slips/PrintSlip';
import { useShopToday } from '../tiers/shopDay';
import { TillClosesTable, useTillSlip } from './tillCloses';
import { tillSlip } from './tillSlip';
import { money, TillLinesTable } from './tillTable';

/**
 * The clerk's shift so far (the handover): their own top-ups, count cards, refunds and stored-value spending
 * since their last handover, per payment method. Handing over records the totals and offers the
 * slip; today's handovers are listed below, each printable again.
 */
export function ShiftPage() {
  const { t } = useTranslation();
  const f = useFormat();
  const today = useShopToday();
  const shopName = useSession((s) => s.session?.settings.shopName) ?? '';
  const [confirming, { open, close }] = useDisclosure(false);
  const { slip, show, print } = useTillSlip();
  const [handedOver, setHandedOver] = useState<TillClose | null>(null);
  const shift = useQuery({
    queryKey: ['till', 'shift'],
    queryFn: () => call('wallet.shift', {}),
    refetchOnMount: 'always',
    refetchInterval: 60_000,
  });
  const closes = useQuery({
    queryKey: ['till', 'closes', today],
    queryFn: () => call('wallet.closes', { day: today }),
    refetchOnMount: 'always',
  });
  const closeShift = useCommand('wallet.closeShift', { invalidates: ['till'] });
  const handOver = () =>
    closeShift.mutate(
      {},
      {
        onSuccess: (c) => {
          close();
          setHandedOver(c);
          show(c);
        },
        onError: (e) => notifyError(t, e),
      },
    );
  const s = shift.data;
  return (
    <Stack>
      <Group justify="space-between" align="end">
        <Title order={2}>{t('till.shift.title')}</Title>
        <Group>
          <Button
            variant="default"
            leftSection={<IconRefresh size={18} />}
            onClick={() => void shift.refetch()}
            loading={shift.isFetching}
          >
            {t('till.shift.refresh')}
          </Button>
          <Button leftSection={<IconCashRegister size={18} />} onClick={open} disabled={!s} data-testid="shift-close">
            {t('till.shift.close')}
          </Button>
        </Group>
      </Group>
      <Text c="dimmed" size="sm">
        {t('till.shift.intro')}
      </Text>
      <Alert variant="light" color="blue" icon={<IconInfoCircle size={18} />} data-testid="till-note">
        {t('till.tillNote')}
      </Alert>
      {shift.error && <Alert color="red">{errorMessage(t, shift.error)}</Alert>}
      {handedOver && (
        <Alert color="teal" data-testid="shift-closed">
          {t('till.shift.closed', { net: money(t, handedOver.totals.total.netFen) })}
        </Alert>
      )}
      {slip && (
        <Group justify="flex-end">
          <PrintSlip slip={tillSlip(t, slip, shopName, f.dateTime)} />
        </Group>
      )}
      {s && (
        <>
          <Text fw={500}>{t('till.shift.since', { from: f.dateTime(s.totals.from) })}</Text>
          {s.totals.lines.length ? (
            <TillLinesTable lines={s.totals.lines} showStaff={false} total={s.totals.total} testId="shift-table" />
          ) : (
            <Text c="dimmed">{t('till.nothing')}</Text>
          )}
        </>
      )}
      <Title order={4}>{t('till.shift.today')}</Title>
      {closes.data && <TillClosesTable closes={closes.data} onPrint={print} empty={t('till.shift.noneToday')} />}
      <Modal opened={confirming} onClose={close} title={t('till.shift.confirmTitle')}>
        <Stack>
          <Text>{t('till.shift.confirmBody', { net: money(t, s?.totals.total.netFen ?? 0) })}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t('common.cancel')}
            </Button>
            <Button onClick={handOver} loading={closeShift.isPending} data-testid="shift-confirm">
              {t('till.shift.confirm')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}
