import { Button, Group, Modal, Stack } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Member, MemberSummary } from '../../../shared/domain.js';
import { useCommand } from '../../api/useCommand';
import { showErrors } from '../../ui/errors';
import { MemberFields } from './MemberFields';
import { PhoneTakenNotice, phoneHolder } from './PhoneTakenNotice';
import { profileInput, valuesFromMember, type MemberFormValues } from './memberForm';

/** Edits every profile field and the joined date; consents, cards and tags have their own cards. */
export function EditMemberModal({ member, opened, onClose }: { member: Member; opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal opened={opened} onClose={onClose} title={t('members.editTitle')} size="lg">
      {/* Mounted only while open, so each opening starts from the member as they are now. */}
      {opened && <EditMemberForm member={member} onClose={onClose} />}
    </Modal>
  );
}

function EditMemberForm({ member, onClose }: { member: Member; onClose: () => void }) {
  const { t } = useTranslation();
  const form = useForm<MemberFormValues>({
    initialValues: valuesFromMember(member),
    validate: {
      phone: (v) => (v.trim() ? null : t('errors.phone.required')),
      joinedOn: (v) => (v ? null : t('errors.required')),
    },
  });
  const update = useCommand('members.update', {
    invalidates: ['members'],
    onSuccess: () => {
      notifications.show({ color: 'teal', message: t('members.saved') });
      onClose();
    },
  });
  const [holder, setHolder] = useState<MemberSummary | null>(null);
  const submit = form.onSubmit((v) => {
    setHolder(null);
    update.mutate(
      { id: member.id, ...profileInput(v), joinedOn: v.joinedOn },
      {
        onError: (e) => {
          setHolder(phoneHolder(e));
          showErrors(t, form, e);
        },
      },
    );
  });
  return (
    <form onSubmit={submit}>
      <Stack>
        <MemberFields
          form={form}
          mode="edit"
          member={member}
          phoneNotice={<PhoneTakenNotice member={holder} onOpen={onClose} />}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={update.isPending}>
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
