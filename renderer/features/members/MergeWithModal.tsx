import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'wouter';
import type { Member } from '../../../shared/domain.js';
import { ReferrerSelect } from './ReferrerSelect';

/** A duplicate the queue did not find: pick the other record, then compare the two. */
export function MergeWithModal({ member, opened, onClose }: { member: Member; opened: boolean; onClose(): void }) {
  const { t } = useTranslation();
  const [, navigate] = useLocation();
  const [other, setOther] = useState<number | null>(null);
  return (
    <Modal opened={opened} onClose={onClose} title={t('duplicates.mergeWithTitle')}>
      <Stack>
        <Text size="sm" c="dimmed">
          {t('duplicates.mergeWithHint')}
        </Text>
        <ReferrerSelect
          label={t('duplicates.otherMember')}
          value={other}
          onChange={setOther}
          initial={null}
          excludeId={member.id}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button disabled={other === null} onClick={() => navigate(`/duplicates/merge/${member.id}/${other}`)}>
            {t('duplicates.next')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
