import { Button } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconDice5 } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { call } from '../../api/client';
import { DrawModal } from './DrawModal';

/** The member page's lucky-draw button: shown only while the shop has the draw on. */
export function DrawButton({ memberId }: { memberId: number }) {
  const { t } = useTranslation();
  const [opened, modal] = useDisclosure(false);
  const config = useQuery({ queryKey: ['draws', 'config'], queryFn: () => call('draws.config', {}) });
  if (!config.data?.enabled) return null;
  return (
    <>
      <Button variant="light" color="grape" leftSection={<IconDice5 size={16} />} onClick={modal.open}>
        {t('draws.counter.button')}
      </Button>
      <DrawModal memberId={memberId} opened={opened} onClose={modal.close} />
    </>
  );
}
