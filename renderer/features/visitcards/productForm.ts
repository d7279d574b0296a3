import type { TFunction } from 'i18next';
import type { InputOf } from '../../../shared/contract/index.js';
import { formatFen } from '../../../shared/rules/money.js';
import type { Validity, VisitcardProduct } from '../../../shared/visitcards.js';
import { yuanField } from '../points/money';

/** The product form's values: numbers as typed (empty = none), the price in yuan, validity spread out. */
export interface ProductValues {
  name: string;
  services: string[];
  uses: number | string;
  price: string;
  validityKind: Validity['kind'];
  days: number | string;
  until: string;
  perDayLimit: number | string;
  weekdaysOnly: boolean;
  active: boolean;
}

export function productValues(p: VisitcardProduct | null): ProductValues {
  return {
    name: p?.name ?? '',
    services: p?.services ?? [],
    uses: p?.uses ?? 10,
    price: p ? formatFen(p.priceFen) : '',
    validityKind: p?.validity.kind ?? 'days',
    days: p?.validity.kind === 'days' ? p.validity.days : 90,
    until: p?.validity.kind === 'until' ? p.validity.until : '',
    perDayLimit: p?.perDayLimit ?? '',
    weekdaysOnly: p?.weekdaysOnly ?? false,
    active: p?.active ?? true,
  };
}

function validity(v: ProductValues): Validity {
  switch (v.validityKind) {
    case 'days':
      return { kind: 'days', days: Number(v.days) };
    case 'until':
      return { kind: 'until', until: v.until };
    case 'none':
      return { kind: 'none' };
  }
}

export function productInput(
  t: TFunction,
  v: ProductValues,
  id: number | undefined,
): InputOf<'visitcards.saveProduct'> {
  const price = yuanField(t, v.price, true);
  return {
    ...(id === undefined ? {} : { id }),
    name: v.name,
    services: v.services,
    uses: Number(v.uses),
    priceFen: 'fen' in price ? price.fen : 0,
    validity: validity(v),
    perDayLimit: v.perDayLimit === '' ? null : Number(v.perDayLimit),
    weekdaysOnly: v.weekdaysOnly,
    active: v.active,
  };
}

/** The main process's field names on this form's own; a problem with one service shows on the tags. */
export const productFieldNames: Record<string, string> = {
  priceFen: 'price',
  'validity.days': 'days',
  'validity.until': 'until',
  validity: 'validityKind',
  ...Object.fromEntries(Array.from({ length: 20 }, (_, i) => [`services.${i}`, 'services'])),
};
