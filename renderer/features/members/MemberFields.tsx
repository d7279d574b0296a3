import {
  Button,
  Checkbox,
  Collapse,
  Group,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Textarea,
  TextInput,
} from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { IconChevronDown, IconChevronUp } from '@tabler/icons-react';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { consentChannels, genders, memberSources, type Member } from '../../../shared/domain.js';
import { phoneKinds } from '../../../shared/rules/phone.js';
import { moreFields, type MemberFormValues } from './memberForm';
import { ReferrerSelect } from './ReferrerSelect';

interface Props {
  form: UseFormReturnType<MemberFormValues>;
  /** Registration: consents ticked at the counter, the rest folded under "more details" (members.more). */
  mode: 'register' | 'edit';
  /** Shown right under the phone, e.g. who already has the number. */
  phoneNotice?: ReactNode;
  /** The member being edited: not offered as their own referrer; their referrer prefilled. */
  member?: Member;
}

/**
 * The profile fields, shared by registration and the edit modal. What a clerk asks at the counter
 * comes first; the rest is one click away on registration and all open when editing.
 */
export function MemberFields({ form, mode, phoneNotice, member }: Props) {
  const { t } = useTranslation();
  const [moreOpen, setMoreOpen] = useState(mode === 'edit');
  const values = form.getValues();
  // A refused field the clerk cannot see would be a dead end: errors open the section.
  const moreHasError = moreFields.some((f) => form.errors[f]);
  const showReferrer = values.source === 'referral' || values.referrerId !== null;

  const more = (
    <Stack>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput label={t('members.fields.occupation')} autoComplete="off" {...form.getInputProps('occupation')} />
        <TextInput
          label={t('members.fields.phone2')}
          inputMode="tel"
          autoComplete="off"
          {...form.getInputProps('phone2')}
        />
        <TextInput
          label={t('members.fields.email')}
          inputMode="email"
          autoComplete="off"
          {...form.getInputProps('email')}
        />
        <TextInput label={t('members.fields.wechat')} autoComplete="off" {...form.getInputProps('wechat')} />
        <TextInput
          label={t('members.fields.lunarBirthday')}
          placeholder={t('members.lunarPlaceholder')}
          autoComplete="off"
          {...form.getInputProps('lunarBirthday')}
        />
        <TextInput
          type="date"
          label={t('members.fields.joinedOn')}
          description={mode === 'register' ? t('members.joinedOnHint') : undefined}
          withAsterisk={mode === 'edit'}
          {...form.getInputProps('joinedOn')}
        />
      </SimpleGrid>
      <TextInput label={t('members.fields.address')} autoComplete="off" {...form.getInputProps('address')} />
      <Textarea label={t('members.fields.notes')} autosize minRows={2} maxRows={6} {...form.getInputProps('notes')} />
    </Stack>
  );

  return (
    <Stack>
      <SegmentedControl
        data={phoneKinds.map((k) => ({ value: k, label: t(`members.phoneKinds.${k}`) }))}
        {...form.getInputProps('phoneKind')}
      />
      <TextInput
        label={t(`members.phoneLabels.${values.phoneKind}`)}
        withAsterisk
        data-autofocus
        inputMode="tel"
        autoComplete="off"
        {...form.getInputProps('phone')}
      />
      {phoneNotice}
      <TextInput
        label={t('members.fields.name')}
        placeholder={t('members.namePlaceholder')}
        autoComplete="off"
        {...form.getInputProps('name')}
      />
      <Group grow>
        <Select
          label={t('members.fields.gender')}
          data={genders.map((g) => ({ value: g, label: t(`members.genders.${g}`) }))}
          allowDeselect={false}
          {...form.getInputProps('gender')}
        />
        <TextInput type="date" label={t('members.fields.birthday')} {...form.getInputProps('birthday')} />
      </Group>
      <Select
        label={t('members.fields.source')}
        data={memberSources
          // Imported members come from the import feature, not from this form — unless already one.
          .filter((s) => s !== 'import' || member?.source === 'import')
          .map((s) => ({ value: s, label: t(`members.sources.${s}`) }))}
        allowDeselect={false}
        {...form.getInputProps('source')}
      />
      {showReferrer && (
        <ReferrerSelect
          initial={member?.referrer ?? null}
          excludeId={member?.id}
          error={form.errors.referrerId}
          value={values.referrerId}
          onChange={(v) => form.setFieldValue('referrerId', v)}
        />
      )}
      {mode === 'register' && (
        <Checkbox.Group label={t('members.consents')} {...form.getInputProps('consents')}>
          <Group mt={4}>
            {consentChannels.map((c) => (
              <Checkbox key={c} value={c} label={t(`members.consentChannels.${c}`)} />
            ))}
          </Group>
        </Checkbox.Group>
      )}
      {mode === 'edit' ? (
        more
      ) : (
        <>
          <Button
            variant="subtle"
            size="compact-sm"
            onClick={() => setMoreOpen((o) => !o)}
            rightSection={moreOpen || moreHasError ? <IconChevronUp size={14} /> : <IconChevronDown size={14} />}
            style={{ alignSelf: 'flex-start' }}
            aria-expanded={moreOpen || moreHasError}
          >
            {t('members.more')}
          </Button>
          <Collapse expanded={moreOpen || moreHasError}>{more}</Collapse>
        </>
      )}
    </Stack>
  );
}
