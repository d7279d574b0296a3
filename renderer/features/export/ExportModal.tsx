import { Alert, Button, Checkbox, Group, Modal, SegmentedControl, Stack, Text, TextInput } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconDownload, IconFileExport } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { exportFormats, type ExportFormat, type ExportResult } from '../../../shared/contract/export.js';
import type { InputOf } from '../../../shared/contract/index.js';
import type { JobStatus } from '../../../shared/domain.js';
import { can } from '../../../shared/permissions.js';
import { call, download } from '../../api/client';
import { useCommand } from '../../api/useCommand';
import { useJob } from '../../api/useJob';
import { notifyError } from '../../ui/errors';
import { JobProgress } from '../../ui/JobProgress';
import { useSession } from '../../stores/session';

/**
 * What to export: the members the list's filters match, the audit log, purchases, the points
 * ledger, or the complaints and their report (with the period the report page shows, if any); a
 * day close (live), or a recorded handover or day close as it was printed (`closeId`).
 */
export type ExportTarget =
  | { list: 'members'; filter: InputOf<'io.exportMembers'>['filter'] }
  | { list: 'audit' }
  | { list: 'purchases' }
  | { list: 'ledger' }
  | { list: 'complaints' | 'complaintReport' | 'walletReport'; from?: string; to?: string }
  | { list: 'tillClose'; day: string; closeId?: number; kind?: 'shift' | 'day' };

/** The list page's Export button; shown only to roles that may export (owners and managers). */
export function ExportButton({
  target,
  disabled,
  label,
}: {
  target: ExportTarget;
  disabled?: boolean;
  /** The button's text, when a page has more than one export. */
  label?: string;
}) {
  const { t } = useTranslation();
  const role = useSession((s) => s.session?.staff.role);
  const [opened, { open, close }] = useDisclosure(false);
  if (!role || !can(role, 'io.export')) return null;
  return (
    <>
      <Button
        variant="default"
        leftSection={<IconFileExport size={18} />}
        onClick={open}
        disabled={disabled}
        data-testid={label ? `export-button-${target.list}` : 'export-button'}
      >
        {label ?? t('export.button')}
      </Button>
      {opened && <ExportModal target={target} onClose={close} />}
    </>
  );
}

/**
 * Choose a format (and, for the owner, whole phone numbers), follow the export job, then download
 * the file once. Closing while it runs cancels it: nobody would be left to fetch the file.
 */
