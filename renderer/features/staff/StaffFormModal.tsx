import { Button, Modal, PasswordInput, Select, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import type { StaffInfo } from '../../../shared/domain.js';
import { roles, type Role } from '../../../shared/permissions.js';
import { useCommand } from '../../api/useCommand';
import { showErrors } from '../../ui/errors';

/** Adds a staff member, or edits one (name and role; the username never changes). */
export function StaffFormModal({ staff, onClose }: { staff: StaffInfo | 'new' | null; onClose: () => void }) {
  const { t } = useTranslation();
  const editing = staff !== 'new' && staff !== null ? staff : null;
  const form = useForm({
    initialValues: {
      username: editing?.username ?? '',
      displayName: editing?.displayName ?? '',
      role: (editing?.role ?? 'clerk') as Role,
      password: '',
    },
    validate: {
      username: (v) => (editing || /^[a-zA-Z0-9_.-]{3,32}$/.test(v.trim()) ? null : t('errors.username')),
      displayName: (v) => (v.trim() ? null : t('errors.required')),
      password: (v) => (editing || v.length >= 8 ? null : t('errors.passwordTooShort')),
    },
  });
  const done = (name: string) => {
    notifications.show({ color: 'teal', message: editing ? t('staff.saved') : t('staff.created', { name }) });
    onClose();
  };
  const create = useCommand('staff.create', { invalidates: ['staff'], onSuccess: (s) => done(s.displayName) });
  const update = useCommand('staff.update', { invalidates: ['staff'], onSuccess: (s) => done(s.displayName) });
  const submit = form.onSubmit((v) => {
    const onError = (e: unknown) => showErrors(t, form, e);
    if (editing) update.mutate({ staffId: editing.id, displayName: v.displayName, role: v.role }, { onError });
    else create.mutate(v, { onError });
  });
  return (
    <Modal opened={staff !== null} onClose={onClose} title={editing ? t('staff.edit') : t('staff.add')}>
      <form onSubmit={submit}>
        <Stack>
          <TextInput label={t('staff.username')} disabled={!!editing} {...form.getInputProps('username')} />
          <TextInput label={t('staff.displayName')} {...form.getInputProps('displayName')} />
          <Select
            label={t('staff.role')}
            data={roles.map((r) => ({ value: r, label: t(`staff.roles.${r}`) }))}
            allowDeselect={false}
            {...form.getInputProps('role')}
          />
          {!editing && (
            <PasswordInput
              label={t('staff.password')}
              autoComplete="new-password"
              {...form.getInputProps('password')}
            />
          )}
          <Button type="submit" loading={create.isPending || update.isPending}>
            {t('common.save')}
          </Button>
        </Stack>
      </form>
    </Modal>
  );
}
