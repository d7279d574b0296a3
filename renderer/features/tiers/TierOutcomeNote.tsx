import { Alert, Stack, Text } from '@mantine/core';
import { IconArrowBackUp, IconCrown } from '@tabler/icons-react';
import type { CSSProperties, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { textOn } from '../../../shared/rules/tiers.js';
import type { TierOutcome } from '../../../shared/tiers.js';

/**
 * What a purchase or a refund did to the member's tier: the growth value earned or taken back, and
 * an upgrade (or an upgrade a refund reverted) announced on the tier's own colour.
 */
export function TierOutcomeNote({ outcome }: { outcome: TierOutcome }) {
  const { t } = useTranslation();
  const { growthDelta, change } = outcome;
  if (!growthDelta && !change) return null;
  return (
    <Stack gap="xs" data-testid="tier-outcome">
      {growthDelta !== 0 && (
        <Text data-testid="growth-delta">
          {growthDelta > 0
            ? t('tierMember.outcome.growthEarned', { growth: growthDelta })
            : t('tierMember.outcome.growthBack', { growth: -growthDelta })}
        </Text>
      )}
      {change && (
        <Alert
          variant="filled"
          icon={change.kind === 'upgrade' ? <IconCrown size={20} /> : <IconArrowBackUp size={20} />}
          title={t(
            `tierMember.outcome.${change.kind === 'upgrade' || change.kind === 'upgradeReverted' ? change.kind : 'other'}`,
            { from: change.from, to: change.to },
          )}
          style={{ '--alert-bg': change.color, '--alert-color': textOn(change.color) } as CSSProperties}
          data-testid="tier-change"
        />
      )}
    </Stack>
  );
}

/** A refund's notification text with what it did to the tier underneath (the text alone when nothing). */
export function withTierOutcome(text: string, outcome: TierOutcome): ReactNode {
  if (!outcome.growthDelta && !outcome.change) return text;
  return (
    <Stack gap={6}>
      <span>{text}</span>
      <TierOutcomeNote outcome={outcome} />
    </Stack>
  );
}
