import { Button, Modal, PasswordInput, Stack } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import type { StaffInfo } from '../../../shared/domain.js';
import { useCommand } from '../../api/useCommand';
import { showErrors } from '../../ui/errors';

export function ResetPasswordModal({ staff, onClose }: { staff: StaffInfo | null; onClose: () => void }) {
  const { t } = useTranslation();
  const form = useForm({
    initialValues: { password: '' },
    validate: { password: (v) => (v.length >= 8 ? null : t('errors.passwordTooShort')) },
  });
  const reset = useCommand('staff.resetPassword', {
    onSuccess: () => {
      notifications.show({ color: 'teal', message: t('staff.passwordReset', { name: staff?.displayName ?? '' }) });
      form.reset();
      onClose();
    },
  });
  return (
    <Modal
      opened={staff !== null}
      onClose={onClose}
      title={`${t('staff.resetPassword')} · ${staff?.displayName ?? ''}`}
    >
      <form
        onSubmit={form.onSubmit((v) =>
          reset.mutate({ staffId: staff!.id, password: v.password }, { onError: (e) => showErrors(t, form, e) }),
        )}
      >
        <Stack>
          <PasswordInput
            label={t('staff.newPassword')}
            autoComplete="new-password"
            {...form.getInputProps('password')}
          />
          <Button type="submit" loading={reset.isPending}>
            {t('common.save')}
          </Button>
        </Stack>
      </form>
    </Modal>
  );
}
