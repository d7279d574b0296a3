import { Box, Center, Loader } from '@mantine/core';
import { useEffect } from 'react';
import { ErrorScreen } from './features/setup/ErrorScreen';
import { SetupPage } from './features/setup/SetupPage';
import { SignInPage } from './features/auth/SignInPage';
import { UnlockPage } from './features/auth/UnlockPage';
import { AppLayout } from './ui/AppLayout';
import { LanguageSwitch } from './ui/LanguageSwitch';
import { useSession } from './stores/session';

/** Where the app stands decides the screen: setup, unlock, sign in, or the shop itself. */
export function App() {
  const status = useSession((s) => s.status);
  const session = useSession((s) => s.session);
  const refresh = useSession((s) => s.refresh);

  useEffect(() => {
    void refresh().catch(() => undefined);
  }, [refresh]);

  if (!status)
    return (
      <Center h="100vh">
        <Loader />
      </Center>
    );
  if (session && status.state === 'ready') return <AppLayout />;
  // Before sign-in there is no header, so the language switch sits in the corner.
  return (
    <>
      <Box pos="fixed" top={12} right={16} style={{ zIndex: 10 }}>
        <LanguageSwitch />
      </Box>
      {status.state === 'error' && <ErrorScreen status={status} />}
      {status.state === 'setup' && <SetupPage />}
      {status.state === 'locked' && <UnlockPage osUnlockFailed={status.osUnlockFailed ?? false} />}
      {status.state === 'ready' && <SignInPage />}
    </>
  );
}
