import { Button, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { showErrors } from './errors';

/** What the caller's command needs to report back: the field error, or success (the form clears). */
export interface ReasonCallbacks {
  onError: (e: unknown) => void;
  onSuccess: () => void;
}

/**
 * A confirmation that needs a reason (cancel, undo, end): the main process checks the reason and
 * its error lands on the field. The caller runs its command in `onSubmit` and closes on success.
 */
export function ReasonModal(props: {
  opened: boolean;
  onClose: () => void;
  title: string;
  intro: ReactNode;
  label: string;
  submitLabel: string;
  pending: boolean;
  onSubmit: (reason: string, callbacks: ReasonCallbacks) => void;
  /** The command's name for the reason when it is not `reason` (`note`), so its error lands on the field. */
  field?: string;
}) {
  const { t } = useTranslation();
  const form = useForm({ initialValues: { reason: '' } });
  return (
    <Modal opened={props.opened} onClose={props.onClose} title={props.title}>
      <form
        onSubmit={form.onSubmit((v) =>
          props.onSubmit(v.reason, {
            onError: (e) => showErrors(t, form, e, props.field ? { [props.field]: 'reason' } : {}),
            onSuccess: () => form.reset(),
          }),
        )}
      >
        <Stack>
          {typeof props.intro === 'string' ? (
            <Text size="sm" c="dimmed">
              {props.intro}
            </Text>
          ) : (
            props.intro
          )}
          <TextInput label={props.label} data-autofocus {...form.getInputProps('reason')} />
          <Group justify="flex-end">
            <Button type="submit" color="red" loading={props.pending}>
              {props.submitLabel}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
