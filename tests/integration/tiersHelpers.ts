import type { InputOf } from '../../shared/contract/index.js';
import type { TiersConfig } from '../../shared/tiers.js';
import type { Client } from './harness.js';

/** The tier table as `tiers.save` takes it, from what `tiers.config` returns. */
export function asInput(c: TiersConfig): InputOf<'tiers.save'> {
  return {
    settings: c.settings,
    tiers: c.tiers.map((t) => ({
      id: t.id,
      name: t.name,
      color: t.color,
      threshold: t.threshold,
      retention: t.retention,
      multiplierPct: t.multiplierPct,
      discountPct: t.discountPct,
      birthdayPoints: t.birthdayPoints,
      complaintPriority: t.complaintPriority,
      services: t.services.map((s) => ({ id: s.id, name: s.name, quantity: s.quantity, period: s.period })),
    })),
  };
}

/** Changes the owner's tier table with `edit` and saves it. */
export async function editTiers(owner: Client, edit: (input: InputOf<'tiers.save'>) => void): Promise<TiersConfig> {
  const input = asInput(await owner.call('tiers.config', {}));
  edit(input);
  return owner.call('tiers.save', input);
}

export const sale = (memberId: number, amountFen: number) => ({ memberId, amountFen, paymentMethod: 'cash' as const });