export function ExportModal({ target, onClose }: { target: ExportTarget; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const isOwner = useSession((s) => s.session?.staff.role === 'owner');
  const [format, setFormat] = useState<ExportFormat>('xlsx');
  const [fullPhones, setFullPhones] = useState(false);
  const [range, setRange] = useState({
    from: 'from' in target ? (target.from ?? '') : '',
    to: 'to' in target ? (target.to ?? '') : '',
  });
  const [started, setStarted] = useState<JobStatus | null>(null);
  const [saved, setSaved] = useState<boolean | null>(null);
  const job = useJob(started);
  const language = i18n.language === 'en' ? 'en' : 'zh';
  const onStarted = { onSuccess: setStarted };
  const members = useCommand('io.exportMembers', onStarted);
  const audit = useCommand('io.exportAudit', onStarted);
  const purchases = useCommand('io.exportPurchases', onStarted);
  const ledger = useCommand('io.exportLedger', onStarted);
  const complaints = useCommand('io.exportComplaints', onStarted);
  const complaintReport = useCommand('io.exportComplaintReport', onStarted);
  const walletReport = useCommand('io.exportWalletReport', onStarted);
  const tillClose = useCommand('io.exportTillClose', onStarted);
  const pending = [members, audit, purchases, ledger, complaints, complaintReport, walletReport, tillClose].some(
    (c) => c.isPending,
  );
  const dated = target.list !== 'members' && target.list !== 'tillClose';
  const phones = target.list === 'members' || target.list === 'purchases' || target.list === 'complaints';

  const start = () => {
    setSaved(null);
    const onError = (e: unknown) => notifyError(t, e);
    const days = { from: range.from || null, to: range.to || null };
    if (target.list === 'members')
      members.mutate({ filter: target.filter, format, fullPhones: isOwner && fullPhones, language }, { onError });
    else if (target.list === 'purchases')
      purchases.mutate({ format, language, fullPhones: isOwner && fullPhones, ...days }, { onError });
    else if (target.list === 'ledger') ledger.mutate({ format, language, ...days }, { onError });
    else if (target.list === 'complaints')
      complaints.mutate({ format, language, fullPhones: isOwner && fullPhones, ...days }, { onError });
    else if (target.list === 'complaintReport') complaintReport.mutate({ format, language, ...days }, { onError });
    else if (target.list === 'walletReport') walletReport.mutate({ format, language, ...days }, { onError });
    else if (target.list === 'tillClose')
      tillClose.mutate(
        { format, language, day: target.day, ...(target.closeId ? { closeId: target.closeId } : {}) },
        { onError },
      );
    else audit.mutate({ format, language, ...days }, { onError });
  };
  const cancel = () => {
    if (job?.state === 'running') void call('jobs.cancel', { id: job.id }).catch((e) => notifyError(t, e));
  };
  const close = () => {
    cancel();
    onClose();
  };
  const fetchFile = async () => {
    if (!job) return;
    try {
      const r = await download('io.downloadExport', { jobId: job.id });
      if (r.saved) {
        notifications.show({ color: 'teal', message: t('export.saved') });
        onClose();
      } else setSaved(false);
    } catch (e) {
      notifyError(t, e);
      setSaved(false);
    }
  };
  const again = () => {
    setStarted(null);
    setSaved(null);
  };

  const result = job?.state === 'done' ? (job.result as ExportResult | undefined) : undefined;
  // A recorded handover or day close has words of its own.
  const words =
    target.list === 'tillClose' && target.closeId
      ? target.kind === 'shift'
        ? 'tillShiftRecord'
        : 'tillDayRecord'
      : target.list;
  return (
    <Modal opened onClose={close} title={t(`export.title.${words}`)} size="lg">
      {!job ? (
        <Stack>
          <Text size="sm">{t(`export.intro.${words}`)}</Text>
          <Stack gap={4}>
            <Text size="sm" fw={500}>
              {t('export.format')}
            </Text>
            <SegmentedControl
              data={exportFormats.map((f) => ({ value: f, label: t(`export.formats.${f}`) }))}
              value={format}
              onChange={(v) => setFormat(v as ExportFormat)}
              data-testid="export-format"
            />
            <Text size="xs" c="dimmed">
              {t(`export.formatHints.${format}`)}
            </Text>
          </Stack>
          {phones && isOwner && (
            <Checkbox
              label={t('export.fullPhones')}
              description={t('export.fullPhonesHint')}
              checked={fullPhones}
              onChange={(e) => setFullPhones(e.currentTarget.checked)}
            />
          )}
          {dated && (
            <Group grow>
              <TextInput
                type="date"
                label={t('export.from')}
                value={range.from}
                onChange={(e) => setRange({ ...range, from: e.currentTarget.value })}
              />
              <TextInput
                type="date"
                label={t('export.to')}
                value={range.to}
                onChange={(e) => setRange({ ...range, to: e.currentTarget.value })}
              />
            </Group>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t('common.cancel')}
            </Button>
            <Button onClick={start} loading={pending} data-testid="export-start">
              {t('export.start')}
            </Button>
          </Group>
        </Stack>
      ) : job.state === 'running' ? (
        <Stack>
          <JobProgress job={job} onCancel={cancel} />
          <Text size="sm" c="dimmed">
            {t('export.running')}
          </Text>
        </Stack>
      ) : (
        <Stack>
          {result && <Alert color="teal">{t('export.done', { count: result.rows })}</Alert>}
          {job.state === 'cancelled' && <Alert color="gray">{t('export.cancelled')}</Alert>}
          {job.state === 'failed' && (
            <Alert color="red">
              {t('export.failed', { message: t(job.errorKey ?? 'errors.internal', job.errorParams ?? {}) })}
            </Alert>
          )}
          {saved === false && <Alert color="yellow">{t('export.notSaved')}</Alert>}
          <Group justify="flex-end">
            {(!result || saved === false) && (
              <Button variant="default" onClick={again}>
                {t('export.again')}
              </Button>
            )}
            {result && saved === null && (
              <Button
                leftSection={<IconDownload size={18} />}
                onClick={() => void fetchFile()}
                data-testid="export-download"
              >
                {t('export.download')}
              </Button>
            )}
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
