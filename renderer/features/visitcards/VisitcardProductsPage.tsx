import { Alert, Badge, Button, Group, Stack, Table, Text, Title } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatFen } from '../../../shared/rules/money.js';
import type { VisitcardProduct } from '../../../shared/visitcards.js';
import { call } from '../../api/client';
import { errorMessage } from '../../ui/errors';
import { VisitcardProductModal } from './VisitcardProductModal';
import { limitTexts, validityText } from './visitcardText';

/** The shop's count-card products (owner, manager): on sale first, retired ones after, each editable. */
export function VisitcardProductsPage() {
  const { t } = useTranslation();
  const q = useQuery({ queryKey: ['visitcards', 'products'], queryFn: () => call('visitcards.products', {}) });
  const [editing, setEditing] = useState<VisitcardProduct | 'new' | null>(null);
  const rows = [...(q.data ?? [])].sort((a, b) => Number(b.active) - Number(a.active));
  const sep = t('members.listSeparator');
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2}>{t('visitcards.products.title')}</Title>
        <Button leftSection={<IconPlus size={16} />} onClick={() => setEditing('new')}>
          {t('visitcards.products.add')}
        </Button>
      </Group>
      <Text c="dimmed">{t('visitcards.products.intro')}</Text>
      {q.error && <Alert color="red">{errorMessage(t, q.error)}</Alert>}
      {q.data && rows.length === 0 ? (
        <Text c="dimmed">{t('visitcards.products.none')}</Text>
      ) : (
        <Table striped data-testid="visitcard-products">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('visitcards.products.name')}</Table.Th>
              <Table.Th>{t('visitcards.products.services')}</Table.Th>
              <Table.Th ta="right">{t('visitcards.products.uses')}</Table.Th>
              <Table.Th ta="right">{t('visitcards.products.price')}</Table.Th>
              <Table.Th>{t('visitcards.products.validity')}</Table.Th>
              <Table.Th>{t('visitcards.products.limits')}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((p) => (
              <Table.Tr key={p.id} c={p.active ? undefined : 'dimmed'}>
                <Table.Td>
                  {p.name}{' '}
                  {!p.active && (
                    <Badge color="gray" size="sm">
                      {t('visitcards.products.inactive')}
                    </Badge>
                  )}
                </Table.Td>
                <Table.Td>{p.services.join(sep)}</Table.Td>
                <Table.Td ta="right">{p.uses}</Table.Td>
                <Table.Td ta="right">¥{formatFen(p.priceFen)}</Table.Td>
                <Table.Td>{validityText(t, p.validity)}</Table.Td>
                <Table.Td>{limitTexts(t, p).join(sep)}</Table.Td>
                <Table.Td>
                  <Button size="compact-xs" variant="subtle" onClick={() => setEditing(p)}>
                    {t('common.edit')}
                  </Button>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {editing !== null && (
        <VisitcardProductModal product={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />
      )}
    </Stack>
  );
}
