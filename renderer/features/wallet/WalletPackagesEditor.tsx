import { ActionIcon, Badge, Button, Group, Switch, Table, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconPlus, IconX } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { WalletPackage } from '../../../shared/wallet.js';
import { useCommand } from '../../api/useCommand';
import { showErrors } from '../../ui/errors';
import { IntegerInput } from '../../ui/IntegerInput';
import { section } from '../../ui/section';
import {
  bonusOverPay,
  packageRows,
  packagesInput,
  packagesRename,
  packagesValidation,
  type PackageRow,
} from './walletSettingsForm';

/**
 * The top-up packages (pay 1000, get 100): amount, bonus, bonus points; added and retired, never deleted.
 * A bonus above the amount paid is warned of (it may be typed the wrong way round) but allowed.
 */
export function WalletPackagesEditor({ packages }: { packages: WalletPackage[] }) {
  const { t } = useTranslation();
  const form = useForm<{ packages: PackageRow[] }>({
    initialValues: packageRows(packages),
    validate: packagesValidation(t),
  });
  const save = useCommand('wallet.savePackages', { invalidates: ['wallet'] });
  const rows = form.getValues().packages;
  return (
    <form
      onSubmit={form.onSubmit((v) =>
        save.mutate(packagesInput(t, v.packages), {
          onSuccess: (saved) => {
            form.setValues(packageRows(saved.packages));
            form.resetDirty();
            notifications.show({ color: 'teal', message: t('wallet.packages.saved') });
          },
          onError: (e) => showErrors(t, form, e, packagesRename(v.packages.length)),
        }),
      )}
    >
      {section(
        t('wallet.packages.title'),
        <>
          <Text size="sm" c="dimmed">
            {t('wallet.packages.intro')}
          </Text>
          {rows.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t('wallet.packages.none')}
            </Text>
          ) : (
            <Table withRowBorders={false} w="auto" horizontalSpacing="md" data-testid="packages-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('wallet.packages.pay')}</Table.Th>
                  <Table.Th>{t('wallet.packages.bonus')}</Table.Th>
                  <Table.Th>{t('wallet.packages.bonusPoints')}</Table.Th>
                  <Table.Th>{t('wallet.packages.active')}</Table.Th>
                  <Table.Th />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map((r, i) => (
                  <Table.Tr key={r.id ?? `new-${i}`} data-testid={`package-row-${i}`}>
                    <Table.Td>
                      <TextInput
                        aria-label={t('wallet.packages.pay')}
                        inputMode="decimal"
                        w={140}
                        {...form.getInputProps(`packages.${i}.pay`)}
                      />
                    </Table.Td>
                    <Table.Td>
                      <TextInput
                        aria-label={t('wallet.packages.bonus')}
                        inputMode="decimal"
                        w={140}
                        {...form.getInputProps(`packages.${i}.bonus`)}
                      />
                      {bonusOverPay(t, r) && (
                        <Text size="xs" c="orange" w={140} data-testid={`package-warning-${i}`}>
                          {t('wallet.packages.bonusOverPay')}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>
                      <IntegerInput
                        aria-label={t('wallet.packages.bonusPoints')}
                        min={0}
                        w={120}
                        {...form.getInputProps(`packages.${i}.bonusPoints`)}
                      />
                    </Table.Td>
                    <Table.Td>
                      <Group gap="xs" wrap="nowrap">
                        <Switch
                          aria-label={t('wallet.packages.active')}
                          {...form.getInputProps(`packages.${i}.active`, { type: 'checkbox' })}
                        />
                        {!r.active && (
                          <Badge color="gray" variant="light">
                            {t('wallet.packages.retired')}
                          </Badge>
                        )}
                      </Group>
                    </Table.Td>
                    <Table.Td>
                      {r.id === undefined && (
                        <ActionIcon
                          variant="subtle"
                          color="gray"
                          aria-label={t('wallet.packages.remove')}
                          onClick={() => form.removeListItem('packages', i)}
                        >
                          <IconX size={16} />
                        </ActionIcon>
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
          {typeof form.errors.packages === 'string' && (
            <Text size="sm" c="red">
              {form.errors.packages}
            </Text>
          )}
          <Group>
            <Button
              variant="default"
              leftSection={<IconPlus size={16} />}
              onClick={() => form.insertListItem('packages', { pay: '', bonus: '0', bonusPoints: 0, active: true })}
            >
              {t('wallet.packages.add')}
            </Button>
            <Button type="submit" loading={save.isPending}>
              {t('wallet.packages.save')}
            </Button>
          </Group>
        </>,
      )}
    </form>
  );
}
