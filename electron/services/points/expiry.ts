import type { Backend } from '../../backend.js';
import { businessDay } from '../../../shared/rules/businessDay.js';
import { WriteSteps } from '../../jobs/writeSteps.js';

export interface ExpiryResult {
  day: string;
  members: number;
  lots: number;
  points: number;
}

/** Lots per step: a step stays a few tens of milliseconds, so the counter barely waits. */
const lotsPerStep = 2000;

const running = new WeakMap<Backend, Promise<ExpiryResult>>();

/**
 * 定期清零: removes what is left of every lot whose last day is before today — one `expire` entry
 * per member and step, with an allocation per lot — and nothing else: spent points are gone from
 * the lot already, and the balance drops by exactly what was left. Written in short steps; a lot
 * once expired has nothing left, so a run cut short (app closed, power cut) is finished by the
 * next one and a second run the same day finds nothing. Refused while the clock is in doubt: a PC
 * whose date jumped ahead must not wipe points.
 */
export function runExpiry(backend: Backend): Promise<ExpiryResult> {
  const current = running.get(backend);
  if (current) return current;
  const run = expire(backend).finally(() => running.delete(backend));
  running.set(backend, run);
  return run;
}

async function expire(backend: Backend): Promise<ExpiryResult> {
  backend.requireTrustedClock();
  const s = backend.settings!;
  const nowIso = backend.clock.now().toISOString();
  const day = businessDay(nowIso, s.timeZone, s.dayStartHour);
  const raw = backend.raw;
  // Member by member along the open-lots index: a member's due lots land in one step and one entry,
  // and the writes of a step touch neighbouring index pages. An emptied lot leaves the partial index,
  // so each step starts again at the last member it reached.
  const due = raw.prepare(
    `select id, member_id as memberId, remaining from points_ledger indexed by points_lots_open
     where remaining > 0 and member_id >= ? and expires_on < ? order by member_id limit ${lotsPerStep}`,
  );
  const insertEntry = raw.prepare(
    `insert into points_ledger (member_id, kind, points, ref_type, at, day) values (?, 'expire', ?, 'expiry', ?, ?)`,
  );
  const allocate = raw.prepare(`insert into points_allocations (entry_id, lot_id, points) values (?, ?, ?)`);
  const empty = raw.prepare(`update points_ledger set remaining = 0 where id = ?`);
  const event = raw.prepare(
    `insert into member_events (member_id, kind, data, at, day) values (?, 'pointsExpired', ?, ?, ?)`,
  );
  const result: ExpiryResult = { day, members: 0, lots: 0, points: 0 };
  const steps = new WriteSteps(backend);
  let fromMember = 0;
  try {
    for (;;) {
      const { value: n } = await steps.step(() => {
        const lots = due.all(fromMember, day) as { id: number; memberId: number; remaining: number }[];
        if (lots.length) fromMember = lots[lots.length - 1]!.memberId;
        const byMember = new Map<number, { id: number; remaining: number }[]>();
        for (const l of lots) {
          const list = byMember.get(l.memberId) ?? [];
          list.push(l);
          byMember.set(l.memberId, list);
        }
        for (const [memberId, list] of byMember) {
          const points = list.reduce((sum, l) => sum + l.remaining, 0);
          const entryId = Number(insertEntry.run(memberId, -points, nowIso, day).lastInsertRowid);
          for (const l of list) {
            allocate.run(entryId, l.id, l.remaining);
            empty.run(l.id);
          }
          event.run(memberId, JSON.stringify({ entryId, points, lots: list.length }), nowIso, day);
          result.members += 1;
          result.points += points;
        }
        result.lots += lots.length;
        return lots.length;
      });
      if (n < lotsPerStep) break;
    }
  } finally {
    await steps.end();
  }
  if (result.lots > 0) backend.log.info('points.expired', { ...result });
  return result;
}
