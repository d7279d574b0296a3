import { Button, Group, Modal, PasswordInput, Stack } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { useCommand } from '../../api/useCommand';
import { useSession } from '../../stores/session';
import { showErrors } from '../../ui/errors';

/** A personal PIN for quick switching on a shared counter PC; the password confirms it is you. */
export function SetPinModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const hasPin = useSession((s) => s.session?.staff.hasPin ?? false);
  const form = useForm({
    initialValues: { currentPassword: '', pin: '' },
    validate: {
      currentPassword: (v) => (v ? null : t('errors.required')),
    },
  });
  const setPin = useCommand('auth.setPin');
  const save = (pin: string | null) => {
    if (form.validate().hasErrors) return;
    if (pin !== null && !/^\d{4,6}$/.test(pin)) return form.setFieldError('pin', t('errors.pin'));
    setPin.mutate(
      { currentPassword: form.getValues().currentPassword, pin },
      {
        onSuccess: async () => {
          notifications.show({ color: 'teal', message: t(pin ? 'account.pinSet' : 'account.pinRemoved') });
          form.reset();
          onClose();
          const s = useSession.getState();
          if (s.session) s.signedIn({ ...s.session, staff: { ...s.session.staff, hasPin: pin !== null } });
        },
        onError: (e) => showErrors(t, form, e),
      },
    );
  };
  return (
    <Modal opened={opened} onClose={onClose} title={t('header.setPin')}>
      <form onSubmit={form.onSubmit((v) => save(v.pin))}>
        <Stack>
          <PasswordInput label={t('account.currentPassword')} {...form.getInputProps('currentPassword')} />
          <PasswordInput label={t('account.pin')} inputMode="numeric" maxLength={6} {...form.getInputProps('pin')} />
          <Group justify="space-between">
            {hasPin && (
              <Button variant="subtle" color="red" onClick={() => save(null)}>
                {t('account.removePin')}
              </Button>
            )}
            <Button type="submit" loading={setPin.isPending}>
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
