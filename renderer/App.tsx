import { Center, Loader } from '@mantine/core';
import { useEffect } from 'react';
import { ErrorScreen } from './features/setup/ErrorScreen';
import { SetupPage } from './features/setup/SetupPage';
import { SignInPage } from './features/auth/SignInPage';
import { UnlockPage } from './features/auth/UnlockPage';
import { AppLayout } from './ui/AppLayout';
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
  if (status.state === 'error') return <ErrorScreen status={status} />;
  if (status.state === 'setup') return <SetupPage />;
  if (status.state === 'locked') return <UnlockPage osUnlockFailed={status.osUnlockFailed ?? false} />;
  if (!session) return <SignInPage />;
  return <AppLayout />;
}
