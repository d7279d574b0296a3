import { Modal, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../stores/session';
import { SignInForms } from './SignInForms';

/**
 * Covers the app when idle or when the session ended. The page underneath stays mounted, so a
 * half-filled form is still there after signing in again.
 */
export function LockOverlay() {
  const { t } = useTranslation();
  const locked = useSession((s) => s.locked);
  const session = useSession((s) => s.session);
  const signedIn = useSession((s) => s.signedIn);
  const reason = useSession((s) => s.lockReason);
  if (!session) return null;
  return (
    <Modal
      opened={locked}
      onClose={() => undefined}
      withCloseButton={false}
      closeOnEscape={false}
      closeOnClickOutside={false}
      fullScreen
      zIndex={1000}
      title={t('lock.title')}
      overlayProps={{ backgroundOpacity: 0.9, blur: 6 }}
    >
      <Stack maw={400} mx="auto" mt="xl">
        <Text c="dimmed">
          {reason === 'idle' ? t('lock.intro', { minutes: session.settings.idleLockMinutes }) : t('lock.introOther')}
        </Text>
        <SignInForms onSignedIn={signedIn} username={session.staff.username} />
      </Stack>
    </Modal>
  );
}
