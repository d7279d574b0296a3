import { Alert, Button, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
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
import { refundSplit, type RefundSplit } from '../wallet/walletMoney';

/**
 * Where the refund goes before it is confirmed, worked out as the main process will: back to stored
 * value, points returned and taken back, the coupon's part, and the rest to hand back by the purchase's
 * own payment method. The stored value's principal and bonus parts are shown in the result.
 */
function RefundSplitNote({ purchase, amountFen }: { purchase: PurchaseInfo; amountFen: number | null }) {
  const { t } = useTranslation();
  if (amountFen === null) return null;
  const s = refundSplit(purchase, amountFen);
  const lines: [string, string][] = [];
  if (s.storedValueFen > 0)
    lines.push(['sv', t('wallet.purchaseRefund.storedValueBack', { amount: formatFen(s.storedValueFen) })]);
  if (s.pointsReturned > 0)
    lines.push([
      'points-back',
      t('wallet.purchaseRefund.pointsBack', { count: s.pointsReturned, amount: formatFen(s.pointsFen) }),
    ]);
  if (s.couponFen > 0)
    lines.push(['coupon', t('wallet.purchaseRefund.couponPart', { amount: formatFen(s.couponFen) })]);
  lines.push([
    'rest',
    s.restFen > 0
      ? t('wallet.purchaseRefund.rest', {
          amount: formatFen(s.restFen),
          method: t(`points.paymentMethods.${purchase.paymentMethod}`),
        })
      : t('wallet.purchaseRefund.noRest'),
  ]);
  if (s.pointsTaken > 0) lines.push(['points-taken', t('wallet.purchaseRefund.pointsTaken', { count: s.pointsTaken })]);
  return (
    <Alert color="blue" variant="light" title={t('wallet.purchaseRefund.splitTitle', { amount: formatFen(amountFen) })}>
      <Stack gap={2} data-testid="refund-split">
        {lines.map(([id, text]) => (
          <Text size="sm" key={id} data-testid={`refund-split-${id}`} fw={id === 'rest' ? 700 : undefined}>
            {text}
          </Text>
        ))}
      </Stack>
    </Alert>
  );
}

/** A full or partial refund of one purchase; the main process works out the points. */
export function RefundModal({ purchase, onClose }: { purchase: PurchaseInfo | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { dateTime } = useFormat();
  const left = purchase ? purchase.amountFen - purchase.refundedFen : 0;
  const form = useForm({
    initialValues: { amount: '', reason: '' },
    validate: { amount: (v) => fieldProblem(yuanField(t, v, true)) },
  });
  // The amount typed when it parses and can be refunded, else null.
  const typed = (text: string): number | null => {
    const r = yuanField(t, text, true);
    return 'fen' in r && r.fen <= left ? r.fen : null;
  };
  const refund = useCommand('purchases.refund', {
    invalidates: ['points', 'purchases', 'members', 'tiers', 'wallet', 'till'],
  });
  const done = (fen: number, r: RefundResult, rest: RefundSplit) => {
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
    if (rest.restFen > 0)
      parts.push(
        t('wallet.purchaseRefund.rest', {
          amount: formatFen(rest.restFen),
          method: t(`points.paymentMethods.${r.purchase.paymentMethod}`),
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
            // Figured on the purchase as it was before this refund.
            const split = refundSplit(purchase, Math.min(fen, left));
            refund.mutate(
              { purchaseId: purchase.id, amountFen: fen, reason: v.reason },
              {
                onError: (e) => showErrors(t, form, e, { amountFen: 'amount' }),
                onSuccess: (r) => done(fen, r, split),
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
            <RefundSplitNote purchase={purchase} amountFen={typed(form.getValues().amount)} />
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
