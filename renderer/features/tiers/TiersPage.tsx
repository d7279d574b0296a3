import { Alert, Button, Group, Loader, SegmentedControl, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconPlus } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { dropModes, growthWindows, type TiersConfig } from '../../../shared/tiers.js';
import { call } from '../../api/client';
import { useCommand } from '../../api/useCommand';
import { errorMessage, showErrors } from '../../ui/errors';
import { IntegerInput } from '../../ui/IntegerInput';
import { section } from '../../ui/section';
import { TierRowFields } from './TierRowFields';
import { baseFixed, fromForm, maxTiers, newTier, tiersValidation, toForm, type TiersForm } from './tiersForm';

/** The tier table and the growth value rules (owner): edited as a whole and saved at once. */
export function TiersPage() {
  const { t } = useTranslation();
  // Always fresh: the form starts from it, and purchases since the last visit moved member counts.
  const q = useQuery({
    queryKey: ['tiers', 'config'],
    queryFn: () => call('tiers.config', {}),
    refetchOnMount: 'always',
  });
  if (q.error) return <Alert color="red">{errorMessage(t, q.error)}</Alert>;
  if (!q.data || !q.isFetchedAfterMount) return <Loader />;
  return <TiersEditor config={q.data} />;
}

function TiersEditor({ config }: { config: TiersConfig }) {
  const { t } = useTranslation();
  const form = useForm<TiersForm>({ initialValues: toForm(config), validate: tiersValidation(t) });
  const save = useCommand('tiers.save', { invalidates: ['tiers'] });
  const v = form.getValues();
  // Rows move as a whole; the base tier's threshold stays 0 whichever row comes first.
  const setTiers = (tiers: TiersForm['tiers']) => {
    form.setFieldValue('tiers', baseFixed(tiers));
    form.clearErrors();
  };
  const move = (from: number, to: number) => {
    const tiers = [...v.tiers];
    const [row] = tiers.splice(from, 1);
    tiers.splice(to, 0, row!);
    setTiers(tiers);
  };
  const remove = (i: number) => setTiers(v.tiers.filter((_, j) => j !== i));
  const hint = (text: string) => (
    <Text size="sm" c="dimmed">
      {text}
    </Text>
  );

  return (
    <form
      onSubmit={form.onSubmit((values) =>
        save.mutate(fromForm(values), {
          onSuccess: (saved) => {
            form.setValues(toForm(saved));
            form.resetDirty();
            notifications.show({ color: 'teal', message: t('tiers.settings.saved') });
          },
          onError: (e) => showErrors(t, form, e),
        }),
      )}
    >
      <Stack maw={1100}>
        <Title order={2}>{t('tiers.settings.title')}</Title>
        <Stack gap={2}>
          {hint(t('tiers.settings.growthIntro'))}
          {hint(t('tiers.settings.upgradeIntro'))}
          {hint(t('tiers.settings.downgradeIntro'))}
          {hint(t('tiers.settings.saveIntro'))}
        </Stack>
        {section(
          t('tiers.settings.rules'),
          <>
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <Stack gap={4}>
                <Text size="sm" fw={500}>
                  {t('tiers.settings.window')}
                </Text>
                <SegmentedControl
                  data-testid="tiers-window"
                  data={growthWindows.map((w) => ({ value: w, label: t(`tiers.settings.windows.${w}`) }))}
                  {...form.getInputProps('settings.window')}
                />
                <Text size="xs" c="dimmed">
                  {t('tiers.settings.windowHint')}
                </Text>
              </Stack>
              <Stack gap={4}>
                <Text size="sm" fw={500}>
                  {t('tiers.settings.dropMode')}
                </Text>
                <SegmentedControl
                  data-testid="tiers-drop-mode"
                  data={dropModes.map((m) => ({ value: m, label: t(`tiers.settings.dropModes.${m}`) }))}
                  {...form.getInputProps('settings.dropMode')}
                />
                <Text size="xs" c="dimmed">
                  {t('tiers.settings.dropModeHint')}
                </Text>
              </Stack>
            </SimpleGrid>
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <IntegerInput
                label={t('tiers.settings.growthPerYuan')}
                description={t('tiers.settings.growthPerYuanHint')}
                min={1}
                max={100}
                {...form.getInputProps('settings.growthPerYuan')}
              />
              <IntegerInput
                label={t('tiers.settings.activityGrowth')}
                description={t('tiers.settings.activityGrowthHint')}
                min={0}
                max={100_000}
                {...form.getInputProps('settings.activityGrowth')}
              />
            </SimpleGrid>
          </>,
        )}
        <Stack gap={4}>
          <Title order={4}>{t('tiers.settings.table')}</Title>
          {hint(t('tiers.settings.tableHint'))}
        </Stack>
        {v.tiers.map((tier, i) => (
          <TierRowFields key={tier.key} form={form} index={i} count={v.tiers.length} onMove={move} onRemove={remove} />
        ))}
        {form.errors.tiers && <Text c="red">{form.errors.tiers}</Text>}
        <Group justify="space-between">
          <Button
            variant="default"
            leftSection={<IconPlus size={14} />}
            disabled={v.tiers.length >= maxTiers}
            onClick={() => form.insertListItem('tiers', newTier(v.tiers))}
          >
            {t('tiers.settings.add')}
          </Button>
          <Button type="submit" loading={save.isPending}>
            {t('tiers.settings.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
