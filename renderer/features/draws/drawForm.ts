import type { InputOf } from '../../../shared/contract/index.js';
import type { DrawConfig, DrawPrizeKind } from '../../../shared/draws.js';
import { drawTotalBp } from '../../../shared/draws.js';
import { bpToPercent } from '../../../shared/rules/draws.js';

/** The draw settings as the form holds them: chances as typed percentages ("12.5"), numbers possibly empty. */
export interface PrizeForm {
  key: string;
  id: number | null;
  kind: DrawPrizeKind;
  name: string;
  points: number | string;
  rewardId: string | null;
  chance: string;
  stock: number | string;
  won: number;
}

export interface DrawForm {
  enabled: boolean;
  cost: number | string;
  dailyLimit: number | string;
  prizes: PrizeForm[];
}

let keySeq = 0;
export const newKey = () => `p${++keySeq}`;

export function toForm(c: DrawConfig, thanksName: string): DrawForm {
  const prizes: PrizeForm[] = c.prizes.map((p) => ({
    key: newKey(),
    id: p.id,
    kind: p.kind,
    name: p.name,
    points: p.kind === 'points' ? p.points : '',
    rewardId: p.rewardId === null ? null : String(p.rewardId),
    chance: bpToPercent(p.probabilityBp),
    stock: p.stock ?? '',
    won: p.won,
  }));
  // A new draw starts with one "thank you" at 100%, which the owner splits among the prizes.
  if (prizes.length === 0) prizes.push(blankPrize('thanks', thanksName, '100'));
  return { enabled: c.enabled, cost: c.cost, dailyLimit: c.dailyLimit, prizes };
}

export function blankPrize(kind: DrawPrizeKind, name: string, chance = '0'): PrizeForm {
  return { key: newKey(), id: null, kind, name, points: '', rewardId: null, chance, stock: '', won: 0 };
}

/**
 * "12.5" → 1250 basis points, by string arithmetic (at most two decimals), so the total the owner
 * sees is exactly the total the main process checks. Null: not a percentage between 0 and 100.
 */
export function percentToBp(text: string): number | null {
  const m = /^(\d{1,3})(?:\.(\d{1,2}))?$/.exec(text.trim());
  if (!m) return null;
  const bp = Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
  return bp <= drawTotalBp ? bp : null;
}

export function totalBp(prizes: PrizeForm[]): number {
  return prizes.reduce((a, p) => a + (percentToBp(p.chance) ?? 0), 0);
}

const num = (v: number | string): number => (v === '' ? Number.NaN : Number(v));

/** The form as the contract's input; what is missing or malformed is left for zod to name. */
export function fromForm(f: DrawForm): InputOf<'draws.saveConfig'> {
  return {
    enabled: f.enabled,
    cost: num(f.cost),
    dailyLimit: num(f.dailyLimit),
    prizes: f.prizes.map((p) => {
      const base = {
        ...(p.id === null ? {} : { id: p.id }),
        name: p.name,
        probabilityBp: percentToBp(p.chance) ?? Number.NaN,
        stock: p.stock === '' ? null : num(p.stock),
      };
      switch (p.kind) {
        case 'points':
          return { ...base, kind: 'points' as const, points: num(p.points) };
        case 'reward':
          return { ...base, kind: 'reward' as const, rewardId: p.rewardId === null ? Number.NaN : Number(p.rewardId) };
        case 'goods':
          return { ...base, kind: 'goods' as const };
        case 'thanks':
          return { ...base, kind: 'thanks' as const };
      }
    }),
  };
}
