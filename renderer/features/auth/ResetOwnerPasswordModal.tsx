import { Button, Modal, PasswordInput, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../api/client';
import { showErrors } from '../../ui/errors';

/** A forgotten owner password: the recovery passphrase proves the owner holds the shop's key. */
export function ResetOwnerPasswordModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const form = useForm({
    initialValues: { passphrase: '', username: '', newPassword: '' },
    validate: {
      passphrase: (v) => (v.trim() ? null : t('errors.required')),
      username: (v) => (v.trim() ? null : t('errors.required')),
      newPassword: (v) => (v.length >= 8 ? null : t('errors.passwordTooShort')),
    },
  });
  const submit = form.onSubmit(async (v) => {
    setBusy(true);
    try {
      await call('auth.resetOwnerPassword', v);
      notifications.show({ color: 'teal', message: t('reset.done') });
      form.reset();
      onClose();
    } catch (e) {
      showErrors(t, form, e);
    } finally {
      setBusy(false);
    }
  });
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
          <Button type="submit" loading={busy}>
            {t('reset.submit')}
          </Button>
        </Stack>
      </form>
    </Modal>
  );
}
