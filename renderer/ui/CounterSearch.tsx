import { Button, Group, Kbd, Modal, NavLink, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedValue, useDisclosure, useHotkeys } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'wouter';
import { call } from '../api/client';

/**
 * The counter search, one keystroke away (F2 or /): full phone, last digits, a name fragment or a
 * scanned member or card number. Results arrive while typing; Enter opens the highlighted member — except
 * while a Chinese input method is composing, when Enter only picks the IME candidate.
 */
export function CounterSearch() {
  const { t } = useTranslation();
  const [opened, { open, close }] = useDisclosure(false);
  const [q, setQ] = useState('');
  const [active, setActive] = useState(0);
  const [debounced] = useDebouncedValue(q.trim(), 120);
  const composing = useRef(false);
  const [, navigate] = useLocation();
  const queryClient = useQueryClient();
  /** What the box holds now, for answers that arrive after the clerk typed on. */
  const latest = useRef('');

  // F2 works even while typing in another field; "/" only where it would not be typed text.
  useHotkeys([['F2', open]], []);
  useHotkeys([['/', open]]);

  const results = useQuery({
    queryKey: ['members', 'search', debounced],
    queryFn: () => call('members.search', { q: debounced, limit: 20 }),
    enabled: opened && debounced.length > 0,
    placeholderData: keepPreviousData,
    staleTime: 0,
  });
  const rows = debounced ? (results.data ?? []) : [];

  const finish = () => {
    close();
    setQ('');
    latest.current = '';
    setActive(0);
  };
  const openMember = (id: number) => {
    finish();
    navigate(`/members/${id}`);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    // keyCode 229 is what browsers report for keys the IME is handling.
    if (e.nativeEvent.isComposing || composing.current || e.keyCode === 229) return;
    if (e.key === 'ArrowDown') {
      e.preventDefault();
      setActive((a) => Math.min(a + 1, rows.length - 1));
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      setActive((a) => Math.max(a - 1, 0));
    } else if (e.key === 'Enter') {
      e.preventDefault();
      const typed = q.trim();
      if (typed && (typed !== debounced || results.isPlaceholderData)) {
        // A scanner types the card number and Enter at once, before the typing pause has passed; or
        // the list still shows the answer to what was typed before. Search for what the box holds
        // and open its best match (an exact card or member number always is), never a stale row.
        void queryClient
          .fetchQuery({
            queryKey: ['members', 'search', typed],
            queryFn: () => call('members.search', { q: typed, limit: 20 }),
          })
          .then((found) => {
            // Only if the box still holds what was searched: the clerk may have moved on.
            if (found[0] && latest.current === typed) openMember(found[0].id);
          })
          .catch(() => undefined);
        return;
      }
      const row = rows[active];
      if (row) openMember(row.id);
    }
  };

  return (
    <>
      <Button
        variant="default"
        leftSection={<IconSearch size={16} />}
        rightSection={<Kbd size="xs">F2</Kbd>}
        onClick={open}
        w={320}
        justify="space-between"
        data-testid="open-counter-search"
      >
        <Text c="dimmed" size="sm">
          {t('header.search')}
        </Text>
      </Button>
      <Modal opened={opened} onClose={finish} title={t('header.search')} size="lg" yOffset="10vh">
        <Stack gap="xs">
          <TextInput
            data-autofocus
            aria-label={t('header.search')}
            placeholder={t('search.placeholder')}
            value={q}
            onChange={(e) => {
              setQ(e.currentTarget.value);
              latest.current = e.currentTarget.value.trim();
              setActive(0);
            }}
            onKeyDown={onKeyDown}
            onCompositionStart={() => (composing.current = true)}
            onCompositionEnd={() => (composing.current = false)}
            leftSection={<IconSearch size={16} />}
          />
          <Text size="xs" c="dimmed">
            {t('search.hint')}
          </Text>
          <Stack
            gap={2}
            role="listbox"
            aria-label={t('header.search')}
            aria-busy={results.isPlaceholderData}
            style={{ opacity: results.isPlaceholderData ? 0.5 : 1 }}
          >
            {!debounced && <Text c="dimmed">{t('search.typeMore')}</Text>}
            {debounced && results.isFetched && rows.length === 0 && <Text c="dimmed">{t('search.noResults')}</Text>}
            {rows.map((m, i) => (
              <NavLink
                key={m.id}
                role="option"
                aria-selected={i === active}
                active={i === active}
                onMouseEnter={() => setActive(i)}
                onClick={() => openMember(m.id)}
                label={
                  <Group justify="space-between">
                    <Text fw={500}>{m.name || t('members.noName')}</Text>
                    <Text ff="monospace">{m.phone}</Text>
                  </Group>
                }
                description={m.memberNo}
              />
            ))}
          </Stack>
        </Stack>
      </Modal>
    </>
  );
}
