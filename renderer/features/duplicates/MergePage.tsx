import { Alert, Anchor, Badge, Button, Group, Loader, Modal, Radio, Stack, Table, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconGitMerge } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'wouter';
import { mergeFields, type Member, type MergeField } from '../../../shared/domain.js';
import { call } from '../../api/client';
import { useCommand } from '../../api/useCommand';
import { errorMessage, notifyError } from '../../ui/errors';
import { defaultChoices, defaultSurvivor, rawValue, takenFields, type Side } from './mergeChoices';

export function MergePage({ aId, bId }: { aId: number; bId: number }) {
  const { t } = useTranslation();
  const a = useQuery({ queryKey: ['members', 'get', aId], queryFn: () => call('members.get', { id: aId }) });
  const b = useQuery({ queryKey: ['members', 'get', bId], queryFn: () => call('members.get', { id: bId }) });
  if (a.isPending || b.isPending) return <Loader />;
  if (a.isError || b.isError) return <Alert color="red">{errorMessage(t, a.error ?? b.error)}</Alert>;
  const gone = [a.data, b.data].filter((m) => m.mergedInto !== null || m.erasedAt !== null);
  if (gone.length)
    return (
      <Alert color="yellow" title={t('duplicates.mergeTitle')}>
        {t('duplicates.notMergeable')}
      </Alert>
    );
  return <MergeForm key={`${aId}-${bId}`} a={a.data} b={b.data} />;
}

/** Both records side by side; a radio per field picks the value that survives. */
function MergeForm({ a, b }: { a: Member; b: Member }) {
  const { t } = useTranslation();
  const [, navigate] = useLocation();
  const [survivor, setSurvivor] = useState<Side>(() => defaultSurvivor(a, b));
  const [choices, setChoices] = useState(() => defaultChoices(a, b, survivor));
  const [confirmOpen, confirm] = useDisclosure(false);
  const bySide = { a, b };
  const keep = bySide[survivor];
  const gone = bySide[survivor === 'a' ? 'b' : 'a'];
  const merge = useCommand('members.merge', {
    invalidates: ['members', 'duplicates', 'tags'],
    onSuccess: (m) => {
      notifications.show({ color: 'teal', message: t('duplicates.merged', { no: m.memberNo }) });
      navigate(`/members/${m.id}`);
    },
  });

  const label = (m: Member) => t('duplicates.memberLabel', { name: m.name || t('members.noName'), no: m.memberNo });
  const show = (m: Member, f: MergeField): string => {
    const dash = '—';
    switch (f) {
      case 'name':
        return m.name || dash;
      case 'gender':
        return t(`members.genders.${m.gender}`);
      case 'source':
        return m.referrer
          ? `${t(`members.sources.${m.source}`)} · ${m.referrer.name || t('members.noName')}`
          : t(`members.sources.${m.source}`);
      default:
        return m[f] || dash;
    }
  };
  const pickSurvivor = (s: Side) => {
    setSurvivor(s);
    setChoices(defaultChoices(a, b, s));
  };

  const cell = (side: Side, f: MergeField, same: boolean) => (
    <Table.Td>
      {same ? (
        <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
          {show(bySide[side], f)}
        </Text>
      ) : (
        <Radio
          name={f}
          value={side}
          checked={choices[f] === side}
          onChange={() => setChoices({ ...choices, [f]: side })}
          label={<span style={{ whiteSpace: 'pre-wrap' }}>{show(bySide[side], f)}</span>}
          aria-label={`${t(`members.fields.${f}`)} ${side.toUpperCase()}`}
          data-testid={`merge-${f}-${side}`}
        />
      )}
    </Table.Td>
  );

  return (
    <Stack>
      <Title order={2}>{t('duplicates.mergeTitle')}</Title>
      <Text size="sm" c="dimmed" maw={820}>
        {t('duplicates.mergeIntro')}
      </Text>
      <Table withTableBorder withColumnBorders verticalSpacing="xs" layout="fixed">
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={140}>{t('duplicates.field')}</Table.Th>
            {(['a', 'b'] as const).map((side) => (
              <Table.Th key={side}>
                <Stack gap={4}>
                  <Anchor component={Link} href={`/members/${bySide[side].id}`} fw={600}>
                    {label(bySide[side])}
                  </Anchor>
                  <Radio
                    name="survivor"
                    value={side}
                    checked={survivor === side}
                    onChange={() => pickSurvivor(side)}
                    label={t('duplicates.keep')}
                    data-testid={`merge-keep-${side}`}
                  />
                </Stack>
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {mergeFields.map((f) => {
            const same = rawValue(a, f) === rawValue(b, f);
            return (
              <Table.Tr key={f}>
                <Table.Th>
                  <Group gap={4}>
                    {t(`members.fields.${f}`)}
                    {same && (
                      <Badge size="xs" variant="light" color="gray">
                        {t('duplicates.same')}
                      </Badge>
                    )}
                  </Group>
                </Table.Th>
                {cell('a', f, same)}
                {cell('b', f, same)}
              </Table.Tr>
            );
          })}
          <KeptRow
            label={t('members.tags')}
            show={(m) =>
              m.tags.length ? (
                <Group gap={4}>
                  {m.tags.map((tag) => (
                    <Badge key={tag.id} color={tag.color} variant="light">
                      {tag.name}
                    </Badge>
                  ))}
                </Group>
              ) : (
                '—'
              )
            }
            a={a}
            b={b}
          />
          <KeptRow
            label={t('members.cards')}
            show={(m) =>
              m.cards
                .map((c) => t('duplicates.cardItem', { no: c.cardNo, status: t(`members.cardStatus.${c.status}`) }))
                .join(t('members.listSeparator')) || '—'
            }
            a={a}
            b={b}
          />
        </Table.Tbody>
      </Table>
      <Stack gap={2}>
        <Text size="sm" c="dimmed">
          {t('duplicates.phoneKept')}
        </Text>
        <Text size="sm" c="dimmed">
          {t('duplicates.cardKept')}
        </Text>
      </Stack>
      <Group>
        <Button leftSection={<IconGitMerge size={16} />} onClick={confirm.open}>
          {t('duplicates.mergeButton')}
        </Button>
      </Group>
      <Modal opened={confirmOpen} onClose={confirm.close} title={t('duplicates.confirmTitle')}>
        <Stack>
          <Text>{t('duplicates.confirmBody', { merged: label(gone), survivor: label(keep) })}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={confirm.close}>
              {t('common.cancel')}
            </Button>
            <Button
              color="red"
              loading={merge.isPending}
              onClick={() =>
                merge.mutate(
                  { survivorId: keep.id, mergedId: gone.id, take: takenFields(choices, survivor) },
                  { onError: (e) => notifyError(t, e), onSettled: confirm.close },
                )
              }
            >
              {t('duplicates.mergeButton')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}

/** Things both records keep after the merge (tags, cards): shown side by side, nothing to choose. */
function KeptRow({ label, show, a, b }: { label: string; show: (m: Member) => ReactNode; a: Member; b: Member }) {
  const { t } = useTranslation();
  return (
    <Table.Tr>
      <Table.Th>
        <Group gap={4}>
          {label}
          <Badge size="xs" variant="light" color="teal">
            {t('duplicates.bothKept')}
          </Badge>
        </Group>
      </Table.Th>
      {[a, b].map((m) => (
        <Table.Td key={m.id}>
          <Text size="sm" component="div">
            {show(m)}
          </Text>
        </Table.Td>
      ))}
    </Table.Tr>
  );
}
