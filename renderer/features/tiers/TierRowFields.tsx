import {
  ActionIcon,
  Button,
  Card,
  ColorInput,
  Group,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Tooltip,
} from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { IconArrowDown, IconArrowUp, IconPlus, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { complaintPriorities, servicePeriods } from '../../../shared/tiers.js';
import { IntegerInput } from '../../ui/IntegerInput';
import { TierColorBadge } from './TierColorBadge';
import { discountParams, maxServices, newService, tierSwatches, type TiersForm } from './tiersForm';

interface Props {
  form: UseFormReturnType<TiersForm>;
  index: number;
  count: number;
  onMove: (from: number, to: number) => void;
  onRemove: (index: number) => void;
}

/** Descriptions under the inputs, so inputs in a row line up whatever their hints say. */
const below = {
  inputWrapperOrder: ['label', 'input', 'description', 'error'] as ('label' | 'input' | 'description' | 'error')[],
};

/** One row of the tier table: what the tier needs, what it gives, and its free services. */
export function TierRowFields({ form, index, count, onMove, onRemove }: Props) {
  const { t } = useTranslation();
  const tier = form.getValues().tiers[index]!;
  const path = `tiers.${index}`;
  const base = index === 0;
  const color = /^#[0-9a-fA-F]{6}$/.test(tier.color) ? tier.color : '#868e96';
  const discount = discountParams(tier.discountPct);
  const times = Number(tier.multiplierPct) / 100;

  return (
    <Card withBorder data-testid={`tier-row-${index}`}>
      <Group justify="space-between" mb="sm">
        <Group gap="sm">
          <TierColorBadge name={tier.name || t('tiers.settings.newTier')} color={color} />
          <Text size="sm" c="dimmed">
            {base ? t('tiers.settings.base') : t('tiers.settings.level', { n: index + 1 })}
          </Text>
          <Text size="sm" c="dimmed" data-testid="tier-members">
            {t('tiers.settings.members', { count: tier.members })}
          </Text>
        </Group>
        <Group gap={4}>
          <ActionIcon
            variant="subtle"
            aria-label={t('tiers.settings.moveUp')}
            disabled={index <= 1}
            onClick={() => onMove(index, index - 1)}
          >
            <IconArrowUp size={16} />
          </ActionIcon>
          <ActionIcon
            variant="subtle"
            aria-label={t('tiers.settings.moveDown')}
            disabled={base || index === count - 1}
            onClick={() => onMove(index, index + 1)}
          >
            <IconArrowDown size={16} />
          </ActionIcon>
          <Tooltip label={t('tiers.settings.removeHint')} disabled={tier.members === 0}>
            <ActionIcon
              variant="subtle"
              color="red"
              aria-label={t('tiers.settings.remove')}
              disabled={base || count === 1}
              onClick={() => onRemove(index)}
            >
              <IconTrash size={16} />
            </ActionIcon>
          </Tooltip>
        </Group>
      </Group>
      <Stack gap="sm">
        <SimpleGrid cols={{ base: 1, sm: 2, md: 4 }}>
          <TextInput label={t('tiers.settings.name')} maxLength={20} {...form.getInputProps(`${path}.name`)} />
          <ColorInput
            label={t('tiers.settings.color')}
            format="hex"
            swatches={tierSwatches}
            swatchesPerRow={5}
            withEyeDropper={false}
            {...form.getInputProps(`${path}.color`)}
          />
          <IntegerInput
            {...below}
            label={t('tiers.settings.threshold')}
            description={base ? t('tiers.settings.baseThresholdHint') : t('tiers.settings.thresholdHint')}
            min={0}
            disabled={base}
            {...form.getInputProps(`${path}.threshold`)}
          />
          <IntegerInput
            {...below}
            label={t('tiers.settings.retention')}
            description={base ? undefined : t('tiers.settings.retentionHint')}
            min={0}
            disabled={base}
            {...form.getInputProps(`${path}.retention`)}
          />
          <IntegerInput
            {...below}
            label={t('tiers.settings.multiplier')}
            description={Number.isFinite(times) ? t('tiers.settings.multiplierHint', { times }) : undefined}
            min={100}
            max={1000}
            {...form.getInputProps(`${path}.multiplierPct`)}
          />
          <IntegerInput
            {...below}
            label={t('tiers.settings.discount')}
            description={discount ? t('tiers.settings.discountShown', discount) : t('tiers.settings.noDiscount')}
            min={50}
            max={100}
            {...form.getInputProps(`${path}.discountPct`)}
          />
          <IntegerInput
            {...below}
            label={t('tiers.settings.birthdayPoints')}
            description={t('tiers.settings.birthdayPointsHint')}
            min={0}
            max={100_000}
            {...form.getInputProps(`${path}.birthdayPoints`)}
          />
          <Select
            {...below}
            label={t('tiers.settings.complaintPriority')}
            description={t('tiers.settings.complaintPriorityHint')}
            data={complaintPriorities.map((p) => ({ value: String(p), label: t(`tiers.settings.priorities.${p}`) }))}
            allowDeselect={false}
            value={String(tier.complaintPriority)}
            onChange={(v) => form.setFieldValue(`${path}.complaintPriority`, Number(v ?? 0))}
            error={form.errors[`${path}.complaintPriority`]}
          />
        </SimpleGrid>
        <ServiceFields form={form} index={index} />
      </Stack>
    </Card>
  );
}

function ServiceFields({ form, index }: { form: UseFormReturnType<TiersForm>; index: number }) {
  const { t } = useTranslation();
  const services = form.getValues().tiers[index]!.services;
  const path = `tiers.${index}.services`;
  return (
    <Stack gap={6}>
      <Group gap="xs" align="baseline">
        <Text size="sm" fw={500}>
          {t('tiers.settings.services')}
        </Text>
        <Text size="xs" c="dimmed">
          {services.length ? t('tiers.settings.servicesHint') : t('tiers.settings.noServices')}
        </Text>
      </Group>
      {services.map((s, j) => (
        <Group key={s.key} align="flex-start" wrap="nowrap" data-testid={`tier-service-${j}`}>
          <TextInput
            aria-label={t('tiers.settings.serviceName')}
            placeholder={t('tiers.settings.serviceName')}
            maxLength={30}
            w={220}
            {...form.getInputProps(`${path}.${j}.name`)}
          />
          <IntegerInput
            aria-label={t('tiers.settings.serviceQuantity')}
            min={1}
            max={100}
            w={90}
            rightSection={<Text size="xs">{t('tiers.settings.serviceQuantity')}</Text>}
            rightSectionWidth={44}
            {...form.getInputProps(`${path}.${j}.quantity`)}
          />
          <Select
            aria-label={t('tiers.settings.servicePeriod')}
            leftSection={<Text size="xs">{t('tiers.settings.servicePeriod')}</Text>}
            data={servicePeriods.map((p) => ({ value: p, label: t(`tiers.settings.periods.${p}`) }))}
            allowDeselect={false}
            w={130}
            {...form.getInputProps(`${path}.${j}.period`)}
          />
          <ActionIcon
            variant="subtle"
            color="red"
            mt={6}
            aria-label={t('tiers.settings.removeService')}
            onClick={() => form.removeListItem(path, j)}
          >
            <IconTrash size={16} />
          </ActionIcon>
        </Group>
      ))}
      <Button
        variant="default"
        size="xs"
        w="fit-content"
        leftSection={<IconPlus size={14} />}
        disabled={services.length >= maxServices}
        onClick={() => form.insertListItem(path, newService())}
      >
        {t('tiers.settings.addService')}
      </Button>
    </Stack>
  );
}
