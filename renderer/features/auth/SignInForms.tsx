import { Button, PasswordInput, Select, Stack, Tabs, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SessionInfo } from '../../../shared/domain.js';
import { call } from '../../api/client';
import { showErrors } from '../../ui/errors';

function PasswordSignIn({ onSignedIn, username }: { onSignedIn: (s: SessionInfo) => void; username?: string }) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const form = useForm({
    initialValues: { username: username ?? '', password: '' },
    validate: {
      username: (v) => (v.trim() ? null : t('errors.required')),
      password: (v) => (v ? null : t('errors.required')),
    },
  });
  const submit = form.onSubmit(async (v) => {
    setBusy(true);
    try {
      onSignedIn(await call('auth.signIn', v));
    } catch (e) {
      form.setFieldValue('password', '');
      showErrors(t, form, e);
    } finally {
      setBusy(false);
    }
  });
  return (
    <form onSubmit={submit}>
      <Stack>
        <TextInput
          label={t('signIn.username')}
          autoComplete="username"
          autoFocus={!username}
          {...form.getInputProps('username')}
        />
        <PasswordInput
          label={t('signIn.password')}
          autoComplete="current-password"
          autoFocus={!!username}
          {...form.getInputProps('password')}
        />
        <Button type="submit" loading={busy}>
          {t('signIn.submit')}
        </Button>
      </Stack>
    </form>
  );
}

function PinSignIn({ onSignedIn }: { onSignedIn: (s: SessionInfo) => void }) {
  const { t } = useTranslation();
  const users = useQuery({ queryKey: ['pinUsers'], queryFn: () => call('auth.pinUsers', {}), staleTime: 0 });
  const [busy, setBusy] = useState(false);
  const form = useForm({
    initialValues: { username: '', pin: '' },
    validate: {
      username: (v) => (v ? null : t('errors.required')),
      pin: (v) => (/^\d{4,6}$/.test(v) ? null : t('errors.pin')),
    },
  });
  const submit = form.onSubmit(async (v) => {
    setBusy(true);
    try {
      onSignedIn(await call('auth.signInPin', v));
    } catch (e) {
      form.setFieldValue('pin', '');
      showErrors(t, form, e);
    } finally {
      setBusy(false);
    }
  });
  if (users.data && users.data.length === 0) return <Text c="dimmed">{t('signIn.noPinUsers')}</Text>;
  return (
    <form onSubmit={submit}>
      <Stack>
        <Select
          label={t('signIn.pinUser')}
          data={(users.data ?? []).map((u) => ({ value: u.username, label: u.displayName }))}
          // Inside the form, so the list also opens above the full-screen lock overlay.
          comboboxProps={{ withinPortal: false }}
          {...form.getInputProps('username')}
        />
        <PasswordInput label={t('signIn.pin')} inputMode="numeric" maxLength={6} {...form.getInputProps('pin')} />
        <Button type="submit" loading={busy}>
          {t('signIn.submit')}
        </Button>
      </Stack>
    </form>
  );
}

/** Password or PIN, used by the sign-in page and the lock screen alike. */
export function SignInForms({ onSignedIn, username }: { onSignedIn: (s: SessionInfo) => void; username?: string }) {
  const { t } = useTranslation();
  return (
    <Tabs defaultValue="password" keepMounted={false}>
      <Tabs.List grow mb="md">
        <Tabs.Tab value="password">{t('signIn.passwordTab')}</Tabs.Tab>
        <Tabs.Tab value="pin">{t('signIn.pinTab')}</Tabs.Tab>
      </Tabs.List>
      <Tabs.Panel value="password">
        <PasswordSignIn onSignedIn={onSignedIn} {...(username ? { username } : {})} />
      </Tabs.Panel>
      <Tabs.Panel value="pin">
        <PinSignIn onSignedIn={onSignedIn} />
      </Tabs.Panel>
    </Tabs>
  );
}
