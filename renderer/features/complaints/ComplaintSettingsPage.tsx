import { Alert, Button, Group, Loader, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { severities, type ComplaintSettings } from '../../../shared/complaints.js';
import { call } from '../../api/client';
import { useCommand } from '../../api/useCommand';
import { errorMessage, showErrors } from '../../ui/errors';
import { IntegerInput } from '../../ui/IntegerInput';
import { section } from '../../ui/section';
import { CategoriesEditor } from './CategoriesEditor';
import { SeverityBadge } from './ComplaintsTable';
import { settingsInput, settingsRename, settingsValidation, settingsValues, type SettingsValues } from './settingsForm';

/** Complaint targets per severity, compensation limits, reopening and follow-up, and the categories (owner, manager). */
export function ComplaintSettingsPage() {
  const { t } = useTranslation();
  // Always fresh: the form starts from it.
  const q = useQuery({
    queryKey: ['complaints', 'config'],
    queryFn: () => call('complaints.config', {}),
    refetchOnMount: 'always',
  });
  if (q.error) return <Alert color="red">{errorMessage(t, q.error)}</Alert>;
  if (!q.data || !q.isFetchedAfterMount) return <Loader />;
  return (
    <Stack maw={900}>
      <Title order={2}>{t('complaints.settings.title')}</Title>
      <SettingsForm settings={q.data.settings} />
      <CategoriesEditor categories={q.data.categories} />
    </Stack>
  );
}

function SettingsForm({ settings }: { settings: ComplaintSettings }) {
  const { t } = useTranslation();
  const form = useForm<SettingsValues>({
    initialValues: settingsValues(settings),
    validate: settingsValidation(t),
  });
  const save = useCommand('complaints.saveSettings', { invalidates: ['complaints'] });
  const number = (path: string, label: string, min: number, description?: string) => (
    <IntegerInput label={label} description={description} min={min} {...form.getInputProps(path)} />
  );
  return (
    <form
      onSubmit={form.onSubmit((v) =>
        save.mutate(settingsInput(t, v), {
          onSuccess: (saved) => {
            form.setValues(settingsValues(saved.settings));
            form.resetDirty();
            notifications.show({ color: 'teal', message: t('complaints.settings.saved') });
          },
          onError: (e) => showErrors(t, form, e, settingsRename),
        }),
      )}
    >
      <Stack>
        {section(
          t('complaints.settings.sla'),
          <>
            <Text size="sm" c="dimmed">
              {t('complaints.settings.slaIntro')}
            </Text>
            <Table withRowBorders={false} w="auto" horizontalSpacing="lg" data-testid="sla-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('complaints.settings.severity')}</Table.Th>
                  <Table.Th>{t('complaints.settings.firstResponseHours')}</Table.Th>
                  <Table.Th>{t('complaints.settings.resolutionDays')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {severities.map((s) => (
                  <Table.Tr key={s} data-testid={`sla-${s}`}>
                    <Table.Td>
                      <SeverityBadge severity={s} />
                    </Table.Td>
                    <Table.Td>
                      <IntegerInput
                        aria-label={`${t(`complaints.severities.${s}`)} ${t('complaints.settings.firstResponseHours')}`}
                        min={1}
                        max={720}
                        w={140}
                        {...form.getInputProps(`firstResponseHours.${s}`)}
                      />
                    </Table.Td>
                    <Table.Td>
                      <IntegerInput
                        aria-label={`${t(`complaints.severities.${s}`)} ${t('complaints.settings.resolutionDays')}`}
                        min={0}
                        max={90}
                        w={140}
                        {...form.getInputProps(`resolutionDays.${s}`)}
                      />
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
            <SimpleGrid cols={{ base: 1, sm: 3 }}>
              {number('priorityCutPct', t('complaints.settings.priorityCutPct'), 0)}
            </SimpleGrid>
          </>,
        )}
        {section(
          t('complaints.settings.limits'),
          <>
            <Text size="sm" c="dimmed">
              {t('complaints.settings.limitsIntro')}
            </Text>
            <SimpleGrid cols={{ base: 1, sm: 3 }}>
              <TextInput
                label={t('complaints.settings.clerkLimit')}
                inputMode="decimal"
                {...form.getInputProps('clerkLimit')}
              />
              <TextInput
                label={t('complaints.settings.managerLimit')}
                inputMode="decimal"
                {...form.getInputProps('managerLimit')}
              />
            </SimpleGrid>
          </>,
        )}
        {section(
          t('complaints.settings.other'),
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            {number('reopenDays', t('complaints.settings.reopenDays'), 1)}
            {number(
              'followupDays',
              t('complaints.settings.followupDays'),
              0,
              t('complaints.settings.followupDaysHint'),
            )}
          </SimpleGrid>,
        )}
        <Group justify="flex-end">
          <Button type="submit" loading={save.isPending}>
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
