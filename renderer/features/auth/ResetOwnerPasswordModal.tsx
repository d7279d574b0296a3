import { Button, Modal, PasswordInput, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { useCommand } from '../../api/useCommand';
import { showErrors } from '../../ui/errors';

/** A forgotten owner password: the recovery passphrase proves the owner holds the shop's key. */
export function ResetOwnerPasswordModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const form = useForm({
    initialValues: { passphrase: '', username: '', newPassword: '' },
    validate: {
      passphrase: (v) => (v.trim() ? null : t('errors.required')),
      username: (v) => (v.trim() ? null : t('errors.required')),
      newPassword: (v) => (v.length >= 8 ? null : t('errors.passwordTooShort')),
    },
  });
  const reset = useCommand('auth.resetOwnerPassword', {
    onSuccess: () => {
      notifications.show({ color: 'teal', message: t('reset.done') });
      form.reset();
      onClose();
    },
  });
  const submit = form.onSubmit((v) => reset.mutate(v, { onError: (e) => showErrors(t, form, e) }));
  return (
    <Modal opened={opened} onClose={onClose} title={t('reset.title')}>
      <form onSubmit={submit}>
        <Stack>
          <PasswordInput label={t('reset.passphrase')} autoComplete="off" {...form.getInputProps('passphrase')} />
          <TextInput label={t('reset.username')} {...form.getInputProps('username')} />
          <PasswordInput
            label={t('reset.newPassword')}
            autoComplete="new-password"
            {...form.getInputProps('newPassword')}
          />
          <Button type="submit" loading={reset.isPending}>
            {t('reset.submit')}
          </Button>
        </Stack>
      </form>
    </Modal>
  );
}
