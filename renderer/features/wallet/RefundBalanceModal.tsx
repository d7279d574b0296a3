import { Button, Group, Modal, SegmentedControl, Stack, Table, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { formatFen } from '../../../shared/rules/money.js';
import { refundFee } from '../../../shared/rules/wallet.js';
import { tillMethods, type TillMethod, type WalletSummary } from '../../../shared/wallet.js';
import { call } from '../../api/client';
import { useCommand } from '../../api/useCommand';
import { showErrors } from '../../ui/errors';

/**
 * The balance refund (owner, manager): the remaining principal less the fee the terms allow is paid out, the bonus
 * is forfeited. The figures shown are worked out as the main process will; it records its own.
 */
export function RefundBalanceModal({
  memberId,
  summary,
  opened,
  onClose,
}: {
  memberId: number;
  summary: WalletSummary;
  opened: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const config = useQuery({
    queryKey: ['wallet', 'config'],
    queryFn: () => call('wallet.config', {}),
    enabled: opened,
  });
  const form = useForm<{ method: TillMethod; reason: string }>({
    initialValues: { method: 'cash', reason: '' },
    validate: { reason: (v) => (v.trim() ? null : t('errors.required')) },
  });
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
      form.reset();
      onClose();
    },
  });
  const pct = config.data?.settings.refundFeePct ?? 0;
  const fee = refundFee(summary.principalFen, pct);
  const rows: [string, string, string][] = [
    [t('wallet.refund.principal'), formatFen(summary.principalFen), 'refund-principal'],
    [t('wallet.refund.bonusForfeited'), formatFen(summary.bonusFen), 'refund-bonus'],
    [t('wallet.refund.fee', { pct }), formatFen(fee), 'refund-fee'],
    [t('wallet.refund.payout'), formatFen(summary.principalFen - fee), 'refund-payout'],
  ];
  const nothing = summary.principalFen === 0 && summary.bonusFen === 0;
  return (
    <Modal opened={opened} onClose={onClose} title={t('wallet.refund.title')}>
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
          <Table withRowBorders={false} data-testid="refund-figures">
            <Table.Tbody>
              {rows.map(([label, value, id], i) => (
                <Table.Tr key={id} fw={i === rows.length - 1 ? 700 : undefined}>
                  <Table.Td>{label}</Table.Td>
                  <Table.Td ta="right" data-testid={id}>
                    ¥{value}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          <Stack gap={4}>
            <Text size="sm" fw={500}>
              {t('wallet.refund.method')}
            </Text>
            <SegmentedControl
              aria-label={t('wallet.refund.method')}
              data={tillMethods.map((m) => ({ value: m, label: t(`points.paymentMethods.${m}`) }))}
              {...form.getInputProps('method')}
            />
          </Stack>
          <TextInput label={t('wallet.refund.reason')} data-autofocus {...form.getInputProps('reason')} />
          <Group justify="flex-end">
            <Button type="submit" color="red" loading={refund.isPending} disabled={nothing || !config.data}>
              {t('wallet.refund.confirm')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
