import {
  Button,
  Group,
  Input,
  Modal,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  Text,
  TextInput,
  Textarea,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import {
  intakeChannels,
  severities,
  type ComplaintDetail,
  type IntakeChannel,
  type Severity,
} from '../../../shared/complaints.js';
import { formatFen } from '../../../shared/rules/money.js';
import { call } from '../../api/client';
import { useCommand } from '../../api/useCommand';
import { showErrors } from '../../ui/errors';
import { useFormat } from '../../ui/format';
import { ReferrerSelect } from '../members/ReferrerSelect';
import { categoryName } from './complaintText';
import { complaintInvalidates, useAssignees, useComplaintsConfig } from './queries';

interface Values {
  memberId: number | null;
  walkIn: boolean;
  contactName: string;
  contactPhone: string;
  channel: IntakeChannel;
  categoryId: string | null;
  severity: Severity;
  description: string;
  purchaseId: string | null;
  assigneeId: string | null;
}

/** Logging a complaint at the counter or from a call: a member (or a walk-in's name and phone) and what happened. */
export function LogComplaintModal({
  member,
  onClose,
  onLogged,
}: {
  /** Logged from the member's page: the member is already known. */
  member?: { id: number; name: string; memberNo: string };
  onClose: () => void;
  onLogged?: (c: ComplaintDetail) => void;
}) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const config = useComplaintsConfig();
  const { me, manage, assignees } = useAssignees();
  const form = useForm<Values>({
    initialValues: {
      memberId: member?.id ?? null,
      walkIn: false,
      contactName: '',
      contactPhone: '',
      channel: 'store',
      categoryId: null,
      severity: 'normal',
      description: '',
      purchaseId: null,
      assigneeId: null,
    },
    validate: {
      memberId: (v, all) => (!all.walkIn && v === null ? t('errors.required') : null),
      contactName: (v, all) => (all.walkIn && !v.trim() ? t('errors.required') : null),
      contactPhone: (v, all) => (all.walkIn && !v.trim() ? t('errors.required') : null),
      categoryId: (v) => (v === null ? t('errors.required') : null),
      description: (v) => (v.trim() ? null : t('errors.required')),
    },
  });
  const v = form.getValues();
  const memberId = v.walkIn ? null : v.memberId;
  const purchases = useQuery({
    queryKey: ['purchases', 'list', memberId, 1],
    queryFn: () => call('purchases.list', { memberId: memberId!, page: 1, pageSize: 20 }),
    enabled: memberId !== null,
  });
  const logCmd = useCommand('complaints.log', {
    invalidates: complaintInvalidates,
    onSuccess: (c) => {
      notifications.show({ color: 'teal', message: t('complaints.form.logged', { id: c.id }) });
      onLogged?.(c);
      onClose();
    },
  });
  const submit = form.onSubmit((values) =>
    logCmd.mutate(
      {
        memberId: values.walkIn ? null : values.memberId,
        contactName: values.walkIn ? values.contactName : '',
        contactPhone: values.walkIn ? values.contactPhone : '',
        channel: values.channel,
        categoryId: Number(values.categoryId),
        severity: values.severity,
        description: values.description,
        purchaseId: !values.walkIn && values.purchaseId ? Number(values.purchaseId) : null,
        assigneeId: values.assigneeId ? Number(values.assigneeId) : null,
      },
      { onError: (e) => showErrors(t, form, e) },
    ),
  );
  const categories = (config.data?.categories ?? []).filter((c) => c.active);

  return (
    <Modal opened onClose={onClose} title={t('complaints.form.title')} size="lg">
      <form onSubmit={submit}>
        <Stack>
          {!member && (
            <Switch
              label={t('complaints.form.walkIn')}
              {...form.getInputProps('walkIn', { type: 'checkbox' })}
              data-testid="complaint-walk-in"
            />
          )}
          {v.walkIn ? (
            <SimpleGrid cols={2}>
              <TextInput label={t('complaints.form.contactName')} {...form.getInputProps('contactName')} />
              <TextInput
                label={t('complaints.form.contactPhone')}
                inputMode="tel"
                {...form.getInputProps('contactPhone')}
              />
            </SimpleGrid>
          ) : member ? (
            <Text>
              {t('complaints.form.member')}: {member.name || member.memberNo}{' '}
              <Text span c="dimmed" size="sm">
                {member.memberNo}
              </Text>
            </Text>
          ) : (
            <ReferrerSelect
              label={t('complaints.form.member')}
              placeholder={t('complaints.form.memberPlaceholder')}
              initial={null}
              value={v.memberId}
              onChange={(id) => {
                form.setFieldValue('memberId', id);
                form.setFieldValue('purchaseId', null);
              }}
              error={form.errors.memberId}
            />
          )}
          <Input.Wrapper label={t('complaints.form.channel')}>
            <SegmentedControl
              fullWidth
              data-testid="complaint-channel"
              data={intakeChannels.map((c) => ({ value: c, label: t(`complaints.channels.${c}`) }))}
              {...form.getInputProps('channel')}
            />
          </Input.Wrapper>
          <SimpleGrid cols={2}>
            <Select
              label={t('complaints.form.category')}
              data={categories.map((c) => ({ value: String(c.id), label: categoryName(c, t) }))}
              allowDeselect={false}
              {...form.getInputProps('categoryId')}
            />
            <Input.Wrapper label={t('complaints.form.severity')}>
              <SegmentedControl
                fullWidth
                data-testid="complaint-severity"
                data={severities.map((s) => ({ value: s, label: t(`complaints.severities.${s}`) }))}
                {...form.getInputProps('severity')}
              />
            </Input.Wrapper>
          </SimpleGrid>
          <Textarea
            label={t('complaints.form.description')}
            placeholder={t('complaints.form.descriptionPlaceholder')}
            autosize
            minRows={3}
            data-autofocus={member ? true : undefined}
            onKeyDown={(e) => {
              if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) e.currentTarget.form?.requestSubmit();
            }}
            {...form.getInputProps('description')}
          />
          <SimpleGrid cols={2}>
            {memberId !== null && (
              <Select
                label={t('complaints.form.purchase')}
                placeholder={t('complaints.form.purchasePlaceholder')}
                clearable
                data={(purchases.data?.rows ?? []).map((p) => ({
                  value: String(p.id),
                  label: [
                    t('complaints.form.purchaseLabel', { day: fmt.day(p.day), amount: formatFen(p.amountFen) }),
                    p.receiptNo ? t('complaints.form.receipt', { receipt: p.receiptNo }) : '',
                    p.items || p.category,
                  ]
                    .filter(Boolean)
                    .join(' · '),
                }))}
                {...form.getInputProps('purchaseId')}
              />
            )}
            <Select
              label={t('complaints.form.assignee')}
              placeholder={t('complaints.form.assigneePlaceholder')}
              clearable
              data={assignees.map((s) => ({
                value: String(s.id),
                label: s.id === me.id || !manage ? t('complaints.form.me', { name: s.displayName }) : s.displayName,
              }))}
              {...form.getInputProps('assigneeId')}
            />
          </SimpleGrid>
          <Group justify="flex-end">
            <Button type="submit" loading={logCmd.isPending}>
              {t('complaints.form.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
