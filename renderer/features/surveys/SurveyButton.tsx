import { Alert, Button, Group, Modal, Paper, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconMoodSmile } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'wouter';
import { can } from '../../../shared/permissions.js';
import { maxSurveyMembers } from '../../../shared/surveys.js';
import { useCommand } from '../../api/useCommand';
import { useSession } from '../../stores/session';
import { showErrors } from '../../ui/errors';
import { filterInput, type MemberFilters } from '../members/listFilters';
import { useTags } from '../members/MemberTagsCard';
import { describeFilter } from './filterNote';

/**
 * The member list's "start a survey" button (owners and managers): asks the members the list's
 * current filter shows, as many as its total.
 */
export function SurveyButton({
  filters,
  total,
  disabled,
}: {
  filters: MemberFilters;
  total: number;
  disabled?: boolean;
}) {
  const { t } = useTranslation();
  const role = useSession((s) => s.session?.staff.role);
  const [opened, setOpened] = useState(false);
  if (!role || !can(role, 'complaints.manage')) return null;
  return (
    <>
      <Button
        variant="default"
        leftSection={<IconMoodSmile size={18} />}
        onClick={() => setOpened(true)}
        disabled={disabled}
        data-testid="survey-button"
      >
        {t('surveys.start')}
      </Button>
      {opened && <CreateSurveyModal filters={filters} total={total} onClose={() => setOpened(false)} />}
    </>
  );
}

function CreateSurveyModal({
  filters,
  total,
  onClose,
}: {
  filters: MemberFilters;
  total: number;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [, navigate] = useLocation();
  const tags = useTags();
  const tagName = tags.data?.find((tag) => tag.id === filters.tagId)?.name ?? null;
  const note = describeFilter(t, filters, tagName);
  const form = useForm({
    initialValues: { name: '' },
    validate: { name: (v) => (v.trim() ? null : t('errors.required')) },
  });
  const create = useCommand('surveys.create', {
    invalidates: ['surveys'],
    onSuccess: (s) => {
      notifications.show({ color: 'teal', message: t('surveys.created', { name: s.name }) });
      onClose();
      navigate(`/surveys/${s.id}`);
    },
  });
  // Archived members are never asked: with only archived ones listed there is nobody to ask.
  const blocked = filters.archived
    ? t('surveys.archivedNotAsked')
    : total === 0
      ? t('surveys.nobody')
      : total > maxSurveyMembers
        ? t('surveys.tooMany', { max: maxSurveyMembers })
        : null;
  return (
    <Modal opened onClose={onClose} title={t('surveys.start')} size="lg">
      <form
        onSubmit={form.onSubmit((v) =>
          create.mutate(
            { name: v.name, filter: filterInput(filters), filterNote: note.slice(0, 300) },
            { onError: (e) => showErrors(t, form, e) },
          ),
        )}
      >
        <Stack>
          <Text size="sm" c="dimmed">
            {t('surveys.intro')}
          </Text>
          <TextInput
            label={t('surveys.name')}
            placeholder={t('surveys.namePlaceholder')}
            withAsterisk
            data-autofocus
            {...form.getInputProps('name')}
          />
          <Paper withBorder p="sm" data-testid="survey-audience">
            <Text size="sm" fw={500}>
              {t('surveys.chosen')}
            </Text>
            <Text size="sm">{note}</Text>
            {!blocked && (
              <Text size="sm" c="dimmed" data-testid="survey-count">
                {t('surveys.willAsk', { count: total })}
              </Text>
            )}
          </Paper>
          {blocked && <Alert color="yellow">{blocked}</Alert>}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={create.isPending} disabled={blocked !== null}>
              {t('surveys.create')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
