import { Card, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { can } from '../../../shared/permissions.js';
import { useSession } from '../../stores/session';
import { RedemptionsTable } from './RedemptionsTable';

/** The member's rewards: codes still to use, what was used or cancelled. */
export function MemberRewardsCard({ memberId, writable }: { memberId: number; writable: boolean }) {
  const { t } = useTranslation();
  const role = useSession((s) => s.session)!.staff.role;
  return (
    <Card withBorder>
      <Title order={4} mb="sm">
        {t('rewards.memberTitle')}
      </Title>
      <RedemptionsTable memberId={memberId} canCancel={writable && can(role, 'purchases.write')} />
    </Card>
  );
}
