import { Code, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** The printable sheet. Hidden on screen; the only thing on paper when printed. */
export function RecoverySheet({ passphrase, shopName }: { passphrase: string; shopName: string }) {
  const { t } = useTranslation();
  return (
    <div className="print-only">
      <Stack>
        <Title order={2}>{t('setup.sheetTitle')}</Title>
        <Text>{t('setup.sheetShop', { shop: shopName })}</Text>
        <Text>{t('setup.sheetDate', { date: new Date().toLocaleString() })}</Text>
        <Code block fz={28} ff="monospace">
          {passphrase}
        </Code>
        <Text>{t('setup.passphraseWarning')}</Text>
        <Text fw={700}>{t('setup.sheetKeep')}</Text>
      </Stack>
    </div>
  );
}
