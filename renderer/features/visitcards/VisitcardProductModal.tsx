import {
  Button,
  Group,
  Input,
  Modal,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Switch,
  TagsInput,
  TextInput,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import type { VisitcardProduct } from '../../../shared/visitcards.js';
import { useCommand } from '../../api/useCommand';
import { showErrors } from '../../ui/errors';
import { IntegerInput } from '../../ui/IntegerInput';
import { fieldProblem, yuanField } from '../points/money';
import { productFieldNames, productInput, productValues, type ProductValues } from './productForm';

const validityKinds = ['days', 'until', 'none'] as const;

/** Add or edit a count-card product (owner, manager). Cards already sold keep the terms they were sold with. */
export function VisitcardProductModal({ product, onClose }: { product: VisitcardProduct | null; onClose: () => void }) {
  const { t } = useTranslation();
  const form = useForm<ProductValues>({
    initialValues: productValues(product),
    validate: {
      name: (v) => (v.trim() ? null : t('errors.required')),
      services: (v) => (v.length ? null : t('errors.required')),
      uses: (v) => (v === '' ? t('errors.required') : null),
      price: (v) => fieldProblem(yuanField(t, v, true)),
      days: (v, all) => (all.validityKind === 'days' && v === '' ? t('errors.required') : null),
      until: (v, all) => (all.validityKind === 'until' && !v ? t('errors.required') : null),
    },
  });
  const save = useCommand('visitcards.saveProduct', {
    invalidates: ['visitcards'],
    onSuccess: () => {
      notifications.show({ color: 'teal', message: t('visitcards.products.saved') });
      onClose();
    },
  });
  const v = form.getValues();
  return (
    <Modal
      opened
      onClose={onClose}
      title={product ? t('visitcards.products.edit') : t('visitcards.products.add')}
      size="lg"
    >
      <form
        onSubmit={form.onSubmit((values) =>
          save.mutate(productInput(t, values, product?.id), {
            onError: (e) => showErrors(t, form, e, productFieldNames),
          }),
        )}
      >
        <Stack>
          <TextInput
            label={t('visitcards.form.name')}
            placeholder={t('visitcards.form.namePlaceholder')}
            data-autofocus
            {...form.getInputProps('name')}
          />
          <TagsInput
            label={t('visitcards.form.services')}
            description={t('visitcards.form.servicesHint')}
            maxTags={20}
            data-testid="product-services"
            {...form.getInputProps('services')}
          />
          <SimpleGrid cols={2}>
            <IntegerInput label={t('visitcards.form.uses')} min={1} max={1000} {...form.getInputProps('uses')} />
            <TextInput label={t('visitcards.form.price')} inputMode="decimal" {...form.getInputProps('price')} />
          </SimpleGrid>
          <Input.Wrapper label={t('visitcards.form.validityKind')} error={form.errors.validityKind}>
            <SegmentedControl
              fullWidth
              data-testid="product-validity"
              data={validityKinds.map((k) => ({ value: k, label: t(`visitcards.form.validityKinds.${k}`) }))}
              {...form.getInputProps('validityKind')}
            />
          </Input.Wrapper>
          {v.validityKind === 'days' && (
            <IntegerInput
              label={t('visitcards.form.days')}
              description={t('visitcards.form.daysHint', {
                days: v.days === '' ? 'N' : v.days,
                count: v.days === '' ? 0 : Number(v.days),
              })}
              min={1}
              max={3650}
              w={240}
              {...form.getInputProps('days')}
            />
          )}
          {v.validityKind === 'until' && (
            <TextInput type="date" label={t('visitcards.form.until')} w={240} {...form.getInputProps('until')} />
          )}
          <IntegerInput
            label={t('visitcards.form.perDayLimit')}
            description={t('visitcards.form.perDayLimitHint')}
            min={1}
            max={100}
            w={240}
            {...form.getInputProps('perDayLimit')}
          />
          <Switch
            label={t('visitcards.form.weekdaysOnly')}
            {...form.getInputProps('weekdaysOnly', { type: 'checkbox' })}
          />
          <Switch
            label={t('visitcards.form.active')}
            description={t('visitcards.form.activeHint')}
            {...form.getInputProps('active', { type: 'checkbox' })}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={save.isPending}>
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
