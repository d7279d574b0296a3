import { Alert, Button, Group, Modal, Stack, Text, TextInput, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconInfoCircle, IconLock } from '@tabler/icons-react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isCalendarDate } from '../../../shared/rules/businessDay.js';
import type { TillTotals } from '../../../shared/wallet.js';
import { call } from '../../api/client';
import { useCommand } from '../../api/useCommand';
import { errorMessage, notifyError } from '../../ui/errors';
import { useFormat } from '../../ui/format';
import { useSession } from '../../stores/session';
import { daysBefore } from '../../ui/period';
import { ExportButton } from '../export/ExportModal';
import { PrintSlip } from '../slips/PrintSlip';
import { useShopToday } from '../tiers/shopDay';
import { TillClosesTable, useTillSlip } from './tillCloses';
import { tillSlip } from './tillSlip';
import { money, TillLinesTable } from './tillTable';

/** The figures a close printed, to tell whether the day moved since (names may change; sums may not). */
const sums = (x: TillTotals) => JSON.stringify([x.byMethod.map((l) => ({ ...l, staffName: null })), x.total]);

/**
 * The day close (owners, managers): one shop day's totals per clerk and payment method, per method and in
 * all, always live from the day's records; closing records them (and audits it), prints the slip.
 */
export function DayClosePage() {
  const { t } = useTranslation();
  const f = useFormat();
  const today = useShopToday();
  const shopName = useSession((s) => s.session?.settings.shopName) ?? '';
  const [day, setDay] = useState(today);
  const [confirming, { open, close }] = useDisclosure(false);
  const { slip, show, print } = useTillSlip();
  const valid = isCalendarDate(day) && day <= today;
  const live = useQuery({
    queryKey: ['till', 'day', day],
    queryFn: () => call('wallet.dayClose', { day }),
    placeholderData: keepPreviousData,
    refetchOnMount: 'always',
    enabled: valid,
  });
  const closes = useQuery({
    queryKey: ['till', 'closes', day],
    queryFn: () => call('wallet.closes', { day }),
    refetchOnMount: 'always',
    enabled: valid,
  });
  const closeDay = useCommand('wallet.closeDay', { invalidates: ['till'] });
  const confirm = () =>
    closeDay.mutate(
      { day },
      {
        onSuccess: (c) => {
          close();
          show(c);
          notifications.show({ color: 'teal', message: t('till.day.closed', { day: c.day }) });
        },
        onError: (e) => notifyError(t, e),
      },
    );
  const choose = (d: string) => {
    setDay(d);
    show(null);
  };
  const c = live.data?.day === day ? live.data : undefined;
  const lastClose = closes.data?.find((x) => x.kind === 'day');
  const changed = c && lastClose && sums(lastClose.totals) !== sums(c.totals);
  const yesterday = daysBefore(today, 1);
  return (
    <Stack>
      <Group justify="space-between" align="end">
        <Title order={2}>{t('till.day.title')}</Title>
        <Group>
          {valid && <ExportButton target={{ list: 'tillClose', day }} label={t('till.day.export')} />}
          <Button leftSection={<IconLock size={18} />} onClick={open} disabled={!c} data-testid="day-close">
            {c?.id ? t('till.day.closeAgain') : t('till.day.close')}
          </Button>
        </Group>
      </Group>
      <Text c="dimmed" size="sm">
        {t('till.day.intro')}
      </Text>
      <Alert variant="light" color="blue" icon={<IconInfoCircle size={18} />} data-testid="till-note">
        {t('till.tillNote')}
      </Alert>
      <Group align="end">
        <TextInput
          type="date"
          label={t('till.day.day')}
          value={day}
          max={today}
          onChange={(e) => choose(e.currentTarget.value)}
          error={isCalendarDate(day) && day > today && t('errors.member.dateInFuture')}
          data-testid="day-close-day"
        />
        <Button variant={day === today ? 'light' : 'default'} onClick={() => choose(today)}>
          {t('till.day.today')}
        </Button>
        <Button variant={day === yesterday ? 'light' : 'default'} onClick={() => choose(yesterday)}>
          {t('till.day.yesterday')}
        </Button>
      </Group>
      {live.error && <Alert color="red">{errorMessage(t, live.error)}</Alert>}
      {c && (
        <>
          <Group justify="space-between">
            <Text fw={500} data-testid="day-close-status">
              {c.id && c.at
                ? t('till.day.closedAt', { at: f.dateTime(c.at), name: c.closedByName ?? '' })
                : t('till.day.notClosed')}
            </Text>
            {slip && <PrintSlip slip={tillSlip(t, slip, shopName, f.dateTime)} />}
          </Group>
          {changed && <Alert color="yellow">{t('till.day.changed')}</Alert>}
          {c.totals.lines.length ? (
            <>
              <Title order={4}>{t('till.day.byMethod')}</Title>
              <TillLinesTable
                lines={c.totals.byMethod}
                showStaff={false}
                total={c.totals.total}
                testId="day-close-by-method"
              />
              <Title order={4}>{t('till.day.byStaff')}</Title>
              <TillLinesTable lines={c.totals.lines} showStaff testId="day-close-lines" />
            </>
          ) : (
            <Text c="dimmed">{t('till.nothing')}</Text>
          )}
        </>
      )}
      <Title order={4}>{t('till.day.records')}</Title>
      {closes.data && <TillClosesTable closes={closes.data} onPrint={print} empty={t('till.day.noRecords')} />}
      <Modal opened={confirming} onClose={close} title={t('till.day.confirmTitle')}>
        <Stack>
          <Text>{t('till.day.confirmBody', { day, net: money(t, c?.totals.total.netFen ?? 0) })}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t('common.cancel')}
            </Button>
            <Button onClick={confirm} loading={closeDay.isPending} data-testid="day-close-confirm">
              {t('till.day.confirm')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}
