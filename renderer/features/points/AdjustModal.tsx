import { Button, Group, Modal, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { useCommand } from '../../api/useCommand';
import { showErrors } from '../../ui/errors';
import { IntegerInput } from '../../ui/IntegerInput';

/** A manager's manual correction: points (negative to deduct) and a reason, both required. */
export function AdjustModal({ memberId, opened, onClose }: { memberId: number; opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const form = useForm<{ points: number | string; reason: string }>({
    initialValues: { points: '', reason: '' },
    validate: {
      points: (v) => (v === '' || Number(v) === 0 ? t('errors.points.zero') : null),
      reason: (v) => (v.trim() ? null : t('errors.required')),
    },
  });
  const adjust = useCommand('points.adjust', {
    invalidates: ['points', 'members'],
    onSuccess: () => {
      notifications.show({ color: 'teal', message: t('points.adjust.done', { points: form.getValues().points }) });
      form.reset();
      onClose();
    },
  });
  return (
    <Modal opened={opened} onClose={onClose} title={t('points.adjust.title')}>
      <form
        onSubmit={form.onSubmit((v) =>
          adjust.mutate(
            { memberId, points: Number(v.points), reason: v.reason },
            { onError: (e) => showErrors(t, form, e) },
          ),
        )}
      >
        <Stack>
          <IntegerInput label={t('points.adjust.points')} data-autofocus {...form.getInputProps('points')} />
          <TextInput label={t('points.adjust.reason')} {...form.getInputProps('reason')} />
          <Group justify="flex-end">
            <Button type="submit" loading={adjust.isPending}>
              {t('points.adjust.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
