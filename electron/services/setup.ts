import type { z } from 'zod';
import type { appChannels } from '../../shared/contract/app.js';
import type { Ctx } from '../context.js';
import { writeAudit } from './audit.js';
import { defaultSettings, saveSettings } from './settings.js';
import { insertStaff } from './staff.js';

type SetupInput = z.output<(typeof appChannels)['setup.complete']['input']>;

/** First run: shop settings, the owner account and the first audit row, in the new database. */
export async function completeSetup(ctx: Ctx, input: SetupInput): Promise<{ ok: true }> {
  await ctx.backend.completeSetup(input.passphraseConfirm, async (db) => {
    await saveSettings(db, { ...defaultSettings, shopName: input.shopName, timeZone: input.timeZone });
    const owner = await insertStaff(db, {
      ...input.owner,
      role: 'owner',
      createdAt: ctx.nowIso,
      createdBy: null,
    });
    await writeAudit(db, {
      at: ctx.nowIso,
      staffId: owner.id,
      action: 'setup.completed',
      details: { shopName: input.shopName, timeZone: input.timeZone },
    });
  });
  return { ok: true };
}
