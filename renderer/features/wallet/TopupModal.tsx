import {
  Button,
  Group,
  Modal,
  Radio,
  ScrollArea,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatFen } from '../../../shared/rules/money.js';
import { tillMethods, type TillMethod, type TopupResult, type WalletSummary } from '../../../shared/wallet.js';
import { useCommand } from '../../api/useCommand';
import { showErrors } from '../../ui/errors';
import { PrintSlip } from '../slips/PrintSlip';
import { fieldProblem, yuanField } from '../points/money';
import { useTopupSlip } from './topupSlip';
import { bestPackage, packageLabel, reachable, typedFen } from './walletMoney';
import { useWalletConfig } from './useWalletConfig';

interface Values {
  amount: string;
  method: TillMethod;
  /** The package the clerk picked ('none' for none); null: the best one the amount reaches. */
  picked: string | null;
}

/**
 * A top-up at the counter: the amount and how it was paid, the package whose bonus applies (the best
 * one the amount reaches unless the clerk picks another), the balances after and the published
 * terms, then one confirmation. The result offers the slip with the terms.
 */
export function TopupModal({
  memberId,
  memberNo,
  memberName,
  summary,
  opened,
  onClose,
}: {
  memberId: number;
  memberNo: string;
  /** Named in the title: the clerk sees whose balance the money goes to. */
  memberName: string;
  summary: WalletSummary;
  opened: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const slip = useTopupSlip();
  const config = useWalletConfig({ enabled: opened });
  const [result, setResult] = useState<TopupResult | null>(null);
  // A double click sends nothing twice: the second click finds this set before the button re-renders.
  const sending = useRef(false);
  const doneRef = useRef<HTMLButtonElement>(null);
  const form = useForm<Values>({
    initialValues: { amount: '', method: 'cash', picked: null },
    validate: { amount: (v) => fieldProblem(yuanField(t, v, true)) },
  });
  const topup = useCommand('wallet.topup', {
    invalidates: ['wallet', 'points', 'members', 'till'],
    onSuccess: (r) => {
      setResult(r);
      const points = r.topup.bonusPoints ? t('wallet.topup.donePoints', { count: r.topup.bonusPoints }) : '';
      notifications.show({
        color: 'teal',
        message:
          t('wallet.topup.done', { paid: formatFen(r.topup.paidFen), bonus: formatFen(r.topup.bonusFen) }) + points,
      });
    },
  });
  // "Done" takes the focus once the result is on screen: Enter closes.
  useEffect(() => {
    if (result) doneRef.current?.focus();
  }, [result]);
  const close = () => {
    setResult(null);
    form.reset();
    onClose();
  };

  const v = form.getValues();
  const packages = (config.data?.packages ?? []).filter((p) => p.active).sort((a, b) => a.payFen - b.payFen);
  const paidFen = typedFen(t, v.amount);
  const reached = reachable(packages, paidFen);
  const pickedPackage = v.picked === 'none' ? null : reached.find((p) => String(p.id) === v.picked);
  const chosen = pickedPackage === undefined ? bestPackage(packages, paidFen) : pickedPackage;
  const bonusFen = chosen?.bonusFen ?? 0;
  const room = Math.max(0, summary.capFen - summary.principalFen);
  const terms = config.data?.settings.terms ?? '';

  const send = (values: Values) => {
    if (sending.current || paidFen === null) return;
    sending.current = true;
    topup.mutate(
      { memberId, paidFen, paymentMethod: values.method, packageId: chosen?.id ?? null },
      {
        onError: (e) => showErrors(t, form, e, { paidFen: 'amount', packageId: 'picked', paymentMethod: 'method' }),
        onSettled: () => {
          sending.current = false;
        },
      },
    );
  };

  return (
    <Modal opened={opened} onClose={close} title={t('wallet.topup.titleFor', { member: memberName })} size="lg">
      {result ? (
        <Stack data-testid="topup-result">
          <Title order={4}>{t('wallet.topup.resultTitle')}</Title>
          <Text size="lg" c="teal">
            {t('wallet.topup.done', { paid: formatFen(result.topup.paidFen), bonus: formatFen(result.topup.bonusFen) })}
            {result.topup.bonusPoints > 0 && t('wallet.topup.donePoints', { count: result.topup.bonusPoints })}
          </Text>
          <Text data-testid="topup-balance-after">
            {t('wallet.topup.balances', {
              principal: formatFen(result.summary.principalFen),
              bonus: formatFen(result.summary.bonusFen),
              total: formatFen(result.summary.totalFen),
            })}
          </Text>
          <Group justify="flex-end">
            <PrintSlip slip={slip(result, memberNo)} />
            <Button ref={doneRef} onClick={close}>
              {t('wallet.topup.finish')}
            </Button>
          </Group>
        </Stack>
      ) : (
        <form onSubmit={(e) => form.onSubmit(send)(e)}>
          <Stack>
            <TextInput
              label={t('wallet.topup.amount')}
              description={t('wallet.topup.room', { cap: formatFen(summary.capFen), room: formatFen(room) })}
              inputMode="decimal"
              size="lg"
              data-autofocus
              {...form.getInputProps('amount')}
            />
            <Stack gap={4}>
              <Text size="sm" fw={500}>
                {t('wallet.topup.method')}
              </Text>
              <SegmentedControl
                aria-label={t('wallet.topup.method')}
                data={tillMethods.map((m) => ({ value: m, label: t(`points.paymentMethods.${m}`) }))}
                {...form.getInputProps('method')}
              />
            </Stack>
            <Radio.Group
              label={t('wallet.topup.package')}
              value={chosen ? String(chosen.id) : 'none'}
              onChange={(value) => form.setFieldValue('picked', value)}
              error={form.errors.picked}
              data-testid="topup-packages"
            >
              <Stack gap={6} mt={4}>
                <Radio value="none" label={t('wallet.topup.noPackage')} />
                {packages.map((p) => {
                  const ok = reached.includes(p);
                  return (
                    <Radio
                      key={p.id}
                      value={String(p.id)}
                      disabled={!ok}
                      label={packageLabel(t, p) + (ok ? '' : t('wallet.topup.notReached'))}
                    />
                  );
                })}
                {packages.length === 0 && (
                  <Text size="xs" c="dimmed">
                    {t('wallet.topup.noPackages')}
                  </Text>
                )}
              </Stack>
            </Radio.Group>
            <SimpleGrid cols={2} data-testid="topup-preview">
              <Text size="sm" fw={500} data-testid="topup-bonus">
                {t('wallet.topup.bonusLine', { amount: formatFen(bonusFen) })}
              </Text>
              <Text size="sm" fw={500}>
                {t('wallet.topup.pointsLine', { points: chosen?.bonusPoints ?? 0 })}
              </Text>
            </SimpleGrid>
            <Text size="sm" data-testid="topup-after">
              {t('wallet.topup.after', {
                principal: formatFen(summary.principalFen + (paidFen ?? 0)),
                bonus: formatFen(summary.bonusFen + bonusFen),
                total: formatFen(summary.totalFen + (paidFen ?? 0) + bonusFen),
              })}
            </Text>
            <Stack gap={4}>
              <Text size="sm" fw={500}>
                {t('wallet.topup.terms')}
              </Text>
              <ScrollArea.Autosize mah={140} type="auto" bd="1px solid var(--mantine-color-default-border)" p="xs">
                <Text size="xs" style={{ whiteSpace: 'pre-wrap' }} data-testid="topup-terms">
                  {terms}
                </Text>
              </ScrollArea.Autosize>
            </Stack>
            <Group justify="flex-end">
              <Button type="submit" loading={topup.isPending} disabled={topup.isPending || !config.data}>
                {t('wallet.topup.confirm')}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  );
}
