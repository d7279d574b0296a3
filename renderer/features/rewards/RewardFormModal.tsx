import {
  Button,
  FileInput,
  Group,
  Image,
  Modal,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  TextInput,
  Textarea,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { rewardKinds, type RewardInfo } from '../../../shared/rewards.js';
import { call } from '../../api/client';
import { useCommand } from '../../api/useCommand';
import { notifyError, showErrors } from '../../ui/errors';
import { fieldProblem, yuanField } from '../points/money';
import { rewardInput, rewardValues, shrinkImage, type RewardValues } from './rewardForm';
import { IntegerInput } from '../../ui/IntegerInput';

/** Add or edit a catalog reward (owner, manager). */
export function RewardFormModal({ reward, onClose }: { reward: RewardInfo | null; onClose: () => void }) {
  const { t } = useTranslation();
  const form = useForm<RewardValues>({
    initialValues: rewardValues(reward),
    validate: {
      name: (v) => (v.trim() ? null : t('errors.required')),
      value: (v, all) => (all.kind === 'coupon' ? fieldProblem(yuanField(t, v, true)) : null),
    },
  });
  const save = useCommand('rewards.save', {
    invalidates: ['rewards'],
    onSuccess: () => {
      notifications.show({ color: 'teal', message: t('rewards.form.saved') });
      onClose();
    },
  });
  const tiers = useQuery({ queryKey: ['tiers', 'config'], queryFn: () => call('tiers.config', {}) });
  const tierOptions = [
    { value: '', label: t('rewards.form.allMembers') },
    ...(tiers.data?.tiers ?? []).map((tier) => ({ value: String(tier.id), label: tier.name })),
  ];
  const kind = form.getValues().kind;
  const image = form.getValues().image;
  const number = (field: keyof RewardValues, min: number, description?: string) => (
    <IntegerInput
      label={t(`rewards.form.${field}`)}
      description={description}
      min={min}
      {...form.getInputProps(field)}
    />
  );
  return (
    <Modal opened onClose={onClose} title={reward ? t('rewards.form.edit') : t('rewards.form.add')} size="lg">
      <form
        onSubmit={form.onSubmit((v) =>
          save.mutate(rewardInput(t, v, reward?.id), {
            onError: (e) => showErrors(t, form, e, { valueFen: 'value' }),
          }),
        )}
      >
        <Stack>
          <SimpleGrid cols={2}>
            <TextInput label={t('rewards.form.name')} data-autofocus {...form.getInputProps('name')} />
            <Select
              label={t('rewards.form.kind')}
              data={rewardKinds.map((k) => ({ value: k, label: t(`rewards.kinds.${k}`) }))}
              allowDeselect={false}
              {...form.getInputProps('kind')}
            />
            {number('pointsCost', 1)}
            {kind === 'coupon' && (
              <TextInput label={t('rewards.form.value')} inputMode="decimal" {...form.getInputProps('value')} />
            )}
            {kind === 'voucher' && number('discountPct', 1, t('rewards.form.discountHint'))}
            {number('stock', 0, t('rewards.form.stockHint'))}
            {number('perMemberLimit', 1, t('rewards.form.limitHint'))}
            <TextInput type="date" label={t('rewards.form.availableFrom')} {...form.getInputProps('availableFrom')} />
            <TextInput type="date" label={t('rewards.form.availableTo')} {...form.getInputProps('availableTo')} />
            {kind !== 'goods' && number('codeValidDays', 1, t('rewards.form.validHint'))}
            <Select
              label={t('rewards.form.minTier')}
              description={t('rewards.form.minTierHint')}
              data={tierOptions}
              allowDeselect={false}
              data-testid="reward-min-tier"
              {...form.getInputProps('minTierId')}
            />
          </SimpleGrid>
          <Textarea label={t('rewards.form.description')} autosize minRows={2} {...form.getInputProps('description')} />
          <Group align="flex-end">
            <FileInput
              label={t('rewards.form.image')}
              accept="image/png,image/jpeg,image/webp"
              placeholder={t('rewards.form.imagePick')}
              onChange={(file) => {
                if (!file) return form.setFieldValue('image', null);
                shrinkImage(file).then(
                  (url) => form.setFieldValue('image', url),
                  (e: unknown) => notifyError(t, e),
                );
              }}
              error={form.errors.image}
              w={260}
            />
            {image && <Image src={image} alt="" h={64} w={64} fit="contain" radius="sm" />}
            {image && (
              <Button variant="subtle" size="compact-sm" onClick={() => form.setFieldValue('image', null)}>
                {t('rewards.form.imageRemove')}
              </Button>
            )}
          </Group>
          <Switch label={t('rewards.form.active')} {...form.getInputProps('active', { type: 'checkbox' })} />
          <Group justify="flex-end">
            <Button type="submit" loading={save.isPending}>
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
