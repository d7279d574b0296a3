import { Badge, Button, Group, Modal, Stack, Switch, Table, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconPlus } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ActivityInfo } from '../../../shared/points.js';
import { call } from '../../api/client';
import { useCommand } from '../../api/useCommand';
import { showErrors } from '../../ui/errors';
import { IntegerInput } from '../../ui/IntegerInput';

/** Points activities: the shop's events; clerks mark attendees from the member page. */
export function ActivitiesPage() {
  const { t } = useTranslation();
  const q = useQuery({ queryKey: ['activities'], queryFn: () => call('activities.list', {}) });
  const [editing, setEditing] = useState<ActivityInfo | 'new' | null>(null);
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2}>{t('points.activities.title')}</Title>
        <Button leftSection={<IconPlus size={16} />} onClick={() => setEditing('new')}>
          {t('points.activities.add')}
        </Button>
      </Group>
      <Text c="dimmed">{t('points.activities.intro')}</Text>
      {(q.data ?? []).length === 0 ? (
        <Text c="dimmed">{t('points.activities.none')}</Text>
      ) : (
        <Table striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('points.activities.name')}</Table.Th>
              <Table.Th>{t('points.activities.day')}</Table.Th>
              <Table.Th ta="right">{t('points.activities.points')}</Table.Th>
              <Table.Th ta="right">{t('points.activities.attendees')}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {(q.data ?? []).map((a) => (
              <Table.Tr key={a.id}>
                <Table.Td>
                  {a.name} {!a.active && <Badge color="gray">{t('points.activities.inactive')}</Badge>}
                </Table.Td>
                <Table.Td>{a.day}</Table.Td>
                <Table.Td ta="right">{a.points}</Table.Td>
                <Table.Td ta="right">{a.attendees}</Table.Td>
                <Table.Td>
                  <Button size="compact-xs" variant="subtle" onClick={() => setEditing(a)}>
                    {t('points.activities.edit')}
                  </Button>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {editing !== null && (
        <ActivityModal activity={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />
      )}
    </Stack>
  );
}

function ActivityModal({ activity, onClose }: { activity: ActivityInfo | null; onClose: () => void }) {
  const { t } = useTranslation();
  const form = useForm({
    initialValues: {
      name: activity?.name ?? '',
      day: activity?.day ?? '',
      points: activity?.points ?? 10,
      active: activity?.active ?? true,
    },
  });
  const save = useCommand('activities.save', {
    invalidates: ['activities'],
    onSuccess: () => {
      notifications.show({ color: 'teal', message: t('points.activities.saved') });
      onClose();
    },
  });
  return (
    <Modal opened onClose={onClose} title={activity ? t('points.activities.edit') : t('points.activities.add')}>
      <form
        onSubmit={form.onSubmit((v) =>
          save.mutate(
            { ...(activity ? { id: activity.id } : {}), ...v, points: Number(v.points) },
            { onError: (e) => showErrors(t, form, e) },
          ),
        )}
      >
        <Stack>
          <TextInput label={t('points.activities.name')} data-autofocus {...form.getInputProps('name')} />
          <TextInput type="date" label={t('points.activities.day')} {...form.getInputProps('day')} />
          <IntegerInput label={t('points.activities.points')} min={1} {...form.getInputProps('points')} />
          <Switch label={t('points.activities.active')} {...form.getInputProps('active', { type: 'checkbox' })} />
          <Group justify="flex-end">
            <Button type="submit" loading={save.isPending}>
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
