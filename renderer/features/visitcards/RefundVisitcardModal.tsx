import { Alert, Button, Group, Input, Modal, SegmentedControl, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatFen } from '../../../shared/rules/money.js';
import { refundFee, unusedValue } from '../../../shared/rules/wallet.js';
import type { Visitcard, VisitcardRefundResult } from '../../../shared/visitcards.js';
import { tillMethods, type TillMethod } from '../../../shared/wallet.js';
import { useCommand } from '../../api/useCommand';
import { showErrors } from '../../ui/errors';
import { PrintSlip } from '../slips/PrintSlip';
import { DetailTable } from './DetailTable';
import { useSendOnce } from './sendOnce';
import { refundTo, useVisitcardSlips } from './visitcardSlip';
import { useWalletConfig } from '../wallet/useWalletConfig';

/** Paid back the way it was paid when that is a till method; cash otherwise. */
const sameMethod = (m: string): TillMethod =>
  (tillMethods as readonly string[]).includes(m) ? (m as TillMethod) : 'cash';

/**
 * A card refund (owner, manager): the unused visits refunded pro rata, less the fee the published terms set.
 * A card bought with stored value goes back to stored value; otherwise the clerk says how the money
 * is paid back. The figures shown are the same rules the main process applies. The result stays on
 * screen with the refund slip.
 */
export function RefundVisitcardModal({
  card,
  member,
  onClose,
}: {
  card: Visitcard;
  member: { memberNo: string; label: string };
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const slips = useVisitcardSlips();
  const once = useSendOnce();
  const [result, setResult] = useState<{ r: VisitcardRefundResult; at: string } | null>(null);
  const doneRef = useRef<HTMLButtonElement>(null);
  const config = useWalletConfig();
  const form = useForm<{ payoutMethod: TillMethod; reason: string }>({
    initialValues: { payoutMethod: sameMethod(card.paymentMethod), reason: '' },
    validate: { reason: (v) => (v.trim() ? null : t('errors.required')) },
  });
  const refund = useCommand('visitcards.refund', {
    invalidates: ['visitcards', 'wallet', 'members', 'till'],
    onSuccess: (r) => {
      notifications.show({
        color: 'teal',
        autoClose: 8000,
        message: t('visitcards.refund.done', {
          name: r.card.name,
          amount: formatFen(r.refundFen),
          method: t(`points.paymentMethods.${r.refundMethod}`),
        }),
      });
      setResult({ r, at: new Date().toISOString() });
    },
  });
  // "Done" takes the focus once the result is on screen: Enter closes.
  useEffect(() => {
    if (result) doneRef.current?.focus();
  }, [result]);
  const pct = config.data?.settings.visitcardRefundFeePct ?? 0;
  const value = unusedValue(card.priceFen, card.usesTotal, card.usesLeft);
  const fee = refundFee(value, pct);
  const amount = value - fee;
  const toStoredValue = card.paymentMethod === 'storedValue';

  return (
    <Modal opened onClose={onClose} title={t('visitcards.refund.title', { member: member.label })} size="lg">
      {result ? (
        <Stack data-testid="refund-result">
          <Title order={4}>{t('visitcards.refund.resultTitle')}</Title>
          <Text fz="lg" fw={700} c="teal" data-testid="refund-result-line">
            {t('visitcards.refund.resultLine', {
              amount: formatFen(result.r.refundFen),
              method: refundTo(t, result.r.refundMethod),
            })}
          </Text>
          {result.r.wallet && (
            <Text data-testid="refund-result-balance">
              {t('visitcards.refund.resultBalance', { balance: formatFen(result.r.wallet.totalFen) })}
            </Text>
          )}
          <Group justify="flex-end">
            <PrintSlip slip={slips.refund(result.r, member.memberNo, result.at)} />
            <Button ref={doneRef} onClick={onClose}>
              {t('visitcards.refund.finish')}
            </Button>
          </Group>
        </Stack>
      ) : (
        <form
          onSubmit={form.onSubmit((v) =>
            once((release) =>
              refund.mutate(
                { cardId: card.id, payoutMethod: v.payoutMethod, reason: v.reason },
                { onError: (e) => showErrors(t, form, e), onSettled: release },
              ),
            ),
          )}
        >
          <Stack>
            <Text size="sm">{t('visitcards.refund.intro', { name: card.name })}</Text>
            <DetailTable
              testId="refund-figures"
              rows={[
                [t('visitcards.refund.price'), `¥${formatFen(card.priceFen)}`],
                [
                  t('visitcards.refund.unused'),
                  t('visitcards.refund.unusedValue', { unused: card.usesLeft, total: card.usesTotal }),
                  'refund-unused',
                ],
                [t('visitcards.refund.value'), `¥${formatFen(value)}`, 'refund-value'],
                [t('visitcards.refund.fee', { pct }), `¥${formatFen(fee)}`, 'refund-fee'],
                [
                  t('visitcards.refund.amount'),
                  <Text fw={700} c="red" key="amount">
                    ¥{formatFen(amount)}
                  </Text>,
                  'refund-amount',
                ],
              ]}
            />
            {toStoredValue ? (
              <Alert color="blue" title={t('visitcards.refund.toStoredValue')} data-testid="refund-to-wallet">
                {t('visitcards.refund.toStoredValueHint')}
              </Alert>
            ) : (
              <Input.Wrapper label={t('visitcards.refund.payoutMethod')} error={form.errors.payoutMethod}>
                <SegmentedControl
                  fullWidth
                  data-testid="refund-method"
                  data={tillMethods.map((m) => ({ value: m, label: t(`points.paymentMethods.${m}`) }))}
                  {...form.getInputProps('payoutMethod')}
                />
              </Input.Wrapper>
            )}
            <TextInput label={t('visitcards.refund.reason')} data-autofocus {...form.getInputProps('reason')} />
            <Group justify="flex-end">
              <Button variant="default" onClick={onClose}>
                {t('common.cancel')}
              </Button>
              <Button type="submit" color="red" loading={refund.isPending}>
                {t('visitcards.refund.confirm', { amount: formatFen(amount) })}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  );
}
