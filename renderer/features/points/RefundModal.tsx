import { Button, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import type { PurchaseInfo, RefundResult } from '../../../shared/points.js';
import { formatFen } from '../../../shared/rules/money.js';
import { useCommand } from '../../api/useCommand';
import { showErrors } from '../../ui/errors';
import { useFormat } from '../../ui/format';
import { fieldProblem, yuanField } from './money';
import { withTierOutcome } from '../tiers/TierOutcomeNote';

/** A full or partial refund of one purchase; the main process works out the points. */
export function RefundModal({ purchase, onClose }: { purchase: PurchaseInfo | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { dateTime } = useFormat();
  const left = purchase ? purchase.amountFen - purchase.refundedFen : 0;
  const form = useForm({
    initialValues: { amount: '', reason: '' },
    validate: { amount: (v) => fieldProblem(yuanField(t, v, true)) },
  });
  const refund = useCommand('purchases.refund', {
    invalidates: ['points', 'purchases', 'members', 'tiers', 'wallet', 'till'],
  });
  const done = (fen: number, r: RefundResult) => {
    const parts = [t('points.refund.done', { amount: formatFen(fen), points: r.pointsReversed })];
    if (r.pointsReturned) parts.push(t('points.refund.returned', { points: r.pointsReturned }));
    if (r.shortfall) parts.push(t('points.refund.shortfall', { points: r.shortfall }));
    if (r.wallet)
      parts.push(
        t('wallet.purchaseRefund.returned', {
          total: formatFen(r.wallet.principalFen + r.wallet.bonusFen),
          principal: formatFen(r.wallet.principalFen),
          bonus: formatFen(r.wallet.bonusFen),
        }),
      );
    notifications.show({
      color: r.shortfall ? 'orange' : 'teal',
      message: withTierOutcome(parts.join(t('members.clauseSeparator')), r.tier),
      autoClose: 8000,
    });
    form.reset();
    onClose();
  };
  return (
    <Modal opened={purchase !== null} onClose={onClose} title={t('points.refund.title')}>
      {purchase && (
        <form
          onSubmit={form.onSubmit((v) => {
            const fen = (yuanField(t, v.amount, true) as { fen: number }).fen;
            refund.mutate(
              { purchaseId: purchase.id, amountFen: fen, reason: v.reason },
              {
                onError: (e) => showErrors(t, form, e, { amountFen: 'amount' }),
                onSuccess: (r) => done(fen, r),
              },
            );
          })}
        >
          <Stack>
            <Text size="sm">
              {t('points.refund.purchaseLine', {
                at: dateTime(purchase.at),
                amount: formatFen(purchase.amountFen),
                points: purchase.pointsEarned,
              })}
            </Text>
            {purchase.storedValueFen > 0 && (
              <Text size="sm" data-testid="refund-stored-value">
                {t('wallet.purchaseRefund.storedValue', { amount: formatFen(purchase.storedValueFen) })}
              </Text>
            )}
            <Text size="sm" c="dimmed">
              {t('points.refund.left', { amount: formatFen(left) })}
            </Text>
            <Group align="flex-end">
              <TextInput
                label={t('points.refund.amount')}
                inputMode="decimal"
                data-autofocus
                style={{ flex: 1 }}
                {...form.getInputProps('amount')}
              />
              <Button variant="default" onClick={() => form.setFieldValue('amount', formatFen(left))}>
                {t('points.refund.all')}
              </Button>
            </Group>
            <TextInput label={t('points.refund.reason')} {...form.getInputProps('reason')} />
            <Group justify="flex-end">
              <Button type="submit" color="red" loading={refund.isPending}>
                {t('points.refund.save')}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  );
}
