import { Alert, Button, FileInput, Group, SegmentedControl, Stack, Text } from '@mantine/core';
import { IconFileSpreadsheet } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { upload } from '../../api/client';
import { errorMessage } from '../../ui/errors';
import { importEntityNames, type ImportEntityName } from '../../../shared/io/entities.js';
import { useImport } from './importStore';

/** Step 1: what to import and the file. It is copied into the main process, which finds its encoding and columns. */
export function ImportFileStep() {
  const { t } = useTranslation();
  const { entity, setEntity, setFile } = useImport();
  const [picked, setPicked] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const send = async () => {
    if (!picked) return;
    setBusy(true);
    setError(null);
    try {
      setFile(await upload('io.stageFile', picked, { entity }));
    } catch (e) {
      setError(errorMessage(t, e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Stack maw={560}>
      <Stack gap={4}>
        <Text size="sm" fw={500}>
          {t('import.entity')}
        </Text>
        <SegmentedControl
          data={importEntityNames.map((e) => ({ value: e, label: t(`import.entities.${e}`) }))}
          value={entity}
          onChange={(v) => setEntity(v as ImportEntityName)}
          data-testid="import-entity"
        />
      </Stack>
      <Text size="sm">{t(entity === 'purchases' ? 'import.purchasesHint' : 'import.fileHint')}</Text>
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
