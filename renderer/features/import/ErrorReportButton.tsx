import { Button } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { download } from '../../api/client';
import { notifyError } from '../../ui/errors';

/** Downloads a batch's refused and skipped rows, with the reasons in the reader's language. */
export function ErrorReportButton({ batchId, size }: { batchId: number; size?: 'xs' }) {
  const { t, i18n } = useTranslation();
  return (
    <Button
      variant="default"
      size={size}
      onClick={() =>
        void download('io.errorReport', { batchId, language: i18n.language === 'en' ? 'en' : 'zh' }).catch((e) =>
          notifyError(t, e),
        )
      }
    >
      {t('import.errorReport')}
    </Button>
  );
}
