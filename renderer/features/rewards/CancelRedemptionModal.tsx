import { Button, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import type { RedemptionInfo } from '../../../shared/rewards.js';
import { useCommand } from '../../api/useCommand';
import { showErrors } from '../../ui/errors';

/** Cancel a redemption with a reason: the points go back to their lots, the item to stock. */
export function CancelRedemptionModal({
  redemption,
  onClose,
}: {
  redemption: RedemptionInfo | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const form = useForm({ initialValues: { reason: '' } });
  const cancel = useCommand('rewards.cancel', {
    invalidates: ['rewards', 'points', 'members'],
    onSuccess: (r) => {
      notifications.show({ color: 'teal', message: t('rewards.cancel.done', { points: r.redemption.points }) });
      form.reset();
      onClose();
    },
  });
  return (
    <Modal opened={redemption !== null} onClose={onClose} title={t('rewards.cancel.title')}>
      {redemption && (
        <form
          onSubmit={form.onSubmit((v) =>
            cancel.mutate(
              { redemptionId: redemption.id, reason: v.reason },
              { onError: (e) => showErrors(t, form, e) },
            ),
          )}
        >
          <Stack>
            <Text>{t('rewards.cancel.confirm', { reward: redemption.rewardName, points: redemption.points })}</Text>
            <TextInput label={t('rewards.cancel.reason')} data-autofocus {...form.getInputProps('reason')} />
            <Group justify="flex-end">
              <Button color="red" type="submit" loading={cancel.isPending}>
                {t('rewards.cancel.submit')}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  );
}
