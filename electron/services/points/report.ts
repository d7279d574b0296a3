import {
  bucketMonths,
  reportMonths,
  sumFlows,
  type LedgerSum,
  type PointsReport,
} from '../../../shared/pointsReport.js';
import type { Ctx } from '../../context.js';
import { shopToday } from '../members/view.js';
import { loadPointsRules } from './rules.js';

/** Ledger ids read per step: a few tens of milliseconds of SQLCipher reads, then the counter's turn. */
const idsPerStep = 100_000;

/**
 * The owner's points view: the liability (the sum of the whole ledger × the value of a point) and
 * the monthly flows of the chosen months, by business day (`day`, written with each entry in the
 * shop's time zone). One pass over the ledger, summed by month, kind and sign in id ranges — each
 * range a short read of its own, so a large ledger never holds the one connection for long. The
 * ledger is append-only and the last id is fixed first, so later entries simply wait for the next
 * report.
 */
export async function pointsReport(ctx: Ctx, input: { year: number | null }): Promise<PointsReport> {
  const backend = ctx.backend;
  const raw = backend.raw;
  const today = shopToday(ctx);
  const rules = await loadPointsRules(ctx.db);
  const read = <T>(fn: () => T): Promise<T> => backend.db.connection().execute(async () => fn());
  const maxId = (await read(() => raw.prepare(`select coalesce(max(id), 0) as n from points_ledger`).get())) as {
    n: number;
  };
  const range = raw.prepare(
    `select substr(day, 1, 7) as month, kind, points > 0 as credit, sum(points) as points
     from points_ledger where id > ? and id <= ? group by month, kind, credit`,
  );
  const sums = new Map<string, LedgerSum>();
  for (let after = 0; after < maxId.n; after += idsPerStep) {
    const rows = (await read(() => range.all(after, Math.min(after + idsPerStep, maxId.n)))) as {
      month: string;
      kind: string;
      credit: number;
      points: number;
    }[];
    for (const r of rows) {
      const key = `${r.month}|${r.kind}|${r.credit}`;
      const s = sums.get(key);
      if (s) s.points += r.points;
      else sums.set(key, { month: r.month, kind: r.kind, points: r.points });
    }
    await new Promise((r) => setImmediate(r));
  }
  const all = [...sums.values()];
  const outstanding = all.reduce((n, s) => n + s.points, 0);
  const months = bucketMonths(all, reportMonths(input.year, today));
  const years = new Set(all.map((s) => Number(s.month.slice(0, 4))));
  years.add(Number(today.slice(0, 4)));
  return {
    today,
    pointValueFen: rules.pointValueFen,
    outstanding,
    liabilityFen: outstanding * rules.pointValueFen,
    months,
    totals: sumFlows(months),
    years: [...years].sort((a, b) => b - a),
  };
}
