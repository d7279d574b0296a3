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
import { IconAlertTriangle, IconWriting } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { drawOrders, legalCapFen, storedValuePointsModes, type WalletSettings } from '../../../shared/wallet.js';
import { useCommand } from '../../api/useCommand';
import { errorMessage, showErrors } from '../../ui/errors';
import { IntegerInput } from '../../ui/IntegerInput';
import { section } from '../../ui/section';
import { termsFromSettings } from './walletMoney';
import { WalletPackagesEditor } from './WalletPackagesEditor';
import {
  typedCapFen,
  walletSettingsInput,
  walletSettingsRename,
  walletSettingsValidation,
  walletSettingsValues,
  type WalletSettingsValues,
} from './walletSettingsForm';
import { useWalletConfig } from './useWalletConfig';

/** The owner's stored-value settings: how spending draws, points, the cap, refund fees, the terms, and the packages. */
export function WalletSettingsPage() {
  const { t } = useTranslation();
  // Always fresh: the forms start from it.
  const q = useWalletConfig({ refetchOnMount: 'always' });
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
  // The terms as last written from the settings by the button, if they were.
  const [rewritten, setRewritten] = useState<string | null>(null);
  const values = form.getValues();
  const capFen = typedCapFen(t, values.cap);
  // The terms say how spending draws, the cap and the fees: changing those and not the text leaves them wrong.
  const rulesChanged =
    values.drawOrder !== settings.drawOrder ||
    (capFen !== null && capFen !== settings.capFen) ||
    Number(values.refundFeePct) !== settings.refundFeePct ||
    Number(values.visitcardRefundFeePct) !== settings.visitcardRefundFeePct;
  const current = {
    drawOrder: values.drawOrder,
    capFen: capFen ?? settings.capFen,
    refundFeePct: Number(values.refundFeePct) || 0,
    visitcardRefundFeePct: Number(values.visitcardRefundFeePct) || 0,
  };
  // Text written from the settings and then left alone goes stale too when the settings change again.
  const stale =
    values.terms === settings.terms || (values.terms === rewritten && rewritten !== termsFromSettings(t, current));
  const drift = rulesChanged && stale;
  const rewrite = (
    <Button
      variant={drift ? 'filled' : 'subtle'}
      color={drift ? 'yellow' : undefined}
      size="xs"
      leftSection={<IconWriting size={16} />}
      onClick={() => {
        const text = termsFromSettings(t, current);
        setRewritten(text);
        form.setFieldValue('terms', text);
      }}
    >
      {t('wallet.settings.rewriteTerms')}
    </Button>
  );
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
            {drift && (
              <Alert
                color="yellow"
                icon={<IconAlertTriangle size={18} />}
                title={t('wallet.settings.termsDriftTitle')}
                data-testid="terms-drift"
              >
                <Stack gap="xs" align="flex-start">
                  <Text size="sm">{t('wallet.settings.termsDrift')}</Text>
                  {rewrite}
                </Stack>
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
            {!drift && <Group justify="flex-end">{rewrite}</Group>}
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
