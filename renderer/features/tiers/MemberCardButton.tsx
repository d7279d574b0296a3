import { Button } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconId } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { MemberCardModal, type MemberCardModalProps } from './MemberCardModal';

/** The member page's "member card" action: opens the card to print or save as PDF. */
export function MemberCardButton({ member, tier }: Pick<MemberCardModalProps, 'member' | 'tier'>) {
  const { t } = useTranslation();
  const [opened, { open, close }] = useDisclosure(false);
  return (
    <>
      <Button size="xs" variant="default" leftSection={<IconId size={14} />} onClick={open}>
        {t('memberCard.open')}
      </Button>
      <MemberCardModal opened={opened} onClose={close} member={member} tier={tier} />
    </>
  );
}
