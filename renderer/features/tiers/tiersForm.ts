import type { TFunction } from 'i18next';
import type { TiersConfigInput } from '../../../shared/contract/tiers.js';
import type { DropMode, GrowthWindow, ServicePeriod, TiersConfig } from '../../../shared/tiers.js';

/** A number input's value: a number, or what is being typed ('' when emptied). */
type Typed = number | string;

export interface ServiceForm {
  /** React key only; never sent. */
  key: string;
  id?: number;
  name: string;
  quantity: Typed;
  period: ServicePeriod;
}

export interface TierForm {
  key: string;
  id?: number;
  name: string;
  color: string;
  threshold: Typed;
  retention: Typed;
  multiplierPct: Typed;
  discountPct: Typed;
  /** '' = the points rules' birthday bonus. */
  birthdayPoints: Typed;
  complaintPriority: number;
  services: ServiceForm[];
  /** Members holding the tier when the page was loaded (read-only). */
  members: number;
}

/**
 * The tier table as the form edits it. Field paths are the contract's own (`tiers.2.threshold`,
 * `settings.window`), so errors from the main process land on their inputs without renaming.
 */
export interface TiersForm {
  settings: {
    window: GrowthWindow;
    dropMode: DropMode;
    growthPerYuan: Typed;
    activityGrowth: Typed;
  };
  tiers: TierForm[];
}

export const maxTiers = 8;
export const maxServices = 10;

/** Colours offered next to the picker: the default tiers' and a few more Mantine colours. */
export const tierSwatches = [
  '#868e96',
  '#74c0fc',
  '#fab005',
  '#7950f2',
  '#40c057',
  '#fa5252',
  '#e64980',
  '#fd7e14',
  '#15aabf',
  '#212529',
];

const newKey = () => crypto.randomUUID();

export function toForm(c: TiersConfig): TiersForm {
  return {
    settings: { ...c.settings },
    tiers: c.tiers.map((t) => ({
      key: newKey(),
      id: t.id,
      name: t.name,
      color: t.color,
      threshold: t.threshold,
      retention: t.retention,
      multiplierPct: t.multiplierPct,
      discountPct: t.discountPct,
      birthdayPoints: t.birthdayPoints ?? '',
      complaintPriority: t.complaintPriority,
      services: t.services.map((s) => ({ key: newKey(), ...s })),
      members: t.members,
    })),
  };
}

/** A new top tier: above the highest threshold, in a colour not used yet. */
export function newTier(tiers: TierForm[]): TierForm {
  const top = Math.max(0, ...tiers.map((t) => Number(t.threshold) || 0));
  const threshold = top > 0 ? top * 2 : 1000;
  return {
    key: newKey(),
    name: '',
    color: tierSwatches.find((c) => !tiers.some((t) => t.color.toLowerCase() === c)) ?? tierSwatches[0]!,
    threshold,
    retention: threshold / 2,
    multiplierPct: 100,
    discountPct: 100,
    birthdayPoints: '',
    complaintPriority: 0,
    services: [],
    members: 0,
  };
}

export function newService(): ServiceForm {
  return { key: newKey(), name: '', quantity: 1, period: 'month' };
}

/** The base tier (first row) always starts at 0: after a reorder or a removal, the new first row is set so. */
export function baseFixed(tiers: TierForm[]): TierForm[] {
  const [first, ...rest] = tiers;
  return first && (first.threshold !== 0 || first.retention !== 0)
    ? [{ ...first, threshold: 0, retention: 0 }, ...rest]
    : tiers;
}

const empty = (v: Typed) => v === '' || v === undefined || v === null;

/** An emptied number that must be there; everything else is checked by the main process. */
export function tiersValidation(t: TFunction) {
  const required = (v: Typed) => (empty(v) ? t('errors.required') : null);
  return {
    settings: { growthPerYuan: required, activityGrowth: required },
    tiers: {
      threshold: required,
      retention: required,
      multiplierPct: required,
      discountPct: required,
      services: { quantity: required },
    },
  };
}

/** Back to the contract's shape; the main process validates it again and names any bad field. */
export function fromForm(f: TiersForm): TiersConfigInput {
  return {
    settings: {
      window: f.settings.window,
      dropMode: f.settings.dropMode,
      growthPerYuan: Number(f.settings.growthPerYuan),
      activityGrowth: Number(f.settings.activityGrowth),
    },
    tiers: f.tiers.map((t) => ({
      id: t.id,
      name: t.name,
      color: t.color,
      threshold: Number(t.threshold),
      retention: Number(t.retention),
      multiplierPct: Number(t.multiplierPct),
      discountPct: Number(t.discountPct),
      birthdayPoints: empty(t.birthdayPoints) ? null : Number(t.birthdayPoints),
      complaintPriority: t.complaintPriority,
      services: t.services.map((s) => ({ id: s.id, name: s.name, quantity: Number(s.quantity), period: s.period })),
    })),
  };
}

/** 95 (percent of the price) gives the params of "95 zhe" (90: "9 zhe") and "5% off", as the counter says it; null for none. */
export function discountParams(pct: Typed): { zhe: number; off: number } | null {
  const n = Number(pct);
  if (empty(pct) || !Number.isInteger(n) || n >= 100 || n <= 0) return null;
  return { zhe: n % 10 === 0 ? n / 10 : n, off: 100 - n };
}
