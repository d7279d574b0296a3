import { Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { TierColorBadge } from './TierColorBadge';
import { counterLine } from './tierFormat';
import { useMemberTier } from './useMemberTier';

/**
 * The member's tier while a purchase is entered: the tier, its member price and its points
 * multiplier, and a reminder that the member price is given at the till (Liuke does not take money).
 */
export function CounterTierBadge({ memberId }: { memberId: number }) {
  const { t } = useTranslation();
  const q = useMemberTier(memberId);
  if (!q.data) return null;
  const tier = q.data.tier;
  return (
    <Group gap="xs" data-testid="counter-tier">
      <TierColorBadge name={tier.name} color={tier.color} size="md" />
      <Text size="sm" fw={500} data-testid="counter-tier-line">
        {counterLine(t, tier)}
      </Text>
      {tier.discountPct < 100 && (
        <Text size="xs" c="dimmed">
          {t('tierMember.counter.tillHint')}
        </Text>
      )}
    </Group>
  );
}
