import type { TFunction } from 'i18next';
import type { InputOf } from '../../../shared/contract/index.js';
import type { RewardInfo, RewardKind } from '../../../shared/rewards.js';
import { formatFen } from '../../../shared/rules/money.js';
import { yuanField } from '../points/money';

/** The reward form's values: numbers as typed (empty = none), the coupon value in yuan. */
export interface RewardValues {
  name: string;
  kind: RewardKind;
  description: string;
  pointsCost: number | string;
  value: string;
  discountPct: number | string;
  stock: number | string;
  perMemberLimit: number | string;
  availableFrom: string;
  availableTo: string;
  codeValidDays: number | string;
  active: boolean;
  image: string | null;
  /** A tier id as the Select holds it; '' = every member. */
  minTierId: string;
}

export function rewardValues(r: RewardInfo | null): RewardValues {
  return {
    name: r?.name ?? '',
    kind: r?.kind ?? 'coupon',
    description: r?.description ?? '',
    pointsCost: r?.pointsCost ?? 100,
    value: r?.valueFen ? formatFen(r.valueFen) : '',
    discountPct: r?.discountPct ?? '',
    stock: r?.stock ?? '',
    perMemberLimit: r?.perMemberLimit ?? '',
    availableFrom: r?.availableFrom ?? '',
    availableTo: r?.availableTo ?? '',
    codeValidDays: r?.codeValidDays ?? '',
    active: r?.active ?? true,
    image: r?.image ?? null,
    minTierId: r?.minTierId ? String(r.minTierId) : '',
  };
}

const optionalNumber = (v: number | string) => (v === '' ? null : Number(v));
const optionalDay = (v: string) => (v === '' ? null : v);

export function rewardInput(t: TFunction, v: RewardValues, id: number | undefined): InputOf<'rewards.save'> {
  const value = yuanField(t, v.value, false);
  return {
    ...(id === undefined ? {} : { id }),
    name: v.name,
    kind: v.kind,
    description: v.description,
    pointsCost: Number(v.pointsCost),
    valueFen: 'fen' in value && value.fen > 0 ? value.fen : null,
    discountPct: optionalNumber(v.discountPct),
    stock: optionalNumber(v.stock),
    perMemberLimit: optionalNumber(v.perMemberLimit),
    availableFrom: optionalDay(v.availableFrom),
    availableTo: optionalDay(v.availableTo),
    codeValidDays: optionalNumber(v.codeValidDays),
    active: v.active,
    image: v.image,
    minTierId: v.minTierId === '' ? null : Number(v.minTierId),
  };
}

/**
 * A picture chosen for a reward, scaled to fit 320 px and stored as JPEG: a few tens of KB in the
 * database instead of a phone photo's megabytes.
 */
export async function shrinkImage(file: File): Promise<string> {
  const bitmap = await createImageBitmap(file);
  const scale = Math.min(1, 320 / Math.max(bitmap.width, bitmap.height));
  const canvas = document.createElement('canvas');
  canvas.width = Math.round(bitmap.width * scale);
  canvas.height = Math.round(bitmap.height * scale);
  canvas.getContext('2d')!.drawImage(bitmap, 0, 0, canvas.width, canvas.height);
  return canvas.toDataURL('image/jpeg', 0.85);
}
