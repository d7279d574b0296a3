import { Anchor, Center, Container, Paper, Stack, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../stores/session';
import { ResetOwnerPasswordModal } from './ResetOwnerPasswordModal';
import { SignInForms } from './SignInForms';

export function SignInPage() {
  const { t } = useTranslation();
  const status = useSession((s) => s.status);
  const signedIn = useSession((s) => s.signedIn);
  const [resetOpen, reset] = useDisclosure(false);
  return (
    <Center h="100vh">
      <Container size="xs" w="100%">
        <Paper withBorder shadow="sm" p="xl">
          <Stack>
            <div>
              <Title order={2}>{t('signIn.title')}</Title>
              <Text c="dimmed">{status?.shopName}</Text>
            </div>
            <SignInForms onSignedIn={signedIn} />
            <Anchor component="button" type="button" size="sm" onClick={reset.open}>
              {t('signIn.forgot')}
            </Anchor>
          </Stack>
        </Paper>
      </Container>
      <ResetOwnerPasswordModal opened={resetOpen} onClose={reset.close} />
    </Center>
  );
}
