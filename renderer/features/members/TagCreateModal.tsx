import { Button, CheckIcon, ColorSwatch, Group, Input, Modal, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { tagNameMax, type TagInfo } from '../../../shared/domain.js';
import { useCommand } from '../../api/useCommand';
import { showErrors } from '../../ui/errors';
import { tagColors, type TagColor } from './tagColors';

/** Owners and managers name a new tag and pick its colour without leaving the member. */
export function TagCreateModal({
  name,
  onClose,
  onCreated,
}: {
  /** The name typed in the tag box; null while closed. */
  name: string | null;
  onClose: () => void;
  onCreated: (tag: TagInfo) => void;
}) {
  const { t } = useTranslation();
  return (
    <Modal opened={name !== null} onClose={onClose} title={t('members.newTagTitle')}>
      {name !== null && <TagForm initial={{ name, color: 'blue' }} onClose={onClose} onSaved={onCreated} />}
    </Modal>
  );
}

/** Renames or recolours a tag (the tags page). */
export function TagEditModal({ tag, onClose }: { tag: TagInfo | null; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal opened={tag !== null} onClose={onClose} title={t('members.editTagTitle')}>
      {tag !== null && <TagForm tagId={tag.id} initial={tag} onClose={onClose} onSaved={() => undefined} />}
    </Modal>
  );
}

function TagForm({
  tagId,
  initial,
  onClose,
  onSaved,
}: {
  /** Set when editing an existing tag. */
  tagId?: number;
  initial: { name: string; color: string };
  onClose: () => void;
  onSaved: (tag: TagInfo) => void;
}) {
  const { t } = useTranslation();
  const form = useForm({
    initialValues: { name: initial.name, color: initial.color as TagColor },
    validate: { name: (v) => (v.trim() ? null : t('errors.required')) },
  });
  const done = (tag: TagInfo) => {
    notifications.show({
      color: 'teal',
      message: t(tagId ? 'members.tagSaved' : 'members.tagCreated', { name: tag.name }),
    });
    onSaved(tag);
    onClose();
  };
  const create = useCommand('tags.create', { invalidates: ['members', 'tags'], onSuccess: done });
  const update = useCommand('tags.update', { invalidates: ['members', 'tags'], onSuccess: done });
  const color = form.getValues().color;
  return (
    <form
      onSubmit={form.onSubmit((v) =>
        tagId
          ? update.mutate({ tagId, ...v }, { onError: (e) => showErrors(t, form, e) })
          : create.mutate(v, { onError: (e) => showErrors(t, form, e) }),
      )}
    >
      <Stack>
        <TextInput label={t('members.tagName')} data-autofocus maxLength={tagNameMax} {...form.getInputProps('name')} />
        <Input.Wrapper label={t('members.tagColor')}>
          <Group gap={6} mt={4} role="radiogroup" aria-label={t('members.tagColor')}>
            {tagColors.map((c) => (
              <ColorSwatch
                key={c}
                component="button"
                type="button"
                role="radio"
                aria-checked={c === color}
                aria-label={c}
                color={`var(--mantine-color-${c}-filled)`}
                onClick={() => form.setFieldValue('color', c)}
                style={{ cursor: 'pointer', color: 'white' }}
              >
                {c === color && <CheckIcon size={12} />}
              </ColorSwatch>
            ))}
          </Group>
        </Input.Wrapper>
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={create.isPending || update.isPending}>
            {tagId ? t('common.save') : t('members.createTag')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
