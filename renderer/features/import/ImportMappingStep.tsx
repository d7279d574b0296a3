import { Button, Group, Radio, Select, Stack, Table, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { importEntities } from '../../../shared/io/entities.js';
import { call } from '../../api/client';
import { errorData, errorMessage, notifyError } from '../../ui/errors';
import { useImport } from './importStore';

/** Step 2: which column is which field (matched automatically, or by a saved mapping), and the mode. */
export function ImportMappingStep() {
  const { t } = useTranslation();
  const { entity, file, mapping, mode, setMapping, setMode, setPreview, reset } = useImport();
  const queryClient = useQueryClient();
  const saved = useQuery({ queryKey: ['importMappings', entity], queryFn: () => call('io.mappings', { entity }) });
  const [name, setName] = useState('');
  const [nameError, setNameError] = useState<string | null>(null);
  const [mappingError, setMappingError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  if (!file) return null;

  const fieldOptions = [
    { value: '', label: t('import.skipColumn') },
    ...importEntities[entity].fields.map((f) => ({ value: f, label: t(`import.fields.${f}`) })),
  ];
  const setAt = (i: number, f: string | null) => {
    setMappingError(null);
    setMapping(file.headers.map((_, j) => (j === i ? f || null : (mapping[j] ?? null))));
  };
  const apply = (id: string | null) => {
    const m = saved.data?.find((s) => String(s.id) === id);
    if (m) setMapping(file.headers.map((h) => m.mapping[h] ?? null));
  };
  const save = async () => {
    setNameError(null);
    try {
      await call('io.saveMapping', { entity, name, headers: file.headers, mapping }, crypto.randomUUID());
      await queryClient.invalidateQueries({ queryKey: ['importMappings'] });
      notifications.show({ color: 'teal', message: t('import.mappingSaved', { name }) });
    } catch (e) {
      const fe = errorData(e).fields?.name;
      if (fe) setNameError(t(fe.messageKey, fe.params ?? {}));
      else notifyError(t, e);
    }
  };
  const preview = async () => {
    setBusy(true);
    setMappingError(null);
    try {
      setPreview(await call('io.previewImport', { entity, fileId: file.fileId, mapping, mode }));
    } catch (e) {
      const fe = errorData(e).fields?.mapping;
      if (fe)
        setMappingError(t(fe.messageKey, { ...fe.params, field: t(`import.fields.${String(fe.params?.field)}`) }));
      else setMappingError(errorMessage(t, e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Stack>
      <Text size="sm" c="dimmed">
        {t('import.fileFacts', {
          name: file.name,
          encoding: t(`import.encodings.${file.encoding}`, { defaultValue: file.encoding }),
          columns: file.headers.length,
        })}
      </Text>
      <Group align="end">
        <Select
          label={t('import.savedMappings')}
          placeholder={saved.data?.length ? t('import.pickMapping') : t('import.noMappings')}
          data={(saved.data ?? []).map((m) => ({ value: String(m.id), label: m.name }))}
          defaultValue={file.savedMappingId ? String(file.savedMappingId) : null}
          onChange={apply}
          disabled={!saved.data?.length}
          w={240}
        />
        <TextInput
          label={t('import.mappingName')}
          value={name}
          onChange={(e) => setName(e.currentTarget.value)}
          error={nameError}
          w={240}
        />
        <Button variant="default" onClick={() => void save()} disabled={!name.trim()}>
          {t('import.saveMapping')}
        </Button>
      </Group>
      <Table striped withTableBorder layout="fixed">
        <Table.Thead>
          <Table.Tr>
            <Table.Th w="25%">{t('import.column')}</Table.Th>
            <Table.Th>{t('import.sample')}</Table.Th>
            <Table.Th w={220}>{t('import.field')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {file.headers.map((h, i) => (
            <Table.Tr key={i}>
              <Table.Td>{h || '—'}</Table.Td>
              <Table.Td>
                <Text size="sm" c="dimmed" truncate>
                  {file.sample
                    .map((r) => r[i] ?? '')
                    .filter(Boolean)
                    .slice(0, 3)
                    .join(' · ')}
                </Text>
              </Table.Td>
              <Table.Td>
                <Select
                  aria-label={t('import.fieldFor', { column: h })}
                  data={fieldOptions}
                  value={mapping[i] ?? ''}
                  onChange={(v) => setAt(i, v)}
                  allowDeselect={false}
                />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {mappingError && (
        <Text c="red" size="sm" role="alert">
          {mappingError}
        </Text>
      )}
      {/* Purchases are only ever added; one already recorded is skipped. */}
      {entity === 'members' && (
        <Radio.Group label={t('import.mode')} value={mode} onChange={(v) => setMode(v as typeof mode)}>
          <Stack gap={6} mt={6}>
            <Radio value="addOnly" label={t('import.modes.addOnly')} />
            <Radio value="addAndUpdate" label={t('import.modes.addAndUpdate')} />
          </Stack>
        </Radio.Group>
      )}
      <Group>
        <Button variant="default" onClick={reset}>
          {t('import.otherFile')}
        </Button>
        <Button onClick={() => void preview()} loading={busy}>
          {t('import.preview')}
        </Button>
      </Group>
    </Stack>
  );
}
