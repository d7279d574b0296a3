import { Badge, Button, Card, Group, Modal, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Member, MemberCard } from '../../../shared/domain.js';
import { useCommand } from '../../api/useCommand';
import { notifyError, showErrors } from '../../ui/errors';
import { useFormat } from '../../ui/format';

const statusColor = { active: 'teal', lost: 'red', unbound: 'gray' } as const;

/**
 * Pre-printed member cards: bind one (a USB scanner types the number and presses Enter), report it
 * lost (members.reportLost), and bind a replacement for a lost card (members.replaceCard). History stays listed.
 */
export function MemberCardsCard({ member, writable }: { member: Member; writable: boolean }) {
  const { t } = useTranslation();
  const { dateTime: formatTime } = useFormat();
  const [losing, setLosing] = useState<MemberCard | null>(null);
  const cards = member.cards;
  const active = cards.find((c) => c.status === 'active');
  // The newest lost card that has no replacement yet is the one a replacement continues.
  const toReplace = cards.find((c) => c.status === 'lost' && !cards.some((r) => r.replaces === c.id));
  const numberOf = (id: number | null) => cards.find((c) => c.id === id)?.cardNo ?? '';

  const reportLost = useCommand('members.reportCardLost', {
    invalidates: ['members'],
    onSuccess: () => {
      notifications.show({ color: 'orange', message: t('members.cardLost', { no: losing?.cardNo ?? '' }) });
      setLosing(null);
    },
  });

  return (
    <Card withBorder>
      <Title order={4} mb="sm">
        {t('members.cards')}
      </Title>
      <Stack gap="sm">
        {cards.length === 0 ? (
          <Text c="dimmed" size="sm">
            {t('members.noCards')}
          </Text>
        ) : (
          <Table>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('members.cardNo')}</Table.Th>
                <Table.Th>{t('members.cardStatusLabel')}</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {cards.map((c) => (
                <Table.Tr key={c.id}>
                  <Table.Td ff="monospace">
                    {c.cardNo}
                    <Text size="xs" c="dimmed" ff="text">
                      {t('members.cardBoundOn', { at: formatTime(c.boundAt) })}
                    </Text>
                    {c.replaces !== null && (
                      <Text size="xs" c="dimmed" ff="text">
                        {t('members.replaces', { no: numberOf(c.replaces) })}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Badge
                      color={statusColor[c.status]}
                      variant="light"
                      style={{ flexShrink: 0, overflow: 'visible' }}
                      maw="none"
                      styles={{ label: { overflow: 'visible' } }}
                    >
                      {t(`members.cardStatus.${c.status}`)}
                    </Badge>
                    {c.endedAt && (
                      <Text size="xs" c="dimmed">
                        {formatTime(c.endedAt)}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    {writable && c.status === 'active' && (
                      <Button size="compact-xs" color="red" variant="light" onClick={() => setLosing(c)}>
                        {t('members.reportLost')}
                      </Button>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
        {writable && !active && <CardNoForm memberId={member.id} replace={toReplace ?? null} />}
      </Stack>
      <Modal opened={losing !== null} onClose={() => setLosing(null)} title={t('members.reportLost')}>
        <Stack>
          <Text>{t('members.confirmLost', { no: losing?.cardNo ?? '' })}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setLosing(null)}>
              {t('common.cancel')}
            </Button>
            <Button
              color="red"
              loading={reportLost.isPending}
              onClick={() =>
                losing && reportLost.mutate({ id: member.id, cardId: losing.id }, { onError: (e) => notifyError(t, e) })
              }
            >
              {t('members.reportLost')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Card>
  );
}

/** One text box a scanner can type into: binds a first card, or replaces the lost one. */
function CardNoForm({ memberId, replace }: { memberId: number; replace: MemberCard | null }) {
  const { t } = useTranslation();
  const form = useForm({ initialValues: { cardNo: '' } });
  const done = (message: string) => {
    notifications.show({ color: 'teal', message });
    form.reset();
  };
  const bind = useCommand('members.bindCard', {
    invalidates: ['members'],
    onSuccess: (m) => done(t('members.cardBound', { no: m.cards.find((c) => c.status === 'active')?.cardNo ?? '' })),
  });
  const replaceCard = useCommand('members.replaceCard', {
    invalidates: ['members'],
    onSuccess: (m) => done(t('members.cardReplaced', { no: m.cards.find((c) => c.status === 'active')?.cardNo ?? '' })),
  });
  const submit = form.onSubmit(({ cardNo }) => {
    const onError = (e: unknown) => showErrors(t, form, e);
    if (!cardNo.trim()) return;
    if (replace) replaceCard.mutate({ id: memberId, cardId: replace.id, cardNo }, { onError });
    else bind.mutate({ id: memberId, cardNo }, { onError });
  });
  return (
    <form onSubmit={submit}>
      <Group align="flex-end" wrap="nowrap">
        <TextInput
          flex={1}
          label={replace ? t('members.newCardNo') : t('members.cardNo')}
          description={replace ? t('members.replacesLost', { no: replace.cardNo }) : t('members.scanHint')}
          autoComplete="off"
          {...form.getInputProps('cardNo')}
        />
        <Button type="submit" variant="light" loading={bind.isPending || replaceCard.isPending}>
          {replace ? t('members.replaceCard') : t('members.bindCard')}
        </Button>
      </Group>
    </form>
  );
}
