import { ActionIcon, Button, Card, Group, Loader, Select, Stack, Switch, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { drawPrizeKinds, drawTotalBp, type DrawConfig, type DrawPrizeKind } from '../../../shared/draws.js';
import { bpToPercent } from '../../../shared/rules/draws.js';
import { call } from '../../api/client';
import { useCommand } from '../../api/useCommand';
import { showErrors } from '../../ui/errors';
import { blankPrize, fromForm, percentToBp, toForm, totalBp, type DrawForm } from './drawForm';
import { IntegerInput } from '../../ui/IntegerInput';

/** The owner's lucky draw: on/off, cost, daily limit, and the prizes with their chances and stock. */
export function DrawSettingsPage() {
  const config = useQuery({ queryKey: ['draws', 'config'], queryFn: () => call('draws.config', {}) });
  if (!config.data) return <Loader />;
  return <SettingsEditor config={config.data} />;
}

function SettingsEditor({ config }: { config: DrawConfig }) {
  const { t } = useTranslation();
  const rewards = useQuery({ queryKey: ['rewards', 'list'], queryFn: () => call('rewards.list', {}) });
  const form = useForm<DrawForm>({
    initialValues: toForm(config, t('draws.settings.defaultThanks')),
    validate: {
      prizes: { chance: (v) => (percentToBp(v) === null ? t('errors.draws.percent') : null) },
    },
  });
  const save = useCommand('draws.saveConfig', {
    invalidates: ['draws'],
    onSuccess: (c) => {
      form.setValues(toForm(c, t('draws.settings.defaultThanks')));
      form.resetDirty();
      notifications.show({ color: 'teal', message: t('draws.settings.saved') });
    },
  });
  const v = form.getValues();
  const total = totalBp(v.prizes);
  const rename = Object.fromEntries(v.prizes.map((_, i) => [`prizes.${i}.probabilityBp`, `prizes.${i}.chance`]));
  const rewardOptions = (rewards.data ?? []).map((r) => ({ value: String(r.id), label: r.name }));

  return (
    <form
      onSubmit={form.onSubmit((values) =>
        save.mutate(fromForm(values), { onError: (e) => showErrors(t, form, e, rename) }),
      )}
    >
      <Stack maw={980}>
        <Title order={2}>{t('draws.settings.title')}</Title>
        <Text c="dimmed">{t('draws.settings.intro')}</Text>
        <Card withBorder>
          <Stack gap="sm">
            <Switch label={t('draws.settings.enabled')} {...form.getInputProps('enabled', { type: 'checkbox' })} />
            <Group align="flex-start">
              <IntegerInput
                label={t('draws.settings.cost')}
                description={t('draws.settings.costHint')}
                min={0}
                {...form.getInputProps('cost')}
              />
              <IntegerInput
                label={t('draws.settings.dailyLimit')}
                min={1}
                max={100}
                {...form.getInputProps('dailyLimit')}
              />
            </Group>
          </Stack>
        </Card>
        <Card withBorder>
          <Title order={4} mb="sm">
            {t('draws.settings.prizes')}
          </Title>
          <Stack gap="sm" data-testid="draw-prizes">
            {v.prizes.map((p, i) => (
              <Group key={p.key} align="flex-start" wrap="nowrap" data-testid={`draw-prize-${i}`}>
                <Select
                  label={t('draws.settings.kind')}
                  data={drawPrizeKinds.map((k) => ({ value: k, label: t(`draws.kinds.${k}`) }))}
                  allowDeselect={false}
                  w={150}
                  {...form.getInputProps(`prizes.${i}.kind`)}
                  onChange={(k) => form.setFieldValue(`prizes.${i}.kind`, (k ?? 'thanks') as DrawPrizeKind)}
                />
                <TextInput label={t('draws.settings.name')} w={170} {...form.getInputProps(`prizes.${i}.name`)} />
                {p.kind === 'points' && (
                  <IntegerInput
                    label={t('draws.settings.points')}
                    min={1}
                    w={110}
                    {...form.getInputProps(`prizes.${i}.points`)}
                  />
                )}
                {p.kind === 'reward' && (
                  <Select
                    label={t('draws.settings.reward')}
                    placeholder={t('draws.settings.rewardPick')}
                    data={rewardOptions}
                    w={180}
                    {...form.getInputProps(`prizes.${i}.rewardId`)}
                    onChange={(v) => {
                      form.setFieldValue(`prizes.${i}.rewardId`, v);
                      // The prize is named after the reward unless the owner named it already.
                      const label = rewardOptions.find((o) => o.value === v)?.label;
                      if (label && !p.name.trim()) form.setFieldValue(`prizes.${i}.name`, label);
                    }}
                  />
                )}
                <TextInput
                  label={t('draws.settings.chance')}
                  w={100}
                  inputMode="decimal"
                  {...form.getInputProps(`prizes.${i}.chance`)}
                />
                {p.kind !== 'thanks' && (
                  <IntegerInput
                    label={t('draws.settings.stock')}
                    placeholder={t('draws.settings.stockHint')}
                    min={0}
                    w={110}
                    {...form.getInputProps(`prizes.${i}.stock`)}
                  />
                )}
                <Stack gap={0} pt={28}>
                  {p.won > 0 && (
                    <Text size="xs" c="dimmed">
                      {t('draws.settings.won', { count: p.won })}
                    </Text>
                  )}
                </Stack>
                <ActionIcon
                  mt={28}
                  variant="subtle"
                  color="red"
                  aria-label={t('draws.settings.remove')}
                  disabled={v.prizes.length === 1}
                  onClick={() => form.removeListItem('prizes', i)}
                >
                  <IconTrash size={16} />
                </ActionIcon>
              </Group>
            ))}
            <Group justify="space-between">
              <Button
                variant="light"
                leftSection={<IconPlus size={16} />}
                disabled={v.prizes.length >= 20}
                onClick={() => form.insertListItem('prizes', blankPrize('points', ''))}
              >
                {t('draws.settings.add')}
              </Button>
              <Text fw={600} c={total === drawTotalBp ? 'teal' : 'red'} data-testid="draw-total">
                {total === drawTotalBp
                  ? t('draws.settings.totalOk')
                  : t('draws.settings.total', { total: bpToPercent(total) })}
              </Text>
            </Group>
            {typeof form.errors.prizes === 'string' && (
              <Text c="red" size="sm">
                {form.errors.prizes}
              </Text>
            )}
          </Stack>
        </Card>
        <Group>
          <Button type="submit" loading={save.isPending}>
            {t('draws.settings.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
