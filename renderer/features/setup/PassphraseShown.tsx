import { Alert, Button, Code, Group } from '@mantine/core';
import { IconAlertTriangle, IconPrinter } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { RecoverySheet } from './RecoverySheet';

/**
 * A recovery passphrase the app just made: the warning, the passphrase, the print button and the
 * printable sheet. Used at setup and when the owner replaces the passphrase.
 */
export function PassphraseShown({
  passphrase,
  shopName,
  testId,
}: {
  passphrase: string;
  shopName: string;
  testId: string;
}) {
  const { t } = useTranslation();
  return (
    <>
      <Alert color="orange" icon={<IconAlertTriangle />} title={t('setup.passphraseTitle')}>
        {t('setup.passphraseWarning')}
      </Alert>
      <Code block fz="xl" ta="center" data-testid={testId}>
        {passphrase}
      </Code>
      <Group>
        <Button variant="light" leftSection={<IconPrinter size={16} />} onClick={() => window.print()}>
          {t('setup.printSheet')}
        </Button>
      </Group>
      <RecoverySheet passphrase={passphrase} shopName={shopName} />
    </>
  );
}
