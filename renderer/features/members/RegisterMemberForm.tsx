import { Button, Group, Stack } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'wouter';
import type { MemberSummary } from '../../../shared/domain.js';
import { useCommand } from '../../api/useCommand';
import { showErrors } from '../../ui/errors';
import { MemberFields } from './MemberFields';
import { emptyMemberValues, profileInput, type MemberFormValues } from './memberForm';
import { PhoneTakenNotice, phoneHolder } from './PhoneTakenNotice';

/**
 * Registration at the counter: the phone is the only required field (clerks often type just
 * "Ms Wang" for the name). The main process normalises and checks the phone; the form only shows
 * what it says. Everything beyond the counter questions waits under "more details".
 */
export function RegisterMemberForm({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation();
  const [, navigate] = useLocation();
  const [existing, setExisting] = useState<MemberSummary | null>(null);
  const form = useForm<MemberFormValues>({
    initialValues: emptyMemberValues,
    validate: { phone: (v) => (v.trim() ? null : t('errors.phone.required')) },
  });
  const register = useCommand('members.register', {
    invalidates: ['members'],
    onSuccess: (m) => {
      notifications.show({ color: 'teal', message: t('members.registered', { no: m.memberNo }) });
      onDone();
      navigate(`/members/${m.id}`);
    },
  });

  const submit = form.onSubmit((v) => {
    setExisting(null);
    register.mutate(
      { ...profileInput(v), joinedOn: v.joinedOn || null, consents: v.consents },
      {
        onError: (e) => {
          setExisting(phoneHolder(e));
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
          mode="register"
          phoneNotice={<PhoneTakenNotice member={existing} onOpen={onDone} />}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={register.isPending}>
            {t('members.register')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
