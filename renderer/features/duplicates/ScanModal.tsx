import { Button, Group, Modal, Progress, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ScanBatch, ScanCursor } from '../../../shared/domain.js';
import { call } from '../../api/client';
import { notifyError } from '../../ui/errors';

/**
 * "Check all members" runs batch by batch (each a short transaction), so the counter keeps working
 * during it, the bar shows how far it got, and Stop ends it between batches.
 */
export function ScanModal({ opened, onClose }: { opened: boolean; onClose(): void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [progress, setProgress] = useState<{ scanned: number; total: number; found: number } | null>(null);
  const stop = useRef(false);

  const run = async () => {
    stop.current = false;
    let cursor: ScanCursor | null = { phase: 'name', after: null };
    let scanned = 0;
    let found = 0;
    setProgress({ scanned, total: 0, found });
    try {
      while (cursor && !stop.current) {
        const batch: ScanBatch = await call('duplicates.scan', cursor, crypto.randomUUID());
        scanned += batch.scanned;
        found += batch.found;
        setProgress({ scanned, total: batch.total, found });
        cursor = batch.next;
      }
      notifications.show({
        color: cursor ? 'yellow' : 'teal',
        message: cursor ? t('duplicates.scanStopped', { count: found }) : t('duplicates.scanned', { count: found }),
      });
    } catch (e) {
      notifyError(t, e);
    } finally {
      await queryClient.invalidateQueries({ queryKey: ['duplicates'] });
      setProgress(null);
      onClose();
    }
  };

  const running = progress !== null;
  const percent = progress && progress.total ? Math.min(100, (progress.scanned / progress.total) * 100) : 0;
  return (
    <Modal
      opened={opened}
      onClose={() => (running ? (stop.current = true) : onClose())}
      title={t('duplicates.scan')}
      closeOnClickOutside={!running}
    >
      <Stack>
        <Text size="sm">{t('duplicates.scanIntro')}</Text>
        {running && (
          <>
            <Progress value={percent} animated aria-label={t('duplicates.scan')} />
            <Text size="sm" c="dimmed" data-testid="scan-progress">
              {t('duplicates.scanProgress', {
                scanned: progress.scanned.toLocaleString(),
                total: progress.total.toLocaleString(),
                count: progress.found,
              })}
            </Text>
          </>
        )}
        <Group justify="flex-end">
          {running ? (
            <Button variant="default" onClick={() => (stop.current = true)}>
              {t('duplicates.scanStop')}
            </Button>
          ) : (
            <>
              <Button variant="default" onClick={onClose}>
                {t('common.cancel')}
              </Button>
              <Button onClick={() => void run()}>{t('duplicates.scanStart')}</Button>
            </>
          )}
        </Group>
      </Stack>
    </Modal>
  );
}
