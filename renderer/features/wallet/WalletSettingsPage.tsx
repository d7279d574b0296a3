import {
  Alert,
  Button,
  Group,
  Loader,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { drawOrders, legalCapFen, storedValuePointsModes, type WalletSettings } from '../../../shared/wallet.js';
import { call } from '../../api/client';
import { useCommand } from '../../api/useCommand';
import { errorMessage, showErrors } from '../../ui/errors';
import { IntegerInput } from '../../ui/IntegerInput';
import { section } from '../../ui/section';
import { WalletPackagesEditor } from './WalletPackagesEditor';
import {
  typedCapFen,
  walletSettingsInput,
  walletSettingsRename,
  walletSettingsValidation,
  walletSettingsValues,
  type WalletSettingsValues,
} from './walletSettingsForm';

/** The owner's stored-value settings: how spending draws, points, the cap, refund fees, the terms, and the packages. */
export function WalletSettingsPage() {
  const { t } = useTranslation();
  // Always fresh: the forms start from it.
  const q = useQuery({
    queryKey: ['wallet', 'config'],
    queryFn: () => call('wallet.config', {}),
    refetchOnMount: 'always',
  });
  if (q.error) return <Alert color="red">{errorMessage(t, q.error)}</Alert>;
  if (!q.data || !q.isFetchedAfterMount) return <Loader />;
  return (
    <Stack maw={900}>
      <Title order={2}>{t('wallet.settings.title')}</Title>
      <SettingsForm settings={q.data.settings} />
      <WalletPackagesEditor packages={q.data.packages} />
    </Stack>
  );
}

function SettingsForm({ settings }: { settings: WalletSettings }) {
  const { t } = useTranslation();
  const form = useForm<WalletSettingsValues>({
    initialValues: walletSettingsValues(settings),
    validate: walletSettingsValidation(t),
  });
  const save = useCommand('wallet.saveSettings', { invalidates: ['wallet'] });
  const capFen = typedCapFen(t, form.getValues().cap);
  return (
    <form
      onSubmit={form.onSubmit((v) =>
        save.mutate(walletSettingsInput(t, v), {
          onSuccess: (saved) => {
            form.setValues(walletSettingsValues(saved.settings));
            form.resetDirty();
            notifications.show({ color: 'teal', message: t('wallet.settings.saved') });
          },
          onError: (e) => showErrors(t, form, e, walletSettingsRename),
        }),
      )}
    >
      <Stack>
        {section(
          t('wallet.settings.rules'),
          <>
            <Stack gap={4}>
              <Text size="sm" fw={500}>
                {t('wallet.settings.drawOrder')}
              </Text>
              <SegmentedControl
                aria-label={t('wallet.settings.drawOrder')}
                data={drawOrders.map((d) => ({ value: d, label: t(`wallet.settings.drawOrders.${d}`) }))}
                {...form.getInputProps('drawOrder')}
              />
              <Text size="xs" c="dimmed">
                {t('wallet.settings.drawOrderHint')}
              </Text>
            </Stack>
            <Stack gap={4}>
              <Text size="sm" fw={500}>
                {t('wallet.settings.points')}
              </Text>
              <SegmentedControl
                aria-label={t('wallet.settings.points')}
                data={storedValuePointsModes.map((m) => ({ value: m, label: t(`wallet.settings.pointsModes.${m}`) }))}
                {...form.getInputProps('pointsOnStoredValue')}
              />
              <Text size="xs" c="dimmed">
                {t('wallet.settings.pointsHint')}
              </Text>
            </Stack>
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <TextInput
                label={t('wallet.settings.cap')}
                description={t('wallet.settings.capHint')}
                inputMode="decimal"
                {...form.getInputProps('cap')}
              />
              <IntegerInput
                label={t('wallet.settings.refundFeePct')}
                description={t('wallet.settings.refundFeeHint')}
                min={0}
                max={100}
                {...form.getInputProps('refundFeePct')}
              />
              <IntegerInput
                label={t('wallet.settings.visitcardRefundFeePct')}
                min={0}
                max={100}
                {...form.getInputProps('visitcardRefundFeePct')}
              />
              <IntegerInput
                label={t('wallet.settings.expiringDays')}
                min={1}
                max={365}
                {...form.getInputProps('expiringDays')}
              />
            </SimpleGrid>
            {capFen !== null && capFen > legalCapFen && (
              <Alert
                color="orange"
                icon={<IconAlertTriangle size={18} />}
                title={t('wallet.settings.capWarningTitle')}
                data-testid="cap-warning"
              >
                {t('wallet.settings.capWarning')}
              </Alert>
            )}
            <Textarea
              label={t('wallet.settings.terms')}
              description={t('wallet.settings.termsHint')}
              autosize
              minRows={5}
              maxRows={14}
              maxLength={2000}
              {...form.getInputProps('terms')}
            />
          </>,
        )}
        <Group justify="flex-end">
          <Button type="submit" loading={save.isPending}>
            {t('wallet.settings.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
