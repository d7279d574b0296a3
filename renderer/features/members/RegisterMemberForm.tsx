import { Alert, Button, Checkbox, Group, SegmentedControl, Select, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'wouter';
import {
  consentChannels,
  genders,
  memberSources,
  type ConsentChannel,
  type MemberSummary,
} from '../../../shared/domain.js';
import { phoneKinds, type PhoneKind } from '../../../shared/rules/phone.js';
import { useCommand } from '../../api/useCommand';
import { errorData, showErrors } from '../../ui/errors';

/**
 * Registration at the counter: the phone is the only required field (clerks often type just
 * 王女士 for the name). The main process normalises and checks the phone; the form only shows
 * what it says.
 */
export function RegisterMemberForm({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation();
  const [, navigate] = useLocation();
  const [existing, setExisting] = useState<MemberSummary | null>(null);
  const form = useForm({
    initialValues: {
      phoneKind: 'mobile' as PhoneKind,
      phone: '',
      name: '',
      gender: 'unspecified' as (typeof genders)[number],
      birthday: '',
      source: 'in_store' as (typeof memberSources)[number],
      consents: [] as ConsentChannel[],
    },
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
      { ...v, birthday: v.birthday || null },
      {
        onError: (e) => {
          const taken = errorData(e).details?.member as MemberSummary | undefined;
          if (taken) setExisting(taken);
          showErrors(t, form, e);
        },
      },
    );
  });

  return (
    <form onSubmit={submit}>
      <Stack>
        <SegmentedControl
          data={phoneKinds.map((k) => ({ value: k, label: t(`members.phoneKinds.${k}`) }))}
          {...form.getInputProps('phoneKind')}
        />
        <TextInput
          label={t('members.fields.phone')}
          withAsterisk
          data-autofocus
          inputMode="tel"
          autoComplete="off"
          {...form.getInputProps('phone')}
        />
        {existing && (
          <Alert color="orange" data-testid="phone-taken">
            <Group justify="space-between">
              {t('members.phoneTakenBy', { name: existing.name || t('members.noName'), no: existing.memberNo })}
              <Button
                size="xs"
                variant="light"
                onClick={() => {
                  onDone();
                  navigate(`/members/${existing.id}`);
                }}
              >
                {t('members.openExisting')}
              </Button>
            </Group>
          </Alert>
        )}
        <TextInput
          label={t('members.fields.name')}
          placeholder={t('members.namePlaceholder')}
          autoComplete="off"
          {...form.getInputProps('name')}
        />
        <Group grow>
          <Select
            label={t('members.fields.gender')}
            data={genders.map((g) => ({ value: g, label: t(`members.genders.${g}`) }))}
            allowDeselect={false}
            {...form.getInputProps('gender')}
          />
          <TextInput type="date" label={t('members.fields.birthday')} {...form.getInputProps('birthday')} />
        </Group>
        <Select
          label={t('members.fields.source')}
          data={memberSources
            .filter((s) => s !== 'import')
            .map((s) => ({ value: s, label: t(`members.sources.${s}`) }))}
          allowDeselect={false}
          {...form.getInputProps('source')}
        />
        <Checkbox.Group label={t('members.consents')} {...form.getInputProps('consents')}>
          <Group mt={4}>
            {consentChannels.map((c) => (
              <Checkbox key={c} value={c} label={t(`members.consentChannels.${c}`)} />
            ))}
          </Group>
        </Checkbox.Group>
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
