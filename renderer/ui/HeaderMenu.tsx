import { ActionIcon, Avatar, Group, Menu, useMantineColorScheme } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconKey, IconLock, IconLogout, IconMoon, IconNumber, IconSun } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { ChangePasswordModal } from '../features/account/ChangePasswordModal';
import { SetPinModal } from '../features/account/SetPinModal';
import { useSession } from '../stores/session';
import { LanguageSwitch } from './LanguageSwitch';

export function HeaderMenu() {
  const { t } = useTranslation();
  const { colorScheme, toggleColorScheme } = useMantineColorScheme();
  const session = useSession((s) => s.session)!;
  const lock = useSession((s) => s.lock);
  const signOut = useSession((s) => s.signOut);
  const [pinOpen, pin] = useDisclosure(false);
  const [pwOpen, pw] = useDisclosure(false);

  return (
    <Group gap="sm" wrap="nowrap">
      <LanguageSwitch />
      <ActionIcon variant="default" size="lg" aria-label={t('header.theme')} onClick={toggleColorScheme}>
        {colorScheme === 'dark' ? <IconSun size={18} /> : <IconMoon size={18} />}
      </ActionIcon>
      <Menu position="bottom-end" withArrow>
        <Menu.Target>
          <ActionIcon
            variant="subtle"
            size="lg"
            radius="xl"
            aria-label={session.staff.displayName}
            data-testid="user-menu"
          >
            <Avatar size="sm" radius="xl" color="teal">
              {session.staff.displayName.slice(0, 1)}
            </Avatar>
          </ActionIcon>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Label>
            {session.staff.displayName} · {t(`staff.roles.${session.staff.role}`)}
          </Menu.Label>
          <Menu.Item leftSection={<IconNumber size={16} />} onClick={pin.open}>
            {t('header.setPin')}
          </Menu.Item>
          <Menu.Item leftSection={<IconKey size={16} />} onClick={pw.open}>
            {t('header.changePassword')}
          </Menu.Item>
          <Menu.Item leftSection={<IconLock size={16} />} onClick={() => void lock()}>
            {t('header.lock')}
          </Menu.Item>
          <Menu.Divider />
          <Menu.Item color="red" leftSection={<IconLogout size={16} />} onClick={() => void signOut()}>
            {t('header.signOut')}
          </Menu.Item>
        </Menu.Dropdown>
      </Menu>
      <SetPinModal opened={pinOpen} onClose={pin.close} />
      <ChangePasswordModal opened={pwOpen} onClose={pw.close} />
    </Group>
  );
}
