import { Button, Group, Modal, SegmentedControl, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TimelineEvent } from '../../../shared/domain.js';
import { formatFen } from '../../../shared/rules/money.js';
import { refundFee } from '../../../shared/rules/wallet.js';
import { tillMethods, type PayoutResult, type TillMethod, type WalletSummary } from '../../../shared/wallet.js';
import { call } from '../../api/client';
import { useCommand } from '../../api/useCommand';
import { showErrors } from '../../ui/errors';
import { PrintSlip } from '../slips/PrintSlip';
import { usePayoutSlip } from './topupSlip';
import { useWalletConfig } from './useWalletConfig';

/** The method of the member's latest top-up still standing (not voided), from their timeline. */
function latestTopupMethod(events: TimelineEvent[]): TillMethod | null {
  const voided = new Set(events.filter((e) => e.kind === 'walletTopupVoided').map((e) => e.data.topupId));
  const last = events.find((e) => e.kind === 'walletTopup' && !voided.has(e.data.topupId));
  const method = last?.data.method;
  return tillMethods.find((m) => m === method) ?? null;
}

/**
 * The balance refund (owner, manager): the remaining principal less the fee the terms allow is paid out, the bonus
 * is forfeited. The figures shown are worked out as the main process will; it records its own. The payout method
 * starts as the latest top-up's; the result offers a slip for the member to sign.
 */
export function RefundBalanceModal({
  memberId,
  memberNo,
  memberName,
  summary,
  opened,
  onClose,
}: {
  memberId: number;
  memberNo: string;
  memberName: string;
  summary: WalletSummary;
  opened: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const slip = usePayoutSlip();
  const config = useWalletConfig({ enabled: opened });
  // The timeline names each top-up's method; the latest one is on its first page.
  const timeline = useQuery({
    queryKey: ['wallet', 'topupMethod', memberId],
    queryFn: () => call('members.timeline', { id: memberId, page: 1, pageSize: 200 }),
    enabled: opened,
  });
  const lastMethod = timeline.data ? latestTopupMethod(timeline.data.rows) : null;
  const [result, setResult] = useState<{ payout: PayoutResult; at: string } | null>(null);
  const doneRef = useRef<HTMLButtonElement>(null);
  const form = useForm<{ method: TillMethod; reason: string }>({
    initialValues: { method: 'cash', reason: '' },
    validate: { reason: (v) => (v.trim() ? null : t('errors.required')) },
  });
  // The latest top-up's method, unless the clerk has already chosen one.
  useEffect(() => {
    if (opened && lastMethod && !form.isTouched('method')) form.setFieldValue('method', lastMethod);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only when the method found changes
  }, [opened, lastMethod]);
  useEffect(() => {
    if (result) doneRef.current?.focus();
  }, [result]);
  const refund = useCommand('wallet.refundBalance', {
    invalidates: ['wallet', 'members', 'till'],
    onSuccess: (r) => {
      notifications.show({
        color: 'teal',
        autoClose: 8000,
        message: t('wallet.refund.done', {
          payout: formatFen(r.payoutFen),
          method: t(`points.paymentMethods.${r.payoutMethod}`),
          bonus: formatFen(r.bonusForfeitedFen),
        }),
      });
      setResult({ payout: r, at: new Date().toISOString() });
    },
  });
  const close = () => {
    setResult(null);
    form.reset();
    onClose();
  };
  const pct = config.data?.settings.refundFeePct ?? 0;
  const fee = refundFee(summary.principalFen, pct);
  const figures = (f: { principal: number; bonus: number; fee: number; payout: number; pct: number }) => {
    const rows: [string, string, string][] = [
      [t('wallet.refund.principal'), `¥${formatFen(f.principal)}`, 'refund-principal'],
      [t('wallet.refund.bonusForfeited'), `¥${formatFen(f.bonus)}`, 'refund-bonus'],
      [t('wallet.refund.fee', { pct: f.pct }), `¥${formatFen(f.fee)}`, 'refund-fee'],
      [t('wallet.refund.payout'), `¥${formatFen(f.payout)}`, 'refund-payout'],
      ...(result
        ? ([[t('wallet.refund.method'), t(`points.paymentMethods.${result.payout.payoutMethod}`), 'refund-method']] as [
            string,
            string,
            string,
          ][])
        : []),
    ];
    return (
      <Table withRowBorders={false} data-testid="refund-figures">
        <Table.Tbody>
          {rows.map(([label, value, id]) => (
            <Table.Tr key={id} fw={id === 'refund-payout' ? 700 : undefined}>
              <Table.Td>{label}</Table.Td>
              <Table.Td ta="right" data-testid={id}>
                {value}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    );
  };
  const nothing = summary.principalFen === 0 && summary.bonusFen === 0;
  const methodHint = timeline.data
    ? lastMethod
      ? t('wallet.refund.methodFromTopup', { method: t(`points.paymentMethods.${lastMethod}`) })
      : t('wallet.refund.methodNoTopup')
    : '';
  return (
    <Modal opened={opened} onClose={close} title={t('wallet.refund.titleFor', { member: memberName })}>
      {result ? (
        <Stack data-testid="refund-result">
          <Title order={4}>{t('wallet.refund.resultTitle')}</Title>
          {figures({
            principal: result.payout.principalFen,
            bonus: result.payout.bonusForfeitedFen,
            fee: result.payout.feeFen,
            payout: result.payout.payoutFen,
            pct,
          })}
          <Group justify="flex-end">
            <PrintSlip slip={slip(result.payout, memberNo, result.at)} />
            <Button ref={doneRef} onClick={close}>
              {t('wallet.refund.finish')}
            </Button>
          </Group>
        </Stack>
      ) : (
        <form
          onSubmit={form.onSubmit((v) =>
            refund.mutate(
              { memberId, payoutMethod: v.method, reason: v.reason },
              { onError: (e) => showErrors(t, form, e, { payoutMethod: 'method' }) },
            ),
          )}
        >
          <Stack>
            <Text size="sm" c="dimmed">
              {nothing ? t('wallet.refund.nothing') : t('wallet.refund.intro')}
            </Text>
            {figures({
              principal: summary.principalFen,
              bonus: summary.bonusFen,
              fee,
              payout: summary.principalFen - fee,
              pct,
            })}
            <Stack gap={4}>
              <Text size="sm" fw={500}>
                {t('wallet.refund.method')}
              </Text>
              <SegmentedControl
                aria-label={t('wallet.refund.method')}
                data={tillMethods.map((m) => ({ value: m, label: t(`points.paymentMethods.${m}`) }))}
                {...form.getInputProps('method')}
              />
              <Text size="xs" c="dimmed" data-testid="refund-method-hint">
                {methodHint}
              </Text>
            </Stack>
            <TextInput label={t('wallet.refund.reason')} data-autofocus {...form.getInputProps('reason')} />
            <Group justify="flex-end">
              <Button
                type="submit"
                color="red"
                loading={refund.isPending}
                disabled={nothing || !config.data || !timeline.data}
              >
                {t('wallet.refund.confirm')}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  );
}
