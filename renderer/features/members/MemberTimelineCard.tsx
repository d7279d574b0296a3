import {
  Button,
  Card,
  Group,
  Pagination,
  SegmentedControl,
  Stack,
  Text,
  Textarea,
  Timeline,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconMessageCircle, IconPoint } from '@tabler/icons-react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { interactionKinds, type InteractionKind, type Member } from '../../../shared/domain.js';
import { call } from '../../api/client';
import { useCommand } from '../../api/useCommand';
import { showErrors } from '../../ui/errors';
import { describeEvent, isInteraction } from './events';
import { useFormat } from '../../ui/format';
import { useTags } from './MemberTagsCard';

const pageSize = 20;

/** One feed for everything that happened with the member, newest first, a page at a time. */
export function MemberTimelineCard({ member, writable }: { member: Member; writable: boolean }) {
  const { t } = useTranslation();
  const { dateTime: formatTime, day } = useFormat();
  const [page, setPage] = useState(1);
  const timeline = useQuery({
    queryKey: ['members', 'timeline', member.id, page],
    queryFn: () => call('members.timeline', { id: member.id, page, pageSize }),
    placeholderData: keepPreviousData,
  });
  const tags = useTags();
  const tagNames = new Map((tags.data ?? []).map((tag) => [tag.id, tag.name]));
  const total = timeline.data?.total ?? 0;

  return (
    <Card withBorder>
      <Title order={4} mb="sm">
        {t('members.timeline')}
      </Title>
      <Stack>
        {writable && <InteractionForm memberId={member.id} onAdded={() => setPage(1)} />}
        {timeline.data && timeline.data.rows.length === 0 && (
          <Text c="dimmed" size="sm">
            {t('members.noEvents')}
          </Text>
        )}
        <Timeline bulletSize={22} lineWidth={2} data-testid="member-timeline">
          {timeline.data?.rows.map((e) => {
            const interaction = isInteraction(e.kind);
            return (
              <Timeline.Item
                key={e.id}
                bullet={interaction ? <IconMessageCircle size={12} /> : <IconPoint size={12} />}
                color={interaction ? 'teal' : 'gray'}
                title={describeEvent(t, e, tagNames, day)}
              >
                {e.body && (
                  <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                    {e.body}
                  </Text>
                )}
                <Text size="xs" c="dimmed" mt={4}>
                  {e.staff ? `${e.staff} · ${formatTime(e.at)}` : formatTime(e.at)}
                </Text>
              </Timeline.Item>
            );
          })}
        </Timeline>
        {total > pageSize && (
          <Group justify="flex-end">
            <Pagination size="sm" total={Math.ceil(total / pageSize)} value={page} onChange={setPage} />
          </Group>
        )}
      </Stack>
    </Card>
  );
}

function InteractionForm({ memberId, onAdded }: { memberId: number; onAdded: () => void }) {
  const { t } = useTranslation();
  const form = useForm({
    initialValues: { kind: 'consultation' as InteractionKind, body: '' },
    validate: { body: (v) => (v.trim() ? null : t('errors.required')) },
  });
  const add = useCommand('members.addInteraction', {
    invalidates: ['members'],
    onSuccess: () => {
      form.setFieldValue('body', '');
      onAdded();
    },
  });
  return (
    <form
      onSubmit={form.onSubmit((v) => add.mutate({ id: memberId, ...v }, { onError: (e) => showErrors(t, form, e) }))}
    >
      <Stack gap="xs">
        <SegmentedControl
          size="xs"
          data={interactionKinds.map((k) => ({ value: k, label: t(`members.interactionKinds.${k}`) }))}
          {...form.getInputProps('kind')}
        />
        <Textarea
          label={t('members.interactionBody')}
          autosize
          minRows={2}
          maxRows={6}
          maxLength={2000}
          {...form.getInputProps('body')}
        />
        <Group justify="flex-end">
          <Button type="submit" size="xs" loading={add.isPending}>
            {t('members.addInteraction')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
