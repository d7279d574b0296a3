import type { Kysely } from 'kysely';
import type { DB } from '../../../db/schema.js';
import { fieldError } from '../../../shared/errors.js';
import { formatFen } from '../../../shared/rules/money.js';
import type { WalletConfig, WalletPackage, WalletSettings } from '../../../shared/wallet.js';
import { requireStaff, type Ctx } from '../../context.js';
import { writeAudit } from '../audit.js';
import { loadWalletSettings } from './settings.js';

/**
 * Stored-value settings, top-up packages and the published terms. Every wording of the terms that
 * was ever published is a `wallet_terms` row, so a top-up names the text its member was shown.
 */
export async function loadPackages(db: Kysely<DB>): Promise<WalletPackage[]> {
  const rows = await db.selectFrom('wallet_packages').selectAll().orderBy('pay_fen').orderBy('id').execute();
  return rows.map((r) => ({
    id: r.id,
    payFen: r.pay_fen,
    bonusFen: r.bonus_fen,
    bonusPoints: r.bonus_points,
    active: r.active === 1,
  }));
}

async function latestTerms(db: Kysely<DB>): Promise<{ id: number; body: string } | undefined> {
  return db.selectFrom('wallet_terms').select(['id', 'body']).orderBy('id', 'desc').limit(1).executeTakeFirst();
}

/**
 * The terms row for the text now in the settings, written when there is none yet or the text
 * changed since (the defaults are published by the first top-up).
 */
export async function ensureTerms(ctx: Ctx, text: string): Promise<number> {
  const last = await latestTerms(ctx.db);
  if (last && last.body === text) return last.id;
  const row = await ctx.db
    .insertInto('wallet_terms')
    .values({ body: text, staff_id: ctx.staff?.id ?? null, at: ctx.nowIso })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function walletConfig(ctx: Ctx): Promise<WalletConfig> {
  const settings = await loadWalletSettings(ctx.db);
  const last = await latestTerms(ctx.db);
  return {
    settings,
    packages: await loadPackages(ctx.db),
    termsId: last && last.body === settings.terms ? last.id : null,
  };
}

/** The owner's settings; a new wording of the terms is published as a new terms row. */
export async function saveWalletSettings(ctx: Ctx, input: WalletSettings): Promise<WalletConfig> {
  const me = requireStaff(ctx);
  const before = await loadWalletSettings(ctx.db);
  const settings: WalletSettings = {
    drawOrder: input.drawOrder,
    pointsOnStoredValue: input.pointsOnStoredValue,
    capFen: input.capFen,
    refundFeePct: input.refundFeePct,
    visitcardRefundFeePct: input.visitcardRefundFeePct,
    expiringDays: input.expiringDays,
    terms: input.terms,
  };
  const value = JSON.stringify(settings);
  await ctx.db
    .insertInto('settings')
    .values({ key: 'wallet', value })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value }))
    .execute();
  const termsId = await ensureTerms(ctx, settings.terms);
  const changed = (Object.keys(settings) as (keyof WalletSettings)[]).filter((k) => settings[k] !== before[k]);
  // The terms are the shop's text: the audit names the row, not the words.
  const figures: Partial<WalletSettings> = { ...settings };
  delete figures.terms;
  await writeAudit(ctx.db, {
    at: ctx.nowIso,
    staffId: me.id,
    action: 'wallet.settingsSaved',
    details: { changed, ...figures, termsId },
  });
  return walletConfig(ctx);
}

export interface PackageInput {
  id?: number | undefined;
  payFen: number;
  bonusFen: number;
  bonusPoints: number;
  active: boolean;
}

/**
 * Saves the package list: those sent with an id are updated, new ones added, and those left off
 * are retired (never deleted: a top-up names its package). Two active packages may not ask the same
 * amount, or the counter could not tell which bonus applies.
 */
export async function saveWalletPackages(ctx: Ctx, input: { packages: PackageInput[] }): Promise<WalletConfig> {
  const me = requireStaff(ctx);
  const current = await ctx.db.selectFrom('wallet_packages').select('id').execute();
  const known = new Set(current.map((r) => r.id));
  const seen = new Set<number>();
  const activePay = new Set<number>();
  for (const [i, p] of input.packages.entries()) {
    if (p.id !== undefined) {
      if (!known.has(p.id) || seen.has(p.id)) throw fieldError(`packages.${i}.id`, 'errors.wallet.packageNotFound');
      seen.add(p.id);
    }
    if (!p.active) continue;
    if (activePay.has(p.payFen)) throw fieldError(`packages.${i}.payFen`, 'errors.wallet.duplicatePackage');
    activePay.add(p.payFen);
  }
  const retired = [...known].filter((id) => !seen.has(id));
  if (retired.length)
    await ctx.db.updateTable('wallet_packages').set({ active: 0 }).where('id', 'in', retired).execute();
  for (const p of input.packages) {
    const values = { pay_fen: p.payFen, bonus_fen: p.bonusFen, bonus_points: p.bonusPoints, active: p.active ? 1 : 0 };
    if (p.id === undefined) await ctx.db.insertInto('wallet_packages').values(values).execute();
    else await ctx.db.updateTable('wallet_packages').set(values).where('id', '=', p.id).execute();
  }
  const config = await walletConfig(ctx);
  await writeAudit(ctx.db, {
    at: ctx.nowIso,
    staffId: me.id,
    action: 'wallet.packagesSaved',
    details: { packages: config.packages },
  });
  return config;
}

/** A package a top-up may use: it exists, is on offer, and the amount paid reaches it. */
export async function packageFor(ctx: Ctx, packageId: number, paidFen: number): Promise<WalletPackage> {
  const pkg = await ctx.db.selectFrom('wallet_packages').selectAll().where('id', '=', packageId).executeTakeFirst();
  if (!pkg || pkg.active !== 1) throw fieldError('packageId', 'errors.wallet.packageInactive');
  if (paidFen < pkg.pay_fen)
    throw fieldError('packageId', 'errors.wallet.packageNotReached', { pay: formatFen(pkg.pay_fen) });
  return { id: pkg.id, payFen: pkg.pay_fen, bonusFen: pkg.bonus_fen, bonusPoints: pkg.bonus_points, active: true };
}
