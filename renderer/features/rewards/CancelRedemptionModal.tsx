import { Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import type { RedemptionInfo } from '../../../shared/rewards.js';
import { useCommand } from '../../api/useCommand';
import { ReasonModal } from '../../ui/ReasonModal';

/** Cancel a redemption with a reason: the points go back to their lots, the item to stock. */
export function CancelRedemptionModal({
  redemption,
  onClose,
}: {
  redemption: RedemptionInfo | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const cancel = useCommand('rewards.cancel', {
    invalidates: ['rewards', 'points', 'members'],
    onSuccess: (r) => {
      notifications.show({ color: 'teal', message: t('rewards.cancel.done', { points: r.redemption.points }) });
      onClose();
    },
  });
  return (
    <ReasonModal
      opened={redemption !== null}
      onClose={onClose}
      title={t('rewards.cancel.title')}
      intro={
        redemption && (
          <Text>{t('rewards.cancel.confirm', { reward: redemption.rewardName, points: redemption.points })}</Text>
        )
      }
      label={t('rewards.cancel.reason')}
      submitLabel={t('rewards.cancel.submit')}
      pending={cancel.isPending}
      onSubmit={(reason, callbacks) => redemption && cancel.mutate({ redemptionId: redemption.id, reason }, callbacks)}
    />
  );
}
