import type { Backend } from '../../electron/backend.js';
import { standaloneCtx, type StaffRow } from '../../electron/context.js';
import { shopToday } from '../../electron/services/members/view.js';
import { severities, type Severity } from '../../shared/complaints.js';
import { addDays } from '../../shared/rules/earning.js';
import { maxSurveyMembers } from '../../shared/surveys.js';
import type { Client } from '../integration/harness.js';
import { Rng } from './random.js';
import { int, ms, summarize, type Summary } from './stats.js';

export interface ComplaintsBench {
  history: number;
  followups: number;
  /** Sequential complaints logged through the Dispatcher (validation, tier priority, SLA, steps, timeline, audit). */
  logPerSecond: number;
  /** Assign + resolve with 10 points compensation (ledger, follow-up), per complaint. */
  resolvePerSecond: number;
  /** One-row inserts, one transaction each, on the raw connection: the floor, measured in the same run. */
  baselinePerSecond: number;
  listOpen: Summary;
  listOverdue: Summary;
  detail: Summary;
  followupsToday: Summary;
  report: Summary;
  survey: { seconds: number; invited: number };
  surveyList: Summary;
}

/**
 * A year of complaint history (`perThousand` complaints per 1,000 members, a tenth still open) and
 * follow-ups written with prepared statements, then the counter's and the owner's calls timed
 * through the Dispatcher, and an NPS survey of every member.
 */
