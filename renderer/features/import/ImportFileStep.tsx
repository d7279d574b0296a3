import { Alert, Button, FileInput, Group, Stack, Text } from '@mantine/core';
import { IconFileSpreadsheet } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { upload } from '../../api/client';
import { errorMessage } from '../../ui/errors';
import { useImport } from './importStore';

/** Step 1: the file. It is copied into the main process, which finds its encoding and columns. */
export function ImportFileStep() {
  const { t } = useTranslation();
  const setFile = useImport((s) => s.setFile);
  const [picked, setPicked] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const send = async () => {
    if (!picked) return;
    setBusy(true);
    setError(null);
    try {
      setFile(await upload('io.stageFile', picked));
    } catch (e) {
      setError(errorMessage(t, e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Stack maw={560}>
      <Text size="sm">{t('import.fileHint')}</Text>
      <FileInput
        label={t('import.file')}
        placeholder={t('import.filePlaceholder')}
        accept=".csv,.tsv,.txt,.xlsx"
        leftSection={<IconFileSpreadsheet size={16} />}
        value={picked}
        onChange={setPicked}
        clearable
        error={error}
      />
      <Group>
        <Button onClick={() => void send()} disabled={!picked} loading={busy}>
          {t('import.readFile')}
        </Button>
      </Group>
      <Alert color="gray" variant="light">
        {t('import.excelTip')}
      </Alert>
    </Stack>
  );
}
