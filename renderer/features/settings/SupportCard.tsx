import { Button, Card, Stack, Text, Title } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { download } from '../../api/client';
import { notifyError } from '../../ui/errors';

export function SupportCard() {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const save = async () => {
    setBusy(true);
    try {
      await download('support.downloadLog', {});
    } catch (e) {
      notifyError(t, e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card withBorder>
      <Stack>
        <Title order={4}>{t('settings.support')}</Title>
        <Text size="sm" c="dimmed">
          {t('settings.supportIntro')}
        </Text>
        <Button
          variant="light"
          w="fit-content"
          leftSection={<IconDownload size={16} />}
          loading={busy}
          onClick={() => void save()}
        >
          {t('settings.downloadLog')}
        </Button>
      </Stack>
    </Card>
  );
}
