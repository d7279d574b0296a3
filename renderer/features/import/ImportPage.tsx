import { Stack, Stepper, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ImportBatches } from './ImportBatches';
import { ImportFileStep } from './ImportFileStep';
import { ImportMappingStep } from './ImportMappingStep';
import { ImportPreviewStep } from './ImportPreviewStep';
import { ImportRunStep } from './ImportRunStep';
import { useImport } from './importStore';

/** Import members: file → columns → preview → import, and the earlier imports below. */
export function ImportPage() {
  const { t } = useTranslation();
  const { file, preview, run } = useImport();
  const step = run ? 3 : preview ? 2 : file ? 1 : 0;
  return (
    <Stack>
      <Title order={2}>{t('import.title')}</Title>
      <Stepper active={step} allowNextStepsSelect={false} size="sm">
        <Stepper.Step label={t('import.steps.file')}>
          <ImportFileStep />
        </Stepper.Step>
        <Stepper.Step label={t('import.steps.mapping')}>
          <ImportMappingStep />
        </Stepper.Step>
        <Stepper.Step label={t('import.steps.preview')}>
          <ImportPreviewStep />
        </Stepper.Step>
        <Stepper.Step label={t('import.steps.import')}>
          <ImportRunStep />
        </Stepper.Step>
      </Stepper>
      <ImportBatches />
    </Stack>
  );
}
