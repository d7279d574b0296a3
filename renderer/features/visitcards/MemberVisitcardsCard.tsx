import { Badge, Button, Card, Group, Paper, Stack, Switch, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconCheck, IconListDetails, IconPlus, IconReceiptRefund } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { can } from '../../../shared/permissions.js';
import { formatFen } from '../../../shared/rules/money.js';
import type { Visitcard } from '../../../shared/visitcards.js';
import { call } from '../../api/client';
import { useSession } from '../../stores/session';
import { errorMessage } from '../../ui/errors';
import { useFormat } from '../../ui/format';
import { RefundVisitcardModal } from './RefundVisitcardModal';
import { SellVisitcardModal } from './SellVisitcardModal';
import { UseVisitcardModal } from './UseVisitcardModal';
import { VisitcardUsesModal } from './VisitcardUsesModal';
import { limitTexts, stateColors } from './visitcardText';

/**
 * The member's count cards at the counter: the usable ones with visits left and their last
 * day, ended ones on request; selling a card, deducting a visit, its history with undo, and the
 * pro-rata refund for a manager.
 */
export function MemberVisitcardsCard({
  member,
  writable,
}: {
  member: { id: number; memberNo: string; name: string };
  writable: boolean;
}) {
  const { t } = useTranslation();
  // The dialogs name the member they act for, as the stored-value dialogs do.
  const who = {
    id: member.id,
    memberNo: member.memberNo,
    label: member.name ? `${member.name} ${member.memberNo}` : member.memberNo,
  };
  const role = useSession((s) => s.session)!.staff.role;
  const [showEnded, setShowEnded] = useState(false);
  const [sellOpen, sell] = useDisclosure(false);
  const [using, setUsing] = useState<Visitcard | null>(null);
  const [history, setHistory] = useState<Visitcard | null>(null);
  const [refunding, setRefunding] = useState<Visitcard | null>(null);
  const q = useQuery({
    queryKey: ['visitcards', 'list', member.id, showEnded],
    queryFn: () => call('visitcards.list', { memberId: member.id, includeEnded: showEnded }),
    // Flipping "show ended" keeps the list on screen while it loads; another member's never shows.
    placeholderData: (prev, prevQuery) => (prevQuery?.queryKey[2] === member.id ? prev : undefined),
  });
  const rows = q.data ?? [];
  const counter = writable && can(role, 'purchases.write');
  const acts = {
    use: counter ? setUsing : null,
    history: setHistory,
    refund: writable && can(role, 'wallet.refund') ? setRefunding : null,
  };

  return (
    <Card withBorder data-testid="member-visitcards">
      <Group justify="space-between" mb="sm">
        <Title order={4}>{t('visitcards.card.title')}</Title>
        <Group gap="md">
          <Switch
            size="xs"
            label={t('visitcards.card.showEnded')}
            checked={showEnded}
            onChange={(e) => setShowEnded(e.currentTarget.checked)}
            data-testid="visitcards-show-ended"
          />
          {counter && (
            <Button size="xs" variant="light" leftSection={<IconPlus size={14} />} onClick={sell.open}>
              {t('visitcards.card.sell')}
            </Button>
          )}
        </Group>
      </Group>
      {q.error && (
        <Text c="red" size="sm">
          {errorMessage(t, q.error)}
        </Text>
      )}
      {q.data && rows.length === 0 ? (
        <Text c="dimmed" size="sm">
          {showEnded ? t('visitcards.card.noneAtAll') : t('visitcards.card.none')}
        </Text>
      ) : (
        <Stack gap="xs">
          {rows.map((c) => (
            <VisitcardRow key={c.id} card={c} acts={acts} />
          ))}
        </Stack>
      )}
      {counter && <SellVisitcardModal member={who} opened={sellOpen} onClose={sell.close} />}
      <UseVisitcardModal card={using} member={who} onClose={() => setUsing(null)} />
      <VisitcardUsesModal card={history} writable={writable} onClose={() => setHistory(null)} />
      {refunding && <RefundVisitcardModal card={refunding} member={who} onClose={() => setRefunding(null)} />}
    </Card>
  );
}

type Act = ((c: Visitcard) => void) | null;

/** One card: name, state, services, visits left of the total, last day and limits, and what can be done with it. */
function VisitcardRow({ card: c, acts }: { card: Visitcard; acts: { use: Act; history: Act; refund: Act } }) {
  const { t } = useTranslation();
  const { day } = useFormat();
  const sep = t('members.listSeparator');
  const active = c.state === 'active';
  const terms = [
    c.expiresOn ? t('visitcards.card.expiresOn', { day: c.expiresOn }) : t('visitcards.card.noEnd'),
    ...limitTexts(t, c),
    ...(c.usedToday > 0 && active ? [t('visitcards.card.usedToday', { count: c.usedToday })] : []),
  ];
  return (
    <Paper
      withBorder
      p="sm"
      data-testid={`visitcard-${c.id}`}
      bg={active ? undefined : 'var(--mantine-color-gray-light)'}
    >
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <Stack gap={2}>
          <Group gap="xs">
            <Text fw={600} data-testid="visitcard-name">
              {c.name}
            </Text>
            {!active && (
              <Badge color={stateColors[c.state]} size="sm" data-testid="visitcard-state">
                {t(`visitcards.states.${c.state}`)}
              </Badge>
            )}
          </Group>
          <Text size="sm" c="dimmed">
            {c.services.join(sep)}
          </Text>
          <Text size="sm" c={active ? undefined : 'dimmed'} data-testid="visitcard-terms">
            {terms.join(sep)}
          </Text>
          <Text size="xs" c="dimmed">
            {t('visitcards.card.soldLine', {
              day: day(c.soldDay),
              price: formatFen(c.priceFen),
              method: t(`points.paymentMethods.${c.paymentMethod}`),
            })}
            {c.state === 'refunded' && ` · ${t('visitcards.card.refundedLine', { amount: formatFen(c.refundFen) })}`}
          </Text>
        </Stack>
        <Stack gap={6} align="flex-end">
          <Text
            fz="lg"
            fw={700}
            c={active ? 'teal' : 'dimmed'}
            data-testid="visitcard-left"
            style={{ whiteSpace: 'nowrap' }}
          >
            {c.state === 'refunded'
              ? t('visitcards.card.refundedUses', { count: c.refundedUses })
              : t('visitcards.card.usesLeft', { left: c.usesLeft, count: c.usesTotal })}
          </Text>
          <Group gap={4} wrap="nowrap">
            {acts.use && active && (
              <Button size="xs" leftSection={<IconCheck size={14} />} onClick={() => acts.use?.(c)}>
                {t('visitcards.card.use')}
              </Button>
            )}
            <Button
              size="xs"
              variant="default"
              leftSection={<IconListDetails size={14} />}
              onClick={() => acts.history?.(c)}
            >
              {t('visitcards.card.history')}
            </Button>
            {acts.refund && c.state !== 'refunded' && c.usesLeft > 0 && (
              <Button
                size="xs"
                variant="subtle"
                color="red"
                leftSection={<IconReceiptRefund size={14} />}
                onClick={() => acts.refund?.(c)}
              >
                {t('visitcards.card.refund')}
              </Button>
            )}
          </Group>
        </Stack>
      </Group>
    </Paper>
  );
}
