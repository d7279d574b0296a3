import { Button, Group, Modal, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { useCommand } from '../../api/useCommand';
import { showErrors } from '../../ui/errors';
import { fieldProblem } from '../points/money';
import { signedYuanField } from './walletMoney';

interface Values {
  principal: string;
  bonus: string;
  reason: string;
}

/** The owner's correction of a balance: signed changes of principal and bonus, and a reason. */
export function AdjustWalletModal({
  memberId,
  opened,
  onClose,
}: {
  memberId: number;
  opened: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const fen = (text: string) => {
    const r = signedYuanField(t, text);
    return 'fen' in r ? r.fen : 0;
  };
  const form = useForm<Values>({
    initialValues: { principal: '', bonus: '', reason: '' },
    validate: {
      principal: (v, all) =>
        fieldProblem(signedYuanField(t, v)) ?? (fen(v) === 0 && fen(all.bonus) === 0 ? t('wallet.adjust.zero') : null),
      bonus: (v) => fieldProblem(signedYuanField(t, v)),
      reason: (v) => (v.trim() ? null : t('errors.required')),
    },
  });
  const adjust = useCommand('wallet.adjust', {
    invalidates: ['wallet', 'members'],
    onSuccess: () => {
      notifications.show({ color: 'teal', message: t('wallet.adjust.done') });
      form.reset();
      onClose();
    },
  });
  return (
    <Modal opened={opened} onClose={onClose} title={t('wallet.adjust.title')}>
      <form
        onSubmit={form.onSubmit((v) =>
          adjust.mutate(
            { memberId, principalFen: fen(v.principal), bonusFen: fen(v.bonus), reason: v.reason },
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
          <TextInput label={t('wallet.adjust.reason')} {...form.getInputProps('reason')} />
          <Group justify="flex-end">
            <Button type="submit" loading={adjust.isPending}>
              {t('wallet.adjust.confirm')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
