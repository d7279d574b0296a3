import { Button, Card, ColorSwatch, Group, MultiSelect, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { tagNameMax, type Member } from '../../../shared/domain.js';
import { can } from '../../../shared/permissions.js';
import { call } from '../../api/client';
import { useCommand } from '../../api/useCommand';
import { useSession } from '../../stores/session';
import { notifyError } from '../../ui/errors';
import { TagCreateModal } from './TagCreateModal';

/** The option that stands for "create a tag named like the search". */
const createOption = -1;

/** Every tag the shop has, with how many members carry it; member writes change the counts. */
export function useTags() {
  return useQuery({ queryKey: ['members', 'tags'], queryFn: () => call('tags.list', {}) });
}

const sameSet = (a: number[], b: number[]) => a.length === b.length && a.every((x) => b.includes(x));

/**
 * The member's tags: pick from the shop's tags and save. Owners and managers can also create a
 * tag inline by typing a name that does not exist yet.
 */
export function MemberTagsCard({ member, writable }: { member: Member; writable: boolean }) {
  const { t } = useTranslation();
  const role = useSession((s) => s.session)!.staff.role;
  const canCreate = can(role, 'tags.manage');
  const tags = useTags();
  const current = member.tags.map((tag) => tag.id);
  const [draft, setDraft] = useState<number[] | null>(null);
  const [search, setSearch] = useState('');
  const [creating, setCreating] = useState<string | null>(null);
  const value = draft ?? current;
  const dirty = draft !== null && !sameSet(draft, current);

  const save = useCommand('tags.setForMember', {
    invalidates: ['members'],
    onSuccess: () => {
      setDraft(null);
      notifications.show({ color: 'teal', message: t('members.tagsSaved') });
    },
  });

  const all = tags.data ?? [];
  const colorOf = new Map(all.map((tag) => [tag.id, tag.color]));
  const typed = search.trim();
  const data = all.map((tag) => ({ value: tag.id, label: tag.name }));
  const tooLong = typed.length > tagNameMax;
  // Tag names are unique regardless of case (VIP and vip are one tag).
  if (canCreate && typed && !tooLong && !all.some((tag) => tag.name.toLowerCase() === typed.toLowerCase()))
    data.push({ value: createOption, label: t('members.newTag', { name: typed }) });

  return (
    <Card withBorder>
      {/* Save sits above the box: the open dropdown would cover anything below it. */}
      <Group justify="space-between" mb="sm" mih={30}>
        <Title order={4}>{t('members.tags')}</Title>
        {dirty && (
          <Group gap="xs">
            <Button variant="default" size="xs" onClick={() => setDraft(null)}>
              {t('common.cancel')}
            </Button>
            <Button
              size="xs"
              loading={save.isPending}
              onClick={() => save.mutate({ memberId: member.id, tagIds: value }, { onError: (e) => notifyError(t, e) })}
            >
              {t('members.saveTags')}
            </Button>
          </Group>
        )}
      </Group>
      <MultiSelect<number>
        aria-label={t('members.tags')}
        placeholder={canCreate ? t('members.tagsPlaceholder') : t('members.tagsPlaceholderPick')}
        data={data}
        value={value}
        onChange={(v) => {
          if (v.includes(createOption)) setCreating(typed);
          else setDraft(v);
        }}
        searchable
        searchValue={search}
        onSearchChange={setSearch}
        disabled={!writable}
        nothingFoundMessage={
          canCreate && tooLong ? t('members.tagTooLong', { limit: tagNameMax }) : t('members.noTags')
        }
        renderOption={({ option }) => (
          <Group gap="xs" wrap="nowrap">
            {option.value !== createOption && (
              <ColorSwatch size={10} color={`var(--mantine-color-${colorOf.get(option.value) ?? 'gray'}-filled)`} />
            )}
            <Text size="sm">{option.label}</Text>
          </Group>
        )}
      />
      <TagCreateModal
        name={creating}
        onClose={() => setCreating(null)}
        onCreated={(tag) => {
          setDraft([...value, tag.id]);
          setSearch('');
        }}
      />
    </Card>
  );
}
