import { Alert, Button, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'wouter';
import type { MemberSummary } from '../../../shared/domain.js';
import { errorData } from '../../ui/errors';

/** The member who already has the number, from a refused register or edit. */
export function phoneHolder(e: unknown): MemberSummary | null {
  return (errorData(e).details?.member as MemberSummary | undefined) ?? null;
}

/** "This phone belongs to …" with a way to open that member instead of typing on. */
export function PhoneTakenNotice({ member, onOpen }: { member: MemberSummary | null; onOpen: () => void }) {
  const { t } = useTranslation();
  const [, navigate] = useLocation();
  if (!member) return null;
  return (
    <Alert color="orange" data-testid="phone-taken">
      <Group justify="space-between">
        {t('members.phoneTakenBy', { name: member.name || t('members.noName'), no: member.memberNo })}
        <Button
          size="xs"
          variant="light"
          onClick={() => {
            onOpen();
            navigate(`/members/${member.id}`);
          }}
        >
          {t('members.openExisting')}
        </Button>
      </Group>
    </Alert>
  );
}
