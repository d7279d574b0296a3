import type { Backend } from '../../electron/backend.js';
import { shopToday } from '../../electron/services/members/view.js';
import { standaloneCtx, type StaffRow } from '../../electron/context.js';
import { runTierDay, sweepUpgrades } from '../../electron/services/tiers/review.js';
import type { Client } from '../integration/harness.js';
import { Rng } from './random.js';
import { int, ms, summarize, type Summary } from './stats.js';

export interface TiersBench {
  /** The first placement of every member by growth (as after an upgrade of Liuke or a lowered threshold). */
  sweep: { seconds: number; upgraded: number };
  tiered: number;
  memberTier: Summary;
  atRisk: Summary & { total: number };
  daily: { seconds: number; reviewed: number; upgraded: number };
}

/**
 * Tiers at scale, on the purchases the points bench wrote (each with its growth): place every
 * member by growth, spread review dates over the coming year, then time a member's tier view
 * through the Dispatcher, the 30-day at-risk list and the daily tier run.
 */
export async function benchTiers(opts: {
  backend: Backend;
  client: Client;
  owner: StaffRow;
  members: number;
  seed: number;
  progress: (line: string) => void;
}): Promise<TiersBench> {
  const { backend, client, progress } = opts;
  const today = shopToday(standaloneCtx(backend, opts.owner));
  progress('placing every member in a tier by growth value (the sweep)…');
  let t0 = performance.now();
  const upgraded = await sweepUpgrades(backend, today);
  const sweep = { seconds: (performance.now() - t0) / 1000, upgraded };
  progress(`  ${int(upgraded)} members upgraded in ${sweep.seconds.toFixed(1)} s`);
  // Members reached their tiers on different days: reviews fall over the next 365 days.
  backend.raw.prepare(`update member_tiers set review_on = date(?, '+' || (member_id % 365) || ' days')`).run(today);
  const tiered = (backend.raw.prepare('select count(*) as n from member_tiers').get() as { n: number }).n;

  const rng = new Rng(opts.seed);
  const sample = Array.from({ length: 1000 }, () => 1 + rng.int(opts.members));
  progress('tier view: 1,000 members through the Dispatcher…');
  const view: number[] = [];
  for (const memberId of sample) {
    t0 = performance.now();
    await client.call('tiers.member', { memberId });
    view.push(performance.now() - t0);
  }
  progress('at-risk list (30 days), 5 times…');
  const risk: number[] = [];
  let total = 0;
  for (let i = 0; i < 5; i++) {
    t0 = performance.now();
    total = (await client.call('tiers.atRisk', { days: 30 })).total;
    risk.push(performance.now() - t0);
  }
  progress('daily tier run (reviews due today, manual ends, sweep)…');
  t0 = performance.now();
  const day = await runTierDay(backend, today);
  const daily = { seconds: (performance.now() - t0) / 1000, reviewed: day.reviewed, upgraded: day.upgraded };
  return { sweep, tiered, memberTier: summarize(view), atRisk: { ...summarize(risk), total }, daily };
}

export function tiersMarkdown(b: TiersBench, members: number): string {
  return [
    `Tiers, ${int(members)} members, ${int(b.tiered)} above the base tier after the sweep:`,
    '',
    '| figure | measured |',
    '| --- | --- |',
    `| first placement of every member by growth (sweep) | ${b.sweep.seconds.toFixed(1)} s, ${int(b.sweep.upgraded)} upgraded |`,
    `| a member's tier view, p95 via Dispatcher | ${ms(b.memberTier.p95)} ms (median ${ms(b.memberTier.median)}) |`,
    `| at-risk list, 30 days, median of 5 | ${ms(b.atRisk.median)} ms (${int(b.atRisk.total)} members) |`,
    `| daily tier run | ${b.daily.seconds.toFixed(1)} s (${int(b.daily.reviewed)} reviews, ${int(b.daily.upgraded)} upgrades) |`,
  ].join('\n');
}
