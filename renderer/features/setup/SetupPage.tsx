import {
  Button,
  Center,
  Container,
  Divider,
  Group,
  Paper,
  PasswordInput,
  Select,
  Stack,
  Stepper,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../api/client';
import { useSession } from '../../stores/session';
import { errorData, showErrors } from '../../ui/errors';
import { timeZoneOptions } from '../../ui/timeZones';
import { PassphraseShown } from './PassphraseShown';
import { RestoreAtStartForm } from './RestoreAtStartForm';

const stepOfField: Record<string, number> = { shopName: 0, timeZone: 0, owner: 1, passphraseConfirm: 2 };

/**
 * First run: shop, owner account, and the recovery passphrase shown once and typed back — or, on a
 * new PC, the shop restored from its backup.
 */
export function SetupPage() {
  const { t } = useTranslation();
  const refresh = useSession((s) => s.refresh);
  const [restoring, setRestoring] = useState(false);
  const [step, setStep] = useState(0);
  const [passphrase, setPassphrase] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const form = useForm({
    initialValues: {
      shopName: '',
      timeZone: 'Asia/Shanghai',
      owner: { username: '', displayName: '', password: '', passwordRepeat: '' },
      passphraseConfirm: '',
    },
    validate: (v) => {
      const e: Record<string, string> = {};
      if (step === 0 && !v.shopName.trim()) e.shopName = t('errors.required');
      if (step === 1) {
        if (!/^[a-zA-Z0-9_.-]{3,32}$/.test(v.owner.username.trim())) e['owner.username'] = t('errors.username');
        if (!v.owner.displayName.trim()) e['owner.displayName'] = t('errors.required');
        if (v.owner.password.length < 8) e['owner.password'] = t('errors.passwordTooShort');
        if (v.owner.password !== v.owner.passwordRepeat) e['owner.passwordRepeat'] = t('errors.passwordMismatch');
      }
      if (step === 2 && !v.passphraseConfirm.trim()) e.passphraseConfirm = t('errors.required');
      return e;
    },
  });

  const next = async () => {
    if (form.validate().hasErrors) return;
    if (step === 1 && !passphrase) {
      try {
        setPassphrase((await call('setup.begin', {})).passphrase);
      } catch (e) {
        return showErrors(t, form, e);
      }
    }
    setStep((s) => s + 1);
  };

  const finish = async () => {
    if (form.validate().hasErrors) return;
    const v = form.getValues();
    setBusy(true);
    try {
      await call('setup.complete', {
        shopName: v.shopName,
        timeZone: v.timeZone,
        owner: { username: v.owner.username, displayName: v.owner.displayName, password: v.owner.password },
        passphraseConfirm: v.passphraseConfirm,
      });
      notifications.show({ color: 'teal', message: t('setup.done') });
      await refresh();
    } catch (e) {
      const fields = Object.keys(errorData(e).fields ?? {});
      const back = Math.min(...fields.map((f) => stepOfField[f.split('.')[0]!] ?? 2), 2);
      setStep(back);
      showErrors(t, form, e);
    } finally {
      setBusy(false);
    }
  };

  if (restoring)
    return (
      <Center mih="100vh" py="xl">
        <Container size="sm" w="100%">
          <Paper withBorder shadow="sm" p="xl">
            <RestoreAtStartForm intro={t('backups.atStart.intro')} onCancel={() => setRestoring(false)} />
          </Paper>
        </Container>
      </Center>
    );

  return (
    <Center mih="100vh" py="xl">
      <Container size="sm" w="100%">
        <Paper withBorder shadow="sm" p="xl">
          <Stack>
            <Title order={2}>{t('setup.title')}</Title>
            <Text c="dimmed">{t('setup.intro')}</Text>
            <Stepper active={step} size="sm">
              <Stepper.Step label={t('setup.stepShop')}>
                <Stack mt="md">
                  <TextInput label={t('setup.shopName')} data-autofocus autoFocus {...form.getInputProps('shopName')} />
                  <Select
                    label={t('setup.timeZone')}
                    data={timeZoneOptions()}
                    searchable
                    allowDeselect={false}
                    {...form.getInputProps('timeZone')}
                  />
                </Stack>
              </Stepper.Step>
              <Stepper.Step label={t('setup.stepOwner')}>
                <Stack mt="md">
                  <TextInput
                    label={t('setup.username')}
                    description={t('setup.usernameHint')}
                    autoComplete="username"
                    {...form.getInputProps('owner.username')}
                  />
                  <TextInput label={t('setup.displayName')} {...form.getInputProps('owner.displayName')} />
                  <PasswordInput
                    label={t('setup.password')}
                    autoComplete="new-password"
                    {...form.getInputProps('owner.password')}
                  />
                  <PasswordInput
                    label={t('setup.passwordRepeat')}
                    autoComplete="new-password"
                    {...form.getInputProps('owner.passwordRepeat')}
                  />
                </Stack>
              </Stepper.Step>
              <Stepper.Step label={t('setup.stepPassphrase')}>
                <Stack mt="md">
                  {passphrase && (
                    <PassphraseShown
                      passphrase={passphrase}
                      shopName={form.getValues().shopName}
                      testId="recovery-passphrase"
                    />
                  )}
                  <TextInput
                    label={t('setup.confirmLabel')}
                    description={t('setup.confirmHint')}
                    autoComplete="off"
                    {...form.getInputProps('passphraseConfirm')}
                  />
                </Stack>
              </Stepper.Step>
            </Stepper>
            <Group justify="space-between">
              <Button variant="default" disabled={step === 0} onClick={() => setStep((s) => s - 1)}>
                {t('common.back')}
              </Button>
              {step < 2 ? (
                <Button onClick={() => void next()}>{t('common.next')}</Button>
              ) : (
                <Button loading={busy} onClick={() => void finish()}>
                  {t('setup.finish')}
                </Button>
              )}
            </Group>
            {step === 0 && (
              <>
                <Divider />
                <Group justify="space-between" wrap="nowrap">
                  <Text size="sm" c="dimmed">
                    {t('backups.atStart.openHint')}
                  </Text>
                  <Button variant="light" style={{ flexShrink: 0 }} onClick={() => setRestoring(true)}>
                    {t('backups.atStart.open')}
                  </Button>
                </Group>
              </>
            )}
          </Stack>
        </Paper>
      </Container>
    </Center>
  );
}
