import { ActionIcon, Badge, Button, Group, Switch, Table, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconArrowDown, IconArrowUp, IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { ComplaintCategory } from '../../../shared/complaints.js';
import { useCommand } from '../../api/useCommand';
import { showErrors } from '../../ui/errors';
import { section } from '../../ui/section';
import { categoriesInput, categoryRows, moved, type CategoryRow } from './settingsForm';

/** The shop's complaint categories, in the order intake offers them: renamed, added, retired, reordered. */
export function CategoriesEditor({ categories }: { categories: ComplaintCategory[] }) {
  const { t } = useTranslation();
  const form = useForm<{ categories: CategoryRow[] }>({ initialValues: categoryRows(categories) });
  const save = useCommand('complaints.saveCategories', { invalidates: ['complaints'] });
  const rows = form.getValues().categories;
  const setRows = (next: CategoryRow[]) => {
    form.setFieldValue('categories', next);
    // Errors name rows by position: after a move they would point at the wrong row.
    form.clearErrors();
  };
  return (
    <form
      onSubmit={form.onSubmit((v) =>
        save.mutate(categoriesInput(v.categories), {
          onSuccess: (saved) => {
            form.setValues(categoryRows(saved.categories));
            form.resetDirty();
            notifications.show({ color: 'teal', message: t('complaints.settings.categoriesSaved') });
          },
          onError: (e) => showErrors(t, form, e),
        }),
      )}
    >
      {section(
        t('complaints.settings.categories'),
        <>
          <Text size="sm" c="dimmed">
            {t('complaints.settings.categoriesIntro')}
          </Text>
          <Table withRowBorders={false} w="auto" horizontalSpacing="lg" data-testid="categories-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('complaints.settings.categoryName')}</Table.Th>
                <Table.Th>{t('complaints.settings.categoryActive')}</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((r, i) => (
                <Table.Tr key={r.id ?? `new-${i}`} data-testid={`category-row-${i}`}>
                  <Table.Td>
                    <Group gap="xs" wrap="nowrap">
                      <TextInput
                        aria-label={t('complaints.settings.categoryName')}
                        placeholder={r.key ? t(`complaints.categories.${r.key}`) : undefined}
                        maxLength={20}
                        w={240}
                        {...form.getInputProps(`categories.${i}.name`)}
                      />
                      {r.key && (
                        <Badge color="blue" variant="light" tt="none" style={{ flexShrink: 0 }}>
                          {t('complaints.settings.builtIn', { name: t(`complaints.categories.${r.key}`) })}
                        </Badge>
                      )}
                      {!r.active && (
                        <Badge color="gray" variant="light">
                          {t('complaints.settings.retired')}
                        </Badge>
                      )}
                    </Group>
                  </Table.Td>
                  <Table.Td>
                    <Switch
                      aria-label={t('complaints.settings.categoryActive')}
                      {...form.getInputProps(`categories.${i}.active`, { type: 'checkbox' })}
                    />
                  </Table.Td>
                  <Table.Td>
                    <Group gap={4} wrap="nowrap">
                      <ActionIcon
                        variant="subtle"
                        aria-label={t('complaints.settings.moveUp')}
                        disabled={i === 0}
                        onClick={() => setRows(moved(rows, i, i - 1))}
                      >
                        <IconArrowUp size={16} />
                      </ActionIcon>
                      <ActionIcon
                        variant="subtle"
                        aria-label={t('complaints.settings.moveDown')}
                        disabled={i === rows.length - 1}
                        onClick={() => setRows(moved(rows, i, i + 1))}
                      >
                        <IconArrowDown size={16} />
                      </ActionIcon>
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          {form.errors.categories && (
            <Text size="sm" c="red">
              {form.errors.categories}
            </Text>
          )}
          <Group>
            <Button
              variant="default"
              leftSection={<IconPlus size={16} />}
              onClick={() => setRows([...rows, { key: null, name: '', active: true }])}
            >
              {t('complaints.settings.addCategory')}
            </Button>
            <Button type="submit" loading={save.isPending}>
              {t('complaints.settings.saveCategories')}
            </Button>
          </Group>
        </>,
      )}
    </form>
  );
}