function populateHistory(backend: Backend, members: number, perThousand: number, seed: number, ownerId: number) {
  const rng = new Rng(seed);
  const today = shopToday(standaloneCtx(backend, null));
  const n = Math.max(1000, Math.round((members * perThousand) / 1000));
  const insert = backend.raw.prepare(
    `insert into complaints (member_id, channel, category_id, severity, priority, description, status, assignee_id,
       first_response_due, first_response_at, resolution_due, resolved_at, resolved_by, closed_at, resolution,
       compensation_kind, csat_score, csat_by, csat_at, created_by, created_at, day)
     values (?, 'store', ?, ?, 0, 'bench', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const followup = backend.raw.prepare(
    `insert into followups (member_id, reason, due_on, assignee_id, done_at, done_by, outcome, created_by, created_at)
     values (?, 'custom', ?, ?, ?, ?, ?, ?, ?)`,
  );
  let followups = 0;
  backend.raw.transaction(() => {
    for (let i = 0; i < n; i++) {
      const day = addDays(today, -rng.int(365));
      const at = `${day}T03:00:00.000Z`;
      const hour = (h: number) => new Date(Date.parse(at) + h * 3_600_000).toISOString();
      const open = rng.int(10) === 0;
      const severity: Severity = rng.pick(severities);
      const resolved = open ? null : hour(1 + rng.int(96));
      const closed = resolved && hour(100);
      insert.run(
        1 + rng.int(members),
        1 + rng.int(6),
        severity,
        open ? 'assigned' : 'closed',
        ownerId,
        hour(24),
        open ? null : hour(rng.int(48)),
        hour(72),
        resolved,
        open ? null : ownerId,
        closed,
        open ? '' : 'bench',
        open ? null : 'apology',
        open || rng.int(3) === 0 ? null : 1 + rng.int(5),
        open ? null : 'staff',
        closed,
        ownerId,
        at,
        day,
      );
      if (i % 4 === 0) {
        const done = rng.int(5) !== 0;
        followup.run(
          1 + rng.int(members),
          addDays(today, 30 - rng.int(60)),
          ownerId,
          done ? at : null,
          done ? ownerId : null,
          done ? 'reached' : null,
          ownerId,
          at,
        );
        followups++;
      }
    }
  })();
  return { history: n, followups };
}

async function timed(times: number, fn: () => Promise<unknown>): Promise<Summary> {
  const samples: number[] = [];
  for (let i = 0; i < times; i++) {
    const t0 = performance.now();
    await fn();
    samples.push(performance.now() - t0);
  }
  return summarize(samples);
}

export async function benchComplaints(opts: {
  backend: Backend;
  client: Client;
  owner: StaffRow;
  members: number;
  seed: number;
  progress: (line: string) => void;
}): Promise<ComplaintsBench> {
  const { backend, client, progress } = opts;
  progress('writing a year of complaint history and follow-ups…');
  const { history, followups } = populateHistory(backend, opts.members, 50, opts.seed, opts.owner.id);
  backend.raw.pragma('optimize');
  const rng = new Rng(opts.seed + 1);

  const n = 1000;
  progress(`${int(n)} complaints logged, then assigned and resolved with 10 points, through the Dispatcher…`);
  const ids: number[] = [];
  let t0 = performance.now();
  for (let i = 0; i < n; i++) {
    const c = await client.call('complaints.log', {
      memberId: 1 + rng.int(opts.members),
      channel: 'store',
      categoryId: 1 + rng.int(6),
      severity: rng.pick(severities),
      description: 'bench complaint',
    });
    ids.push(c.id);
  }
  const logPerSecond = n / ((performance.now() - t0) / 1000);
  t0 = performance.now();
  for (const id of ids) {
    await client.call('complaints.assign', { id, assigneeId: opts.owner.id });
    await client.call('complaints.resolve', {
      id,
      resolution: 'bench',
      compensation: { kind: 'points', points: 10 },
    });
  }
  const resolvePerSecond = n / ((performance.now() - t0) / 1000);
  const one = backend.raw.prepare(
    `insert into complaint_steps (complaint_id, action, to_status, at) values (?, 'note', 'new', ?)`,
  );
  const nowIso = backend.clock.now().toISOString();
  t0 = performance.now();
  for (let i = 0; i < n; i++) backend.raw.transaction(() => one.run(ids[i]!, nowIso))();
  const baselinePerSecond = n / ((performance.now() - t0) / 1000);

  progress('lists, a complaint, today’s follow-ups and the 12-month report…');
  const listOpen = await timed(200, () => client.call('complaints.list', { view: 'open' }));
  const listOverdue = await timed(200, () => client.call('complaints.list', { view: 'overdue' }));
  const detail = await timed(500, () => client.call('complaints.get', { id: 1 + rng.int(history) }));
  const followupsToday = await timed(200, () => client.call('followups.list', { view: 'today' }));
  const today = shopToday(standaloneCtx(backend, opts.owner));
  const report = await timed(5, () => client.call('complaints.report', { from: addDays(today, -364), to: today }));

  progress('an NPS survey of every member (refused: too many), then the survey list…');
  t0 = performance.now();
  const refused = await client.raw('surveys.create', { name: 'bench', filter: {} });
  const surveySeconds = (performance.now() - t0) / 1000;
  if (refused.ok) throw new Error('a survey of every member should be refused');
  // A survey of the most members one may ask, written directly: the list counts its answers.
  const survey = backend.raw
    .prepare(`insert into surveys (name, created_at) values ('bench', ?) returning id`)
    .get(nowIso) as { id: number };
  backend.raw
    .prepare(
      `insert into survey_members (survey_id, member_id, score, responded_day)
       select ?, id, case when id % 3 = 0 then id % 11 end, case when id % 3 = 0 then ? end
       from members order by id limit ?`,
    )
    .run(survey.id, today, maxSurveyMembers);
  const surveyList = await timed(20, () => client.call('surveys.list', {}));
  return {
    history,
    followups,
    logPerSecond,
    resolvePerSecond,
    baselinePerSecond,
    listOpen,
    listOverdue,
    detail,
    followupsToday,
    report,
    survey: { seconds: surveySeconds, invited: maxSurveyMembers },
    surveyList,
  };
}

export function complaintsMarkdown(b: ComplaintsBench, members: number): string {
  const row = (label: string, s: Summary) => `| ${label} | ${ms(s.p95)} ms (median ${ms(s.median)}) |`;
  const rate = (r: number) =>
    `${int(r)}/s (${(r / b.baselinePerSecond).toFixed(2)}× the ${int(b.baselinePerSecond)}/s one-row-insert baseline)`;
  return [
    `Complaints, ${int(members)} members, ${int(b.history)} complaints over a year (a tenth open), ${int(b.followups)} follow-ups:`,
    '',
    '| figure | measured |',
    '| --- | --- |',
    `| complaints logged, sequential via Dispatcher | ${rate(b.logPerSecond)} |`,
    `| assign + resolve with 10 points, sequential | ${rate(b.resolvePerSecond)} |`,
    row('open list, first page, p95', b.listOpen),
    row('overdue list, first page, p95', b.listOverdue),
    row('a complaint with its steps, p95', b.detail),
    row('today’s follow-ups, p95', b.followupsToday),
    row('12-month report, p95 of 5', b.report),
    `| NPS survey of every member, refused as too many | ${ms(b.survey.seconds * 1000)} ms |`,
    row(`survey list with a ${int(b.survey.invited)}-member survey, p95`, b.surveyList),
  ].join('\n');
}
