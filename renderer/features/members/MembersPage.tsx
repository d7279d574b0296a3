import {
  Anchor,
  Badge,
  Button,
  Checkbox,
  Group,
  Modal,
  Pagination,
  Paper,
  SegmentedControl,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconFilterOff, IconTag, IconTagOff, IconUserPlus } from '@tabler/icons-react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'wouter';
import { consentChannels, genders, memberSources } from '../../../shared/domain.js';
import { call } from '../../api/client';
import { useCommand } from '../../api/useCommand';
import { ExportButton } from '../export/ExportModal';
import { TodayFollowupsCard } from '../followups/TodayFollowupsCard';
import { SurveyButton } from '../surveys/SurveyButton';
import { errorData, notifyError } from '../../ui/errors';
import { formatDay } from './format';
import { filterInput, listInput, memberSorts, noFilters, useMemberList, type MemberFilters } from './listFilters';
import { useTags } from './MemberTagsCard';
import { RegisterMemberForm } from './RegisterMemberForm';

const pageSize = 50;
const months = Array.from({ length: 12 }, (_, i) => i + 1);

/**
 * The member list with the shop's filters, a page at a time (a shop with a million members pages,
 * never loads all), with the total count and bulk tagging of the ticked rows.
 */
export function MembersPage() {
  const { t } = useTranslation();
  const [, navigate] = useLocation();
  const [registerOpen, register] = useDisclosure(false);
  const { filters, page, selected, allMatching, setFilter, clearFilters, setPage, setSelected, setAllMatching } =
    useMemberList();
  const tags = useTags();
  // An end date before the start is refused before asking; the list keeps what it showed.
  const rangeReversed = !!filters.joinedFrom && !!filters.joinedTo && filters.joinedFrom > filters.joinedTo;
  const list = useQuery({
    queryKey: ['members', 'list', filters, page],
    queryFn: () => call('members.list', listInput(filters, page, pageSize)),
    placeholderData: keepPreviousData,
    enabled: !rangeReversed,
  });
  const joinedToError = rangeReversed
    ? { messageKey: 'errors.member.dateRange' }
    : list.isError
      ? errorData(list.error).fields?.joinedTo
      : undefined;
  const total = list.data?.total ?? 0;
  const rows = list.data?.rows ?? [];
  const filtered = JSON.stringify(filters) !== JSON.stringify(noFilters);

  const onPage = rows.map((m) => m.id);
  const pickedOnPage = onPage.filter((id) => selected.includes(id));
  const toggleAll = () =>
    setSelected(
      pickedOnPage.length === onPage.length
        ? selected.filter((id) => !onPage.includes(id))
        : [...new Set([...selected, ...onPage])],
    );
  const toggle = (id: number) =>
    setSelected(selected.includes(id) ? selected.filter((x) => x !== id) : [...selected, id]);

  const tagOptions = (tags.data ?? []).map((tag) => ({ value: tag.id, label: tag.name }));

  return (
    <Stack>
      <Group justify="space-between">
        <Group gap="sm" align="baseline">
          <Title order={2}>{t('members.title')}</Title>
          <Text c="dimmed" data-testid="members-total">
            {t('members.total', { count: total })}
          </Text>
        </Group>
        <Group gap="sm">
          <SurveyButton
            filters={filters}
            total={total}
            disabled={rangeReversed || !list.data || list.isPlaceholderData}
          />
          <ExportButton target={{ list: 'members', filter: filterInput(filters) }} disabled={rangeReversed} />
          <Button leftSection={<IconUserPlus size={18} />} onClick={register.open}>
            {t('members.register')}
          </Button>
        </Group>
      </Group>
      <TodayFollowupsCard />

      <Paper withBorder p="sm">
        <Group gap="sm" align="flex-end">
          <Select<number>
            label={t('members.filter.tag')}
            placeholder={t('members.filter.any')}
            data={tagOptions}
            value={filters.tagId}
            onChange={(v) => setFilter('tagId', v)}
            clearable
            searchable
            w={150}
          />
          <Select
            label={t('members.filter.source')}
            placeholder={t('members.filter.any')}
            data={memberSources.map((s) => ({ value: s, label: t(`members.sources.${s}`) }))}
            value={filters.source}
            onChange={(v) => setFilter('source', v as typeof filters.source)}
            clearable
            w={130}
          />
          <Select
            label={t('members.filter.consent')}
            placeholder={t('members.filter.any')}
            data={consentChannels.map((c) => ({ value: c, label: t(`members.consentChannels.${c}`) }))}
            value={filters.consent}
            onChange={(v) => setFilter('consent', v as typeof filters.consent)}
            clearable
            w={120}
          />
          <Select
            label={t('members.filter.gender')}
            placeholder={t('members.filter.any')}
            data={genders.map((g) => ({ value: g, label: t(`members.genders.${g}`) }))}
            value={filters.gender}
            onChange={(v) => setFilter('gender', v as typeof filters.gender)}
            clearable
            w={110}
          />
          <Select<number>
            label={t('members.filter.birthdayMonth')}
            placeholder={t('members.filter.any')}
            data={months.map((m) => ({ value: m, label: t('members.filter.month', { m }) }))}
            value={filters.birthdayMonth}
            onChange={(v) => setFilter('birthdayMonth', v)}
            clearable
            w={140}
          />
          <TextInput
            type="date"
            label={t('members.filter.joinedFrom')}
            value={filters.joinedFrom}
            onChange={(e) => setFilter('joinedFrom', e.currentTarget.value)}
            w={150}
          />
          <TextInput
            type="date"
            label={t('members.filter.joinedTo')}
            value={filters.joinedTo}
            onChange={(e) => setFilter('joinedTo', e.currentTarget.value)}
            error={joinedToError && t(joinedToError.messageKey)}
            w={150}
          />
        </Group>
        <Group gap="lg" mt="sm" justify="space-between">
          <Group gap="lg">
            <Checkbox
              label={t('members.filter.notConfirmed')}
              checked={filters.notConfirmed}
              onChange={(e) => setFilter('notConfirmed', e.currentTarget.checked)}
            />
            <Checkbox
              label={t('members.filter.archived')}
              checked={filters.archived}
              onChange={(e) => setFilter('archived', e.currentTarget.checked)}
            />
          </Group>
          <Group gap="xs">
            <Select
              aria-label={t('members.filter.sort')}
              data={memberSorts.map((s) => ({ value: s, label: t(`members.filter.sorts.${s}`) }))}
              value={filters.sort}
              onChange={(v) => v && setFilter('sort', v as typeof filters.sort)}
              allowDeselect={false}
              leftSection={<Text size="xs">{t('members.filter.sort')}</Text>}
              leftSectionWidth={48}
              w={170}
            />
            <SegmentedControl
              size="xs"
              data={[
                { value: 'desc', label: t('members.filter.desc') },
                { value: 'asc', label: t('members.filter.asc') },
              ]}
              value={filters.direction}
              onChange={(v) => setFilter('direction', v as typeof filters.direction)}
            />
            <Button
              variant="subtle"
              size="xs"
              leftSection={<IconFilterOff size={14} />}
              disabled={!filtered}
              onClick={clearFilters}
            >
              {t('members.filter.clear')}
            </Button>
          </Group>
        </Group>
      </Paper>

      {selected.length > 0 && (
        <BulkTagBar
          selected={selected}
          allMatching={allMatching}
          total={total}
          filters={filters}
          canSelectAll={pickedOnPage.length === onPage.length && total > selected.length}
          onSelectAll={() => setAllMatching(true)}
          onDone={() => setSelected([])}
          options={tagOptions}
        />
      )}

      {list.data && rows.length === 0 ? (
        <Text c="dimmed">{filtered ? t('members.noMatches') : t('members.empty')}</Text>
      ) : (
        <Table highlightOnHover striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={40}>
                <Checkbox
                  aria-label={t('members.selectPage')}
                  checked={onPage.length > 0 && pickedOnPage.length === onPage.length}
                  indeterminate={pickedOnPage.length > 0 && pickedOnPage.length < onPage.length}
                  onChange={toggleAll}
                />
              </Table.Th>
              <Table.Th>{t('members.fields.memberNo')}</Table.Th>
              <Table.Th>{t('members.fields.name')}</Table.Th>
              <Table.Th>{t('members.fields.phone')}</Table.Th>
              <Table.Th>{t('members.fields.gender')}</Table.Th>
              <Table.Th>{t('members.tags')}</Table.Th>
              <Table.Th>{t('members.fields.joinedOn')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((m) => (
              <Table.Tr
                key={m.id}
                style={{ cursor: 'pointer' }}
                bg={selected.includes(m.id) ? 'var(--mantine-primary-color-light)' : undefined}
                onClick={() => navigate(`/members/${m.id}`)}
              >
                {/* Ticking a row must not open the member. */}
                <Table.Td onClick={(e) => e.stopPropagation()}>
                  <Checkbox
                    aria-label={t('members.selectRow', { name: m.name || t('members.noName') })}
                    checked={selected.includes(m.id)}
                    onChange={() => toggle(m.id)}
                  />
                </Table.Td>
                <Table.Td ff="monospace">{m.memberNo}</Table.Td>
                <Table.Td>
                  <Group gap={6} wrap="nowrap">
                    {m.name || t('members.noName')}
                    {m.archived && (
                      <Badge size="xs" color="gray">
                        {t('members.archived')}
                      </Badge>
                    )}
                  </Group>
                </Table.Td>
                <Table.Td ff="monospace">{m.phone}</Table.Td>
                <Table.Td>{t(`members.genders.${m.gender}`)}</Table.Td>
                <Table.Td>
                  <Group gap={4}>
                    {m.tags.map((tag) => (
                      <Badge key={tag.id} color={tag.color} variant="light" size="sm">
                        {tag.name}
                      </Badge>
                    ))}
                  </Group>
                </Table.Td>
                <Table.Td>{formatDay(m.joinedOn)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {total > pageSize && (
        <Group justify="flex-end">
          <Pagination total={Math.ceil(total / pageSize)} value={page} onChange={setPage} />
        </Group>
      )}
      <Modal opened={registerOpen} onClose={register.close} title={t('members.registerTitle')} size="lg">
        <RegisterMemberForm onDone={register.close} />
      </Modal>
    </Stack>
  );
}

/** Adds or removes one tag on every ticked member. */
function BulkTagBar({
  selected,
  allMatching,
  total,
  filters,
  canSelectAll,
  onSelectAll,
  options,
  onDone,
}: {
  selected: number[];
  allMatching: boolean;
  total: number;
  filters: MemberFilters;
  canSelectAll: boolean;
  onSelectAll: () => void;
  options: { value: number; label: string }[];
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const [tagId, setTagId] = useState<number | null>(null);
  const asked = allMatching ? total : selected.length;
  const done = ({ changed }: { changed: number }) => {
    notifications.show({
      color: 'teal',
      message:
        changed < asked
          ? t('members.bulkDonePartly', { count: changed, unchanged: asked - changed })
          : t('members.bulkDone', { count: changed }),
    });
    onDone();
  };
  const apply = useCommand('tags.apply', { invalidates: ['members'], onSuccess: done });
  const applyAll = useCommand('tags.applyToFilter', { invalidates: ['members'], onSuccess: done });
  const pending = apply.isPending || applyAll.isPending;
  const run = (add: boolean) => {
    if (tagId === null) return;
    if (allMatching)
      applyAll.mutate({ tagId, add, filter: filterInput(filters) }, { onError: (e) => notifyError(t, e) });
    else apply.mutate({ tagId, memberIds: selected, add }, { onError: (e) => notifyError(t, e) });
  };
  return (
    <Paper withBorder p="xs" bg="var(--mantine-primary-color-light)" data-testid="bulk-bar">
      <Group gap="sm">
        <Text fw={500}>
          {allMatching ? t('members.selectedAll', { count: total }) : t('members.selected', { count: selected.length })}
        </Text>
        {!allMatching && canSelectAll && (
          <Anchor component="button" size="sm" onClick={onSelectAll}>
            {t('members.selectAllMatching', { count: total })}
          </Anchor>
        )}
        <Select<number>
          aria-label={t('members.chooseTag')}
          placeholder={t('members.chooseTag')}
          data={options}
          value={tagId}
          onChange={setTagId}
          searchable
          size="xs"
          w={160}
        />
        <Button
          size="xs"
          leftSection={<IconTag size={14} />}
          disabled={tagId === null || pending}
          onClick={() => run(true)}
        >
          {t('members.bulkTag')}
        </Button>
        <Button
          size="xs"
          variant="light"
          leftSection={<IconTagOff size={14} />}
          disabled={tagId === null || pending}
          onClick={() => run(false)}
        >
          {t('members.bulkUntag')}
        </Button>
        <Button size="xs" variant="subtle" onClick={onDone}>
          {t('members.clearSelection')}
        </Button>
      </Group>
    </Paper>
  );
}
