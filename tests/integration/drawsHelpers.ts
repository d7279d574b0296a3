import type { InputOf } from '../../shared/contract/index.js';
import type { Client } from './harness.js';

type Prize = InputOf<'draws.saveConfig'>['prizes'][number];

export const thanks = (probabilityBp: number, extra: Partial<Prize> = {}): Prize =>
  ({ kind: 'thanks', name: '谢谢参与', probabilityBp, stock: null, ...extra }) as Prize;
export const pointsPrize = (points: number, probabilityBp: number, stock: number | null = null): Prize => ({
  kind: 'points',
  name: `${points} 积分`,
  points,
  probabilityBp,
  stock,
});

/** The owner turns the draw on: `cost` points a draw, `dailyLimit` a day, these prizes. */
export function setDraw(
  c: Client,
  prizes: Prize[],
  settings: { cost?: number; dailyLimit?: number; enabled?: boolean } = {},
) {
  return c.call('draws.saveConfig', {
    enabled: settings.enabled ?? true,
    cost: settings.cost ?? 10,
    dailyLimit: settings.dailyLimit ?? 3,
    prizes,
  });
}
