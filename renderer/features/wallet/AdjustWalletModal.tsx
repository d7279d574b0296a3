import { Alert, Button, Checkbox, Group, Modal, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { formatFen } from '../../../shared/rules/money.js';
import type { WalletSummary } from '../../../shared/wallet.js';
import { useCommand } from '../../api/useCommand';
import { showErrors } from '../../ui/errors';
import { fieldProblem } from '../points/money';
import { signedYuanField } from './walletMoney';

interface Values {
  principal: string;
  bonus: string;
  reason: string;
  /** Ticked to take the principal over the cap (the main process allows it: a correction). */
  overCap: boolean;
}

/**
 * The owner's correction of a balance: signed changes of principal and bonus, and a reason. A change
 * that takes the principal over the cap is warned of, naming the legal limit, and needs a tick.
 */
export function AdjustWalletModal({
  memberId,
  memberName,
  summary,
  opened,
  onClose,
}: {
  memberId: number;
  memberName: string;
  summary: WalletSummary;
  opened: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const fen = (text: string) => {
    const r = signedYuanField(t, text);
    return 'fen' in r ? r.fen : 0;
  };
  const over = (principal: string) => summary.principalFen + fen(principal) > summary.capFen && fen(principal) > 0;
  const form = useForm<Values>({
    initialValues: { principal: '', bonus: '', reason: '', overCap: false },
    validate: {
      principal: (v, all) =>
        fieldProblem(signedYuanField(t, v)) ?? (fen(v) === 0 && fen(all.bonus) === 0 ? t('wallet.adjust.zero') : null),
      bonus: (v) => fieldProblem(signedYuanField(t, v)),
      reason: (v) => (v.trim() ? null : t('errors.required')),
      overCap: (v, all) => (over(all.principal) && !v ? t('wallet.adjust.overCapUnconfirmed') : null),
    },
  });
  const close = () => {
    form.reset();
    onClose();
  };
  const adjust = useCommand('wallet.adjust', {
    invalidates: ['wallet', 'members'],
    onSuccess: () => {
      notifications.show({ color: 'teal', message: t('wallet.adjust.done') });
      close();
    },
  });
  const v = form.getValues();
  const overCap = over(v.principal);
  return (
    <Modal opened={opened} onClose={close} title={t('wallet.adjust.titleFor', { member: memberName })}>
      <form
        onSubmit={form.onSubmit((values) =>
          adjust.mutate(
            { memberId, principalFen: fen(values.principal), bonusFen: fen(values.bonus), reason: values.reason },
            { onError: (e) => showErrors(t, form, e, { principalFen: 'principal', bonusFen: 'bonus' }) },
          ),
        )}
      >
        <Stack>
          <Text size="sm" c="dimmed">
            {t('wallet.adjust.intro')}
          </Text>
          <SimpleGrid cols={2}>
            <TextInput
              label={t('wallet.adjust.principal')}
              description={t('wallet.adjust.hint')}
              inputMode="decimal"
              data-autofocus
              {...form.getInputProps('principal')}
            />
            <TextInput
              label={t('wallet.adjust.bonus')}
              description={t('wallet.adjust.hint')}
              inputMode="decimal"
              {...form.getInputProps('bonus')}
            />
          </SimpleGrid>
          {overCap && (
            <Alert
              color="orange"
              icon={<IconAlertTriangle size={18} />}
              title={t('wallet.adjust.overCapTitle')}
              data-testid="adjust-over-cap"
            >
              <Stack gap="xs">
                <Text size="sm">
                  {t('wallet.adjust.overCap', {
                    after: formatFen(summary.principalFen + fen(v.principal)),
                    cap: formatFen(summary.capFen),
                  })}
                </Text>
                <Checkbox
                  label={t('wallet.adjust.overCapConfirm')}
                  {...form.getInputProps('overCap', { type: 'checkbox' })}
                />
              </Stack>
            </Alert>
          )}
          <TextInput label={t('wallet.adjust.reason')} {...form.getInputProps('reason')} />
          <Group justify="flex-end">
            <Button type="submit" loading={adjust.isPending} disabled={overCap && !v.overCap}>
              {t('wallet.adjust.confirm')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
