import { Button, Modal, PasswordInput, Stack } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { useCommand } from '../../api/useCommand';
import { showErrors } from '../../ui/errors';

export function ChangePasswordModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const form = useForm({
    initialValues: { currentPassword: '', newPassword: '', repeat: '' },
    validate: {
      currentPassword: (v) => (v ? null : t('errors.required')),
      newPassword: (v) => (v.length >= 8 ? null : t('errors.passwordTooShort')),
      repeat: (v, all) => (v === all.newPassword ? null : t('errors.passwordMismatch')),
    },
  });
  const change = useCommand('auth.changePassword', {
    onSuccess: () => {
      notifications.show({ color: 'teal', message: t('account.passwordChanged') });
      form.reset();
      onClose();
    },
  });
  const submit = form.onSubmit((v) =>
    change.mutate(
      { currentPassword: v.currentPassword, newPassword: v.newPassword },
      { onError: (e) => showErrors(t, form, e) },
    ),
  );
  return (
    <Modal opened={opened} onClose={onClose} title={t('header.changePassword')}>
      <form onSubmit={submit}>
        <Stack>
          <PasswordInput label={t('account.currentPassword')} {...form.getInputProps('currentPassword')} />
          <PasswordInput label={t('account.newPassword')} {...form.getInputProps('newPassword')} />
          <PasswordInput label={t('account.repeatPassword')} {...form.getInputProps('repeat')} />
          <Button type="submit" loading={change.isPending}>
            {t('common.save')}
          </Button>
        </Stack>
      </form>
    </Modal>
  );
}
