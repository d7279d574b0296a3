import {
  ActionIcon,
  Alert,
  Button,
  Group,
  Loader,
  MultiSelect,
  SegmentedControl,
  Select,
  Stack,
  Switch,
  TagsInput,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { roundingModes, type PointsRules } from '../../../shared/points.js';
import { formatFen } from '../../../shared/rules/money.js';
import { call } from '../../api/client';
import { useCommand } from '../../api/useCommand';
import { showErrors } from '../../ui/errors';
import { fieldProblem, yuanField } from './money';
import { fromForm, toForm, type RulesForm } from './rulesForm';
import { IntegerInput } from '../../ui/IntegerInput';
import { section } from '../../ui/section';

/** Points rules (owner, manager): earning, categories, promotions, freeze, expiry, check-in, referral, birthday, spend levels. */
export function PointsRulesPage() {
  const q = useQuery({ queryKey: ['points', 'rules'], queryFn: () => call('points.rules', {}) });
  if (!q.data) return <Loader />;
  return <RulesEditor rules={q.data} />;
}

function RulesEditor({ rules }: { rules: PointsRules }) {
  const { t } = useTranslation();
  const form = useForm<RulesForm>({
    initialValues: toForm(rules),
    validate: {
      pointValue: (v) => fieldProblem(yuanField(t, v, true)),
      bands: { from: (v) => fieldProblem(yuanField(t, v, true)) },
    },
  });
  const save = useCommand('points.saveRules', {
    invalidates: ['points'],
    onSuccess: () => notifications.show({ color: 'teal', message: t('points.rules.saved') }),
  });
  const v = form.getValues();
  const remove = (path: string, i: number) => (
    <ActionIcon
      variant="subtle"
      color="red"
      aria-label={t('points.rules.remove')}
      onClick={() => form.removeListItem(path, i)}
    >
      <IconTrash size={16} />
    </ActionIcon>
  );

  return (
    <form
      onSubmit={form.onSubmit((values) =>
        save.mutate(fromForm(values), {
          onError: (e) =>
            showErrors(t, form, e, {
              pointValueFen: 'pointValue',
              perFen: 'perYuan',
              'expiry.monthDay': 'expiryMonthDay',
              'expiry.months': 'expiryMonths',
              'checkIn.points': 'checkInPoints',
            }),
        }),
      )}
    >
      <Stack maw={900}>
        <Title order={2}>{t('points.rules.title')}</Title>
        <Alert color="blue">{t('points.rules.intro')}</Alert>
        {section(
          t('points.rules.earning'),
          <>
            <Group align="flex-end">
              <IntegerInput label={t('points.rules.earnPoints')} min={1} w={120} {...form.getInputProps('perYuan')} />
              <Text pb={8}>{t('points.rules.perYuan')}</Text>
              <IntegerInput
                min={1}
                w={100}
                aria-label={t('points.rules.pointsUnit')}
                {...form.getInputProps('earnPoints')}
              />
              <Text pb={8}>{t('points.rules.pointsUnit')}</Text>
              <Select
                label={t('points.rules.rounding')}
                data={roundingModes.map((m) => ({ value: m, label: t(`points.rules.roundingModes.${m}`) }))}
                allowDeselect={false}
                w={160}
                {...form.getInputProps('rounding')}
              />
            </Group>
            <TagsInput
              label={t('points.rules.categories')}
              description={t('points.rules.categoriesHint')}
              {...form.getInputProps('categories')}
            />
            <MultiSelect
              label={t('points.rules.excluded')}
              data={v.categories}
              {...form.getInputProps('excludedCategories')}
            />
            <Group align="flex-start" grow>
              <IntegerInput
                label={t('points.rules.freezeDays')}
                description={t('points.rules.freezeHint')}
                min={0}
                max={365}
                {...form.getInputProps('freezeDays')}
              />
              <TextInput
                label={t('points.rules.pointValue')}
                description={t('points.rules.pointValueHint')}
                {...form.getInputProps('pointValue')}
              />
            </Group>
            <Switch
              label={t('points.rules.earnOnPoints')}
              description={t('points.rules.earnOnPointsHint')}
              {...form.getInputProps('earnOnPointsAndCoupons', { type: 'checkbox' })}
            />
          </>,
        )}
        {section(
          t('points.rules.promotions'),
          <>
            {v.promotions.map((p, i) => (
              <Group key={p.id} align="flex-end" wrap="nowrap">
                <TextInput label={t('points.rules.promotionName')} {...form.getInputProps(`promotions.${i}.name`)} />
                <TextInput
                  type="date"
                  label={t('points.rules.promotionFrom')}
                  {...form.getInputProps(`promotions.${i}.from`)}
                />
                <TextInput
                  type="date"
                  label={t('points.rules.promotionTo')}
                  {...form.getInputProps(`promotions.${i}.to`)}
                />
                <MultiSelect
                  label={t('points.rules.promotionCategories')}
                  data={v.categories}
                  w={200}
                  {...form.getInputProps(`promotions.${i}.categories`)}
                />
                <IntegerInput
                  label={t('points.rules.promotionMultiplier')}
                  min={100}
                  max={1000}
                  w={110}
                  {...form.getInputProps(`promotions.${i}.multiplierPct`)}
                />
                {remove('promotions', i)}
              </Group>
            ))}
            <Button
              variant="default"
              leftSection={<IconPlus size={14} />}
              w="fit-content"
              onClick={() =>
                form.insertListItem('promotions', {
                  id: crypto.randomUUID(),
                  name: '',
                  from: '',
                  to: '',
                  categories: [],
                  multiplierPct: 200,
                })
              }
            >
              {t('points.rules.promotionAdd')}
            </Button>
          </>,
        )}
        {section(
          t('points.rules.expiry'),
          <>
            <SegmentedControl
              data={(['never', 'rolling', 'annual'] as const).map((k) => ({
                value: k,
                label: t(`points.rules.expiryKinds.${k}`),
              }))}
              {...form.getInputProps('expiryKind')}
            />
            {v.expiryKind === 'rolling' && (
              <IntegerInput
                label={t('points.rules.expiryMonths')}
                min={1}
                max={120}
                w={160}
                {...form.getInputProps('expiryMonths')}
              />
            )}
            {v.expiryKind === 'annual' && (
              <TextInput label={t('points.rules.expiryMonthDay')} w={160} {...form.getInputProps('expiryMonthDay')} />
            )}
            <Text size="xs" c="dimmed">
              {t('points.rules.expiryHint')}
            </Text>
          </>,
        )}
        {section(
          t('points.rules.checkIn'),
          <>
            <IntegerInput
              label={t('points.rules.checkInPoints')}
              min={0}
              w={200}
              {...form.getInputProps('checkInPoints')}
            />
            {v.streakBonuses.map((_, i) => (
              <Group key={i} align="flex-end">
                <IntegerInput
                  label={t('points.rules.streakDay')}
                  min={2}
                  w={140}
                  {...form.getInputProps(`streakBonuses.${i}.day`)}
                />
                <IntegerInput
                  label={t('points.rules.streakPoints')}
                  min={1}
                  w={140}
                  {...form.getInputProps(`streakBonuses.${i}.points`)}
                />
                {remove('streakBonuses', i)}
              </Group>
            ))}
            <Button
              variant="default"
              w="fit-content"
              leftSection={<IconPlus size={14} />}
              onClick={() => form.insertListItem('streakBonuses', { day: 7, points: 5 })}
            >
              {t('points.rules.streakAdd')}
            </Button>
          </>,
        )}
        {section(
          t('points.rules.referral'),
          <Group grow>
            <IntegerInput label={t('points.rules.onRegister')} min={0} {...form.getInputProps('referralOnRegister')} />
            <IntegerInput
              label={t('points.rules.onFirstPurchase')}
              min={0}
              {...form.getInputProps('referralOnFirstPurchase')}
            />
          </Group>,
        )}
        {section(
          t('points.rules.birthdaySection'),
          <IntegerInput label={t('points.rules.birthday')} min={0} w={200} {...form.getInputProps('birthdayPoints')} />,
        )}
        {section(
          t('points.rules.bands'),
          <>
            {v.bands.map((_, i) => (
              <Group key={i} align="flex-end">
                <TextInput label={t('points.rules.bandName')} {...form.getInputProps(`bands.${i}.name`)} />
                <TextInput label={t('points.rules.bandFrom')} {...form.getInputProps(`bands.${i}.from`)} />
                {v.bands.length > 1 && remove('bands', i)}
              </Group>
            ))}
            <Button
              variant="default"
              w="fit-content"
              leftSection={<IconPlus size={14} />}
              onClick={() => form.insertListItem('bands', { name: '', from: formatFen(0) })}
            >
              {t('points.rules.bandAdd')}
            </Button>
          </>,
        )}
        <Group>
          <Button type="submit" loading={save.isPending}>
            {t('points.rules.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
