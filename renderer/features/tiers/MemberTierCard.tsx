import { Alert, Button, Card, Group, Loader, Progress, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconHandStop, IconHistory, IconPlayerStop, IconPencil } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { can } from '../../../shared/permissions.js';
import type { ManualTier, MemberTier, TierInfo } from '../../../shared/tiers.js';
import { useSession } from '../../stores/session';
import { errorMessage } from '../../ui/errors';
import { useFormat } from '../../ui/format';
import { EndManualTierModal, SetManualTierModal } from './ManualTierModals';
import { TierColorBadge } from './TierColorBadge';
import { TierHistoryModal } from './TierHistoryModal';
import { TierServices } from './TierServices';
import { discountText, times } from './tierFormat';
import { useMemberTier } from './useMemberTier';

/**
 * The member page's tier card: the tier in its colour, growth value and what the next tier needs,
 * the review date and what keeps the tier, a manual tier's end (always shown), the tier's benefits
 * and free services, and the owner's manual tier actions.
 */
export function MemberTierCard({ memberId, writable }: { memberId: number; writable: boolean }) {
  const { t } = useTranslation();
  const role = useSession((s) => s.session)!.staff.role;
  const q = useMemberTier(memberId);
  const [historyOpen, history] = useDisclosure(false);
  const [setOpen, setManual] = useDisclosure(false);
  const [endOpen, endManual] = useDisclosure(false);
  if (q.isError) return <Alert color="red">{errorMessage(t, q.error)}</Alert>;
  if (!q.data) return <Loader size="sm" />;
  const mt = q.data;
  const owner = writable && can(role, 'tiers.manage');

  return (
    <Card withBorder data-testid="member-tier-card">
      <Group justify="space-between" align="center">
        <Group gap="sm">
          <Title order={4}>{t('tierMember.card.title')}</Title>
          <TierColorBadge name={mt.tier.name} color={mt.tier.color} data-testid="member-tier" />
        </Group>
        <Group gap="xs">
          <Button size="xs" variant="default" leftSection={<IconHistory size={14} />} onClick={history.open}>
            {t('tierMember.card.history')}
          </Button>
          {owner && (
            <Button size="xs" variant="light" leftSection={<IconPencil size={14} />} onClick={setManual.open}>
              {t('tierMember.card.setManual')}
            </Button>
          )}
          {owner && mt.manual && (
            <Button
              size="xs"
              variant="light"
              color="red"
              leftSection={<IconPlayerStop size={14} />}
              onClick={endManual.open}
            >
              {t('tierMember.card.endManual')}
            </Button>
          )}
        </Group>
      </Group>
      {mt.manual && <ManualNotice manual={mt.manual} />}
      <SimpleGrid cols={{ base: 1, md: 3 }} spacing="xl" mt="md">
        <GrowthColumn mt={mt} />
        <Benefits tier={mt.tier} />
        <TierServices memberId={memberId} services={mt.services} writable={writable && can(role, 'purchases.write')} />
      </SimpleGrid>
      <TierHistoryModal memberId={memberId} opened={historyOpen} onClose={history.close} />
      {owner && <SetManualTierModal memberId={memberId} opened={setOpen} onClose={setManual.close} />}
      {owner && <EndManualTierModal memberId={memberId} opened={endOpen} onClose={endManual.close} />}
    </Card>
  );
}

/** A tier set by hand is never a hidden floor: until when, why and by whom, in plain sight. */
function ManualNotice({ manual }: { manual: ManualTier }) {
  const { t } = useTranslation();
  const { dateTime, day } = useFormat();
  return (
    <Alert
      mt="sm"
      color="grape"
      icon={<IconHandStop size={18} />}
      title={t('tierMember.card.manualTitle', { until: day(manual.until) })}
      data-testid="manual-tier"
    >
      <Text size="sm">
        {t('tierMember.card.manualBy', {
          by: manual.byName ?? t('tierMember.card.someone'),
          at: manual.at ? dateTime(manual.at) : '',
          reason: manual.reason,
        })}
      </Text>
      <Text size="sm" c="dimmed">
        {t('tierMember.card.manualEnds')}
      </Text>
    </Alert>
  );
}

