import type { TFunction } from 'i18next';
import { formatFen } from '../../../shared/rules/money.js';
import { interactionKinds, type InteractionKind, type TimelineEvent } from '../../../shared/domain.js';
import type { CompensationKind } from '../../../shared/complaints.js';
import { compensationText } from '../complaints/complaintText';

/** Member columns named in a profileEdited event, and the label each has on the form. */
const columnLabels: Record<string, string> = {
  phone: 'members.fields.phone',
  phone_kind: 'members.fields.phoneKind',
  phone2: 'members.fields.phone2',
  name: 'members.fields.name',
  gender: 'members.fields.gender',
  birthday: 'members.fields.birthday',
  lunar_birthday: 'members.fields.lunarBirthday',
  occupation: 'members.fields.occupation',
  email: 'members.fields.email',
  wechat: 'members.fields.wechat',
  address: 'members.fields.address',
  notes: 'members.fields.notes',
  source: 'members.fields.source',
  referrer_id: 'members.fields.referrerId',
  joined_on: 'members.fields.joinedOn',
};

export function isInteraction(kind: string): kind is InteractionKind {
  return (interactionKinds as readonly string[]).includes(kind);
}

const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

/** A shop day (YYYY-MM-DD) in an event's data, in the app's date format; anything else as it is. */
function dayIn(v: unknown, day: (ymd: string) => string): unknown {
  return typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v) ? day(v) : v;
}

/**
 * Amounts in fen (`paidFen`) also as yuan text under the name without the suffix (`paid`), and a
 * payment method (`method`) also by its translated name (`methodName`), so a feature's event line needs no case of its own.
 */
function withMoney(t: TFunction, d: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...d };
  for (const [k, v] of Object.entries(d))
    if (k.endsWith('Fen') && typeof v === 'number') out[k.slice(0, -3)] = formatFen(v);
  if (typeof d.method === 'string') out.methodName = t(`points.paymentMethods.${d.method}`);
  return out;
}

/**
 * One line for a timeline event. Each feature writes its own kind with its details in `data`;
 * a kind this version does not know is shown by its name rather than hidden. Shop days in the data
 * are shown with `day` (the app's day format, `useFormat().day`). The event's body (a note, a
 * comment) is not part of the line: the timeline shows it under the line, for every kind.
 */
export function describeEvent(
  t: TFunction,
  e: TimelineEvent,
  tagNames: Map<number, string>,
  day: (ymd: string) => string,
): string {
  if (isInteraction(e.kind)) return t(`members.interactionKinds.${e.kind}`);
  const sep = t('members.listSeparator');
  const d = e.data;
  switch (e.kind) {
    case 'profileEdited':
      return t('members.events.profileEdited', {
        fields: list(d.fields)
          .map((f) => (columnLabels[String(f)] ? t(columnLabels[String(f)]!) : String(f)))
          .join(sep),
      });
    case 'consentChanged':
      return t('members.events.consentChanged', {
        channel: t(`members.consentChannels.${String(d.channel)}`),
        answer: d.granted ? t('members.consentGranted') : t('members.consentRefused'),
      });
    case 'tagsChanged': {
      const names = (v: unknown) => list(v).map((id) => tagNames.get(Number(id)) ?? `#${String(id)}`);
      const parts = [t('members.events.tagsChanged')];
      if (list(d.added).length) parts.push(t('members.tagChanges.added', { names: names(d.added).join(sep) }));
      if (list(d.removed).length) parts.push(t('members.tagChanges.removed', { names: names(d.removed).join(sep) }));
      return parts.join(t('members.clauseSeparator'));
    }
    case 'registered':
      return t('members.events.registered');
    case 'purchase':
      return t('members.events.purchase', { ...d, amount: formatFen(Number(d.amountFen ?? 0)) });
    case 'refund': {
      const parts = [t('members.events.refund', { ...d, amount: formatFen(Number(d.amountFen ?? 0)) })];
      const short = Number(d.shortfall ?? 0);
      if (short) parts.push(t('points.refund.shortfall', { points: short }));
      const principal = Number(d.walletPrincipalFen ?? 0);
      const bonus = Number(d.walletBonusFen ?? 0);
      if (principal || bonus)
        parts.push(t('members.events.refundStoredValue', { principal: formatFen(principal), bonus: formatFen(bonus) }));
      return parts.join(t('members.clauseSeparator'));
    }
    case 'tierChange': {
      const data = { ...d, until: dayIn(d.until, day) };
      return t(`members.events.tierChanges.${d.auto === true ? 'manualEndAuto' : String(d.kind)}`, {
        ...data,
        defaultValue: t('members.events.tierChange', data),
      });
    }
    case 'followupCreated':
    case 'followupDone':
      return t(`members.events.${e.kind}`, {
        ...d,
        dueOn: dayIn(d.dueOn, day),
        reason: t(`followups.reasons.${String(d.reason)}`),
        outcome: t(`followups.outcomes.${String(d.outcome)}`),
      });
    case 'complaintLogged':
      return t('members.events.complaintLogged', { ...d, severity: t(`complaints.severities.${String(d.severity)}`) });
    case 'complaintResolved':
      return t('members.events.complaintResolved', {
        ...d,
        compensation: compensationText(t, {
          kind: String(d.compensation) as CompensationKind,
          points: Number(d.points ?? 0),
          reward: String(d.reward ?? ''),
          amountFen: Number(d.amountFen ?? 0),
        }),
      });
    case 'complaintClosed':
      // Closing with a CSAT is one event: the score here, the customer's comment as its body.
      return t(d.score == null ? 'members.events.complaintClosed' : 'members.events.complaintClosedScore', d);
    default:
      return t(`members.events.${e.kind}`, { ...withMoney(t, d), defaultValue: e.kind });
  }
}
