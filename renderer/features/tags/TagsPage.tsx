import { Badge, Button, Group, Modal, Stack, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPencil, IconPlus, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TagInfo } from '../../../shared/domain.js';
import { useCommand } from '../../api/useCommand';
import { notifyError } from '../../ui/errors';
import { useTags } from '../members/MemberTagsCard';
import { TagCreateModal, TagEditModal } from '../members/TagCreateModal';

/** The shop's tags: how many members carry each, and renaming, recolouring or removing them. */
export function TagsPage() {
  const { t } = useTranslation();
  const tags = useTags();
  const [creating, setCreating] = useState<string | null>(null);
  const [editing, setEditing] = useState<TagInfo | null>(null);
  const [deleting, setDeleting] = useState<(TagInfo & { members: number }) | null>(null);
  const remove = useCommand('tags.delete', {
    invalidates: ['members'],
    onSuccess: () => {
      notifications.show({ color: 'teal', message: t('tags.deleted', { name: deleting?.name ?? '' }) });
      setDeleting(null);
    },
  });

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2}>{t('tags.title')}</Title>
        <Button leftSection={<IconPlus size={16} />} onClick={() => setCreating('')}>
          {t('members.newTagTitle')}
        </Button>
      </Group>
      {tags.data && tags.data.length === 0 ? (
        <Text>{t('tags.empty')}</Text>
      ) : (
        <Table striped maw={720}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('members.tagName')}</Table.Th>
              <Table.Th>{t('tags.members')}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {tags.data?.map((tag) => (
              <Table.Tr key={tag.id} data-testid="tag-row">
                <Table.Td>
                  <Badge color={tag.color} variant="filled" size="lg">
                    {tag.name}
                  </Badge>
                </Table.Td>
                <Table.Td>{tag.members.toLocaleString()}</Table.Td>
                <Table.Td>
                  <Group gap="xs" justify="flex-end" wrap="nowrap">
                    <Button
                      size="xs"
                      variant="default"
                      leftSection={<IconPencil size={14} />}
                      onClick={() => setEditing(tag)}
                    >
                      {t('tags.edit')}
                    </Button>
                    <Button
                      size="xs"
                      variant="light"
                      color="red"
                      leftSection={<IconTrash size={14} />}
                      onClick={() => setDeleting(tag)}
                    >
                      {t('tags.delete')}
                    </Button>
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <TagCreateModal name={creating} onClose={() => setCreating(null)} onCreated={() => undefined} />
      <TagEditModal tag={editing} onClose={() => setEditing(null)} />
      <Modal opened={deleting !== null} onClose={() => setDeleting(null)} title={t('tags.deleteTitle')}>
        <Stack>
          <Text>{t('tags.deleteBody', { name: deleting?.name ?? '', count: deleting?.members ?? 0 })}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setDeleting(null)}>
              {t('common.cancel')}
            </Button>
            <Button
              color="red"
              loading={remove.isPending}
              onClick={() => deleting && remove.mutate({ tagId: deleting.id }, { onError: (e) => notifyError(t, e) })}
            >
              {t('tags.delete')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}
