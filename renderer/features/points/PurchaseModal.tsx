import { Button, Group, Modal, Select, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { paymentMethods, type PaymentMethod, type PurchaseResult } from '../../../shared/points.js';
import { formatFen } from '../../../shared/rules/money.js';
import { call } from '../../api/client';
import { useCommand } from '../../api/useCommand';
import { showErrors } from '../../ui/errors';
import { PrintSlip } from '../slips/PrintSlip';
import { useSlips } from '../slips/useSlips';
import { fieldProblem, yuanField } from './money';
import { IntegerInput } from '../../ui/IntegerInput';
import { CounterTierBadge } from '../tiers/CounterTierBadge';
import { TierOutcomeNote } from '../tiers/TierOutcomeNote';
import { StoredValueOutcome, StoredValuePart } from '../wallet/StoredValuePart';
import { withStoredValue } from '../wallet/topupSlip';

interface Values {
  amount: string;
  receiptNo: string;
  category: string | null;
  items: string;
  paymentMethod: PaymentMethod;
  pointsUsed: number | string;
  coupon: string;
  storedValue: string;
}

/**
 * Record a purchase, keyboard only: the amount has the focus, Tab moves on, Enter saves from any field. The
 * result (points earned, new balance) stays on screen with the focus on "done".
 */
export function PurchaseModal({
  memberId,
  memberNo,
  usable,
  opened,
  onClose,
}: {
  memberId: number;
  memberNo: string;
  usable: number;
  opened: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const slips = useSlips();
  const rules = useQuery({ queryKey: ['points', 'rules'], queryFn: () => call('points.rules', {}) });
  const [result, setResult] = useState<PurchaseResult | null>(null);
  const doneRef = useRef<HTMLButtonElement>(null);
  const form = useForm<Values>({
    initialValues: {
      amount: '',
      receiptNo: '',
      category: null,
      items: '',
      paymentMethod: 'cash',
      pointsUsed: '',
      coupon: '',
      storedValue: '',
    },
    validate: {
      amount: (v) => fieldProblem(yuanField(t, v, true)),
      coupon: (v) => fieldProblem(yuanField(t, v, false)),
      storedValue: (v) => fieldProblem(yuanField(t, v, false)),
    },
  });
  const wallet = useQuery({
    queryKey: ['wallet', 'summary', memberId],
    queryFn: () => call('wallet.summary', { memberId }),
    enabled: opened,
  });
  const record = useCommand('purchases.record', {
    invalidates: ['points', 'purchases', 'members', 'tiers', 'wallet', 'till'],
    onSuccess: setResult,
  });
  // Once the result is on screen (not before: its render may come after a timer would fire).
  useEffect(() => {
    if (result) doneRef.current?.focus();
  }, [result]);
  const close = () => {
    setResult(null);
    form.reset();
    onClose();
  };
  // What is left to pay in money after points and coupon, and how much of it stored value pays.
  const fenOf = (text: string) => {
    const r = yuanField(t, text, false);
    return 'fen' in r ? r.fen : 0;
  };
  const values = form.getValues();
  const pointsFen = Number(values.pointsUsed || 0) * (rules.data?.pointValueFen ?? 0);
  const leftFen = Math.max(0, fenOf(values.amount) - pointsFen - fenOf(values.coupon));
  const storedValueFen = fenOf(values.storedValue);
  const coversAll = storedValueFen > 0 && storedValueFen >= leftFen;
  const submit = form.onSubmit((v) => {
    const amount = yuanField(t, v.amount, true) as { fen: number };
    const coupon = yuanField(t, v.coupon, false) as { fen: number };
    record.mutate(
      {
        memberId,
        amountFen: amount.fen,
        couponFen: coupon.fen,
        pointsUsed: Number(v.pointsUsed || 0),
        storedValueFen,
        receiptNo: v.receiptNo,
        category: v.category ?? '',
        items: v.items,
        paymentMethod: coversAll ? 'storedValue' : v.paymentMethod,
      },
      {
        onError: (e) =>
          showErrors(t, form, e, { amountFen: 'amount', couponFen: 'coupon', storedValueFen: 'storedValue' }),
      },
    );
  });
  const valueYuan = rules.data ? formatFen(rules.data.pointValueFen) : '';

  return (
    <Modal opened={opened} onClose={close} title={t('points.purchase.title')} size="lg">
      {result ? (
        <Stack data-testid="purchase-result">
          <Title order={4}>{t('points.purchase.saved', { amount: formatFen(result.purchase.amountFen) })}</Title>
          <Text size="lg" c="teal" data-testid="points-earned">
            {t('points.purchase.earned', { points: result.purchase.pointsEarned })}
          </Text>
          <Text data-testid="new-balance">{t('points.purchase.newBalance', { balance: result.summary.balance })}</Text>
          <StoredValueOutcome result={result} />
          <TierOutcomeNote outcome={result.tier} />
          {result.summary.frozen > 0 && (
            <Text c="orange">
              {t('points.purchase.usableNow', { usable: result.summary.usable })}{' '}
              {result.summary.thaws.map((th) => t('points.card.frozen', { points: th.points, on: th.on })).join('; ')}
            </Text>
          )}
          <Group justify="flex-end">
            <PrintSlip slip={withStoredValue(t, slips.purchase(result, memberNo), result)} />
            <Button
              variant="default"
              onClick={() => {
                setResult(null);
                form.reset();
              }}
            >
              {t('points.purchase.another')}
            </Button>
            <Button ref={doneRef} onClick={close}>
              {t('points.purchase.done')}
            </Button>
          </Group>
        </Stack>
      ) : (
        <form onSubmit={submit}>
          <Stack>
            <CounterTierBadge memberId={memberId} />
            <TextInput
              label={t('points.purchase.amount')}
              description={t('points.purchase.amountHint')}
              inputMode="decimal"
              data-autofocus
              size="lg"
              {...form.getInputProps('amount')}
            />
            <StoredValuePart
              summary={wallet.data}
              leftFen={leftFen}
              storedValueFen={storedValueFen}
              inputProps={form.getInputProps('storedValue')}
              onUse={(fen) => form.setFieldValue('storedValue', formatFen(fen))}
            />
            <SimpleGrid cols={2}>
              {!coversAll && (
                <Select
                  label={t('points.purchase.paymentMethod')}
                  // Stored value is paid through its own field above, with the balance in view.
                  data={paymentMethods
                    .filter((m) => m !== 'storedValue')
                    .map((m) => ({ value: m, label: t(`points.paymentMethods.${m}`) }))}
                  allowDeselect={false}
                  searchable
                  {...form.getInputProps('paymentMethod')}
                />
              )}
              <TextInput label={t('points.purchase.receiptNo')} {...form.getInputProps('receiptNo')} />
              <Select
                label={t('points.purchase.category')}
                data={rules.data?.categories ?? []}
                searchable
                clearable
                {...form.getInputProps('category')}
              />
              <TextInput label={t('points.purchase.items')} {...form.getInputProps('items')} />
              <IntegerInput
                label={t('points.purchase.pointsUsed')}
                description={t('points.purchase.pointsUsedHint', { usable, value: valueYuan })}
                min={0}
                max={usable}
                {...form.getInputProps('pointsUsed')}
              />
              <TextInput label={t('points.purchase.couponFen')} inputMode="decimal" {...form.getInputProps('coupon')} />
            </SimpleGrid>
            <Group justify="flex-end">
              <Button type="submit" loading={record.isPending}>
                {t('points.purchase.save')}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  );
}