function GrowthColumn({ mt }: { mt: MemberTier }) {
  const { t } = useTranslation();
  const { day } = useFormat();
  const progress = mt.next ? Math.min(100, (mt.growth / Math.max(1, mt.next.tier.threshold)) * 100) : 100;
  let review: string | null = null;
  if (mt.review)
    review = mt.review.missing
      ? t('tierMember.card.review', { ...mt.review, on: day(mt.review.on), dropsTo: mt.review.dropsTo.name })
      : t('tierMember.card.reviewMet', { on: day(mt.review.on), retention: mt.review.retention });
  else if (mt.manual) review = t('tierMember.card.manualNoReview');
  else if (mt.tier.rank === 0) review = t('tierMember.card.noReview');

  return (
    <Stack gap={6}>
      <Group gap="xs" align="baseline">
        <Text size="sm" c="dimmed">
          {t('tierMember.card.growth')}
        </Text>
        <Text fz={28} fw={700} lh={1.1} data-testid="tier-growth">
          {mt.growth}
        </Text>
        <Text size="sm" c="dimmed">
          {mt.windowFrom
            ? t('tierMember.card.windowRolling', { from: day(mt.windowFrom) })
            : t('tierMember.card.windowLifetime')}
        </Text>
      </Group>
      {mt.window !== 'lifetime' && (
        <Text size="sm" c="dimmed">
          {t('tierMember.card.lifetime', { growth: mt.lifetimeGrowth })}
        </Text>
      )}
      <Progress
        value={progress}
        color={mt.next?.tier.color ?? mt.tier.color}
        size="lg"
        radius="xl"
        aria-label={t('tierMember.card.growth')}
      />
      <Text size="sm" data-testid="tier-next">
        {mt.next
          ? t('tierMember.card.next', { missing: mt.next.missing, name: mt.next.tier.name })
          : t('tierMember.card.top')}
      </Text>
      {review && (
        <Text size="sm" c={mt.review?.missing ? 'orange' : undefined} data-testid="tier-review">
          {review}
        </Text>
      )}
      {mt.review && (
        <Text size="xs" c="dimmed">
          {t(mt.window === 'lifetime' ? 'tierMember.card.reviewLifetime' : 'tierMember.card.reviewRolling')}
        </Text>
      )}
      {mt.since && (
        <Text size="xs" c="dimmed">
          {t('tierMember.card.since', { since: day(mt.since), name: mt.tier.name })}
        </Text>
      )}
    </Stack>
  );
}

function Benefits({ tier }: { tier: TierInfo }) {
  const { t } = useTranslation();
  const row = (label: string, value: string, testId: string) => (
    <Group justify="space-between" gap="xs" wrap="nowrap">
      <Text size="sm" c="dimmed">
        {label}
      </Text>
      <Text size="sm" fw={500} data-testid={testId}>
        {value}
      </Text>
    </Group>
  );
  return (
    <Stack gap={6} data-testid="tier-benefits">
      <Text size="sm" fw={600}>
        {t('tierMember.benefits.title')}
      </Text>
      {row(
        t('tierMember.benefits.multiplier'),
        t('tierMember.benefits.times', { times: times(tier.multiplierPct) }),
        'benefit-multiplier',
      )}
      {row(t('tierMember.benefits.memberPrice'), discountText(t, tier.discountPct), 'benefit-price')}
      {tier.discountPct < 100 && (
        <Text size="xs" c="dimmed">
          {t('tierMember.benefits.tillHint')}
        </Text>
      )}
      {row(
        t('tierMember.benefits.birthday'),
        tier.birthdayPoints === null
          ? t('tierMember.benefits.birthdayRules')
          : t('tierMember.benefits.birthdayPoints', { points: tier.birthdayPoints }),
        'benefit-birthday',
      )}
      {row(
        t('tierMember.benefits.complaint'),
        t(`tiers.settings.priorities.${tier.complaintPriority}`),
        'benefit-complaint',
      )}
    </Stack>
  );
}
