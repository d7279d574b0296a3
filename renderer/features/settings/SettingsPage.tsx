import { Button, Card, Divider, Select, Stack, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { useCommand } from '../../api/useCommand';
import { useSession } from '../../stores/session';
import { showErrors } from '../../ui/errors';
import { timeZoneOptions } from '../../ui/timeZones';
import { PassphraseCard } from './PassphraseCard';
import { SupportCard } from './SupportCard';
import { IntegerInput } from '../../ui/IntegerInput';

export function SettingsPage() {
  const { t } = useTranslation();
  const session = useSession((s) => s.session)!;
  const signedIn = useSession((s) => s.signedIn);
  const form = useForm({ initialValues: session.settings });
  const update = useCommand('settings.update', {
    // The backup folder is part of the backup status.
    invalidates: ['backups'],
    onSuccess: (settings) => {
      notifications.show({ color: 'teal', message: t('settings.saved') });
      signedIn({ ...session, settings });
    },
  });
  const submit = form.onSubmit((v) => update.mutate(v, { onError: (e) => showErrors(t, form, e) }));

  return (
    <Stack maw={640}>
      <Title order={2}>{t('settings.title')}</Title>
      <Card withBorder>
        <form onSubmit={submit}>
          <Stack>
            <Title order={4}>{t('settings.shop')}</Title>
            <TextInput label={t('settings.shopName')} {...form.getInputProps('shopName')} />
            <Select
              label={t('settings.timeZone')}
              data={timeZoneOptions()}
              searchable
              allowDeselect={false}
              {...form.getInputProps('timeZone')}
            />
            <IntegerInput
              label={t('settings.dayStartHour')}
              description={t('settings.dayStartHourHint')}
              min={0}
              max={6}
              {...form.getInputProps('dayStartHour')}
            />
            <TextInput label={t('settings.memberNoPrefix')} {...form.getInputProps('memberNoPrefix')} />
            <IntegerInput
              label={t('settings.idleLockMinutes')}
              min={1}
              max={240}
              {...form.getInputProps('idleLockMinutes')}
            />
            <IntegerInput
              label={t('settings.reconfirmMonths')}
              description={t('settings.reconfirmMonthsHint')}
              min={1}
              max={60}
              {...form.getInputProps('reconfirmMonths')}
            />
            <Divider label={t('backups.settings')} labelPosition="left" mt="sm" />
            <TextInput
              label={t('backups.settingsFolder')}
              description={t('backups.settingsFolderHint')}
              placeholder={t('backups.otherFolderPlaceholder')}
              {...form.getInputProps('backupFolder')}
            />
            <IntegerInput
              label={t('backups.settingsKeep')}
              description={t('backups.settingsKeepHint')}
              min={1}
              max={100}
              {...form.getInputProps('backupKeep')}
            />
            <Button type="submit" loading={update.isPending} w="fit-content">
              {t('common.save')}
            </Button>
          </Stack>
        </form>
      </Card>
      <PassphraseCard />
      <SupportCard />
    </Stack>
  );
}
