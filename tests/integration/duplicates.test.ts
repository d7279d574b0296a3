import { afterEach, describe, expect, it } from 'vitest';
import { oneDigitApart } from '../../electron/services/members/duplicates.js';
import type { DuplicateReason, ScanBatch, ScanCursor } from '../../shared/domain.js';
import { addStaff, auditRows, closeShops, openShop, signedIn, type Client, type Harness } from './harness.js';

let h: Harness;
afterEach(closeShops);

async function shop() {
  const opened = await openShop();
  h = opened.h;
  const owner = opened.owner;
  await addStaff(owner, 'xiaoli', 'clerk');
  await addStaff(owner, 'laozhang', 'manager');
  return {
    owner,
    clerk: await signedIn(h, 'xiaoli', 'xiaoli-pass-1'),
    manager: await signedIn(h, 'laozhang', 'laozhang-pass-1'),
  };
}

/** Runs a whole scan batch by batch, as the renderer does; returns how many new pairs it found. */
async function scanAll(c: Client): Promise<number> {
  let found = 0;
  let cursor: ScanCursor | null = { phase: 'name', after: null };
  while (cursor) {
    const batch: ScanBatch = await c.call('duplicates.scan', cursor);
    found += batch.found;
    cursor = batch.next;
  }
  return found;
}

const pairsOf = (page: { rows: { a: { id: number }; b: { id: number }; reasons: string[] }[] }) =>
  page.rows.map((r) => [r.a.id, r.b.id, r.reasons.join(',')]);

describe('duplicate candidates', () => {
  it('registration and edits put possible duplicates in the review queue, for each rule', async () => {
    const { owner, clerk } = await shop();
    const a = await clerk.call('members.register', { phone: '13800138000', name: '张伟', birthday: '1990-05-01' });
    const b = await clerk.call('members.register', { phone: '13900139000', name: '张伟', birthday: '1990-05-01' });
    // One digit apart, same name.
    const c = await clerk.call('members.register', { phone: '13700137001', name: '李娜' });
    const d = await clerk.call('members.register', { phone: '13700137007', name: '李娜' });
    // Same email (case differs), same WeChat ID.
    const e = await clerk.call('members.register', { phone: '13600136000', name: '甲', email: 'Ming@Example.com' });
    const f = await clerk.call('members.register', { phone: '13600136001', name: '乙', email: 'ming@example.com' });
    const g = await clerk.call('members.register', { phone: '13500135000', wechat: 'wx_shop01' });
    const i = await clerk.call('members.register', { phone: '13500135111', wechat: 'WX_SHOP01' });
    // Not duplicates: same name only; numbers two digits apart; different birthdays.
    await clerk.call('members.register', { phone: '13400134000', name: '张伟' });
    await clerk.call('members.register', { phone: '13700137099', name: '李娜' });

    const queue = await owner.call('duplicates.list', {});
    expect(queue.total).toBe(4);
    expect(pairsOf(queue)).toEqual([
      [g.id, i.id, 'wechat'],
      [e.id, f.id, 'email'],
      [c.id, d.id, 'namePhone'],
      [a.id, b.id, 'nameBirthday'],
    ]);

    // Fixing the typo takes the pair out of the queue; making the match stronger adds a reason.
    await clerk.call('members.update', {
      ...(await clerk.call('members.get', { id: d.id })),
      phone: '13300133333',
      birthday: null,
      phone2: '',
      email: '',
      wechat: '',
    });
    await clerk.call('members.update', {
      ...(await clerk.call('members.get', { id: f.id })),
      name: '甲',
      phone: '13600136001',
      phone2: '',
      email: 'ming@example.com',
      wechat: '',
    });
    expect(pairsOf(await owner.call('duplicates.list', {}))).toEqual([
      [g.id, i.id, 'wechat'],
      // Same name now, and the numbers are one digit apart.
      [e.id, f.id, 'namePhone,email'],
      [a.id, b.id, 'nameBirthday'],
    ]);
  });

  it('a dismissed pair stays dismissed, the queue is for owners and managers, and a scan finds what writes missed', async () => {
    const { owner, clerk, manager } = await shop();
    const a = await clerk.call('members.register', { phone: '13800138000', name: '王芳', birthday: '1988-01-02' });
    const b = await clerk.call('members.register', { phone: '13800138001', name: '王芳', birthday: '1988-01-02' });
    expect((await clerk.fail('duplicates.list', {})).code).toBe('FORBIDDEN');
    const [pair] = (await manager.call('duplicates.list', {})).rows;
    expect(pair?.reasons).toEqual(['nameBirthday', 'namePhone']);
    // Clerks see masked phones in the queue's summaries as everywhere else; managers see them whole.
    expect(pair?.a.phone).toBe('138 0013 8000');

    await manager.call('duplicates.dismiss', { id: pair!.id });
    expect((await manager.fail('duplicates.dismiss', { id: pair!.id })).messageKey).toBe('errors.duplicates.notOpen');
    expect(auditRows(h, 'duplicates.dismissed')).toMatchObject([
      { details: { candidateId: pair!.id, members: [a.id, b.id] } },
    ]);
    await clerk.call('members.update', {
      ...(await clerk.call('members.get', { id: b.id })),
      notes: '常客',
      phone: '13800138001',
      phone2: '',
      email: '',
      wechat: '',
    });
    expect((await owner.call('duplicates.list', {})).total).toBe(0);

    // Rows written before detection existed (e.g. an older version) are found by a scan.
    h.backend.raw.exec(`delete from duplicate_candidates`);
    const c = await clerk.call('members.register', { phone: '13900139000', name: '赵敏' });
    const d = await clerk.call('members.register', { phone: '13900199000', name: '赵敏' });
    h.backend.raw.exec(`delete from duplicate_candidates`);
    expect(await scanAll(owner)).toBe(2);
    expect(pairsOf(await owner.call('duplicates.list', {}))).toEqual([
      [c.id, d.id, 'namePhone'],
      [a.id, b.id, 'nameBirthday,namePhone'],
    ]);
    expect(await scanAll(owner)).toBe(0);
    expect(auditRows(h, 'duplicates.scanned')).toHaveLength(2);
  });

  it('a scan over batches finds exactly the pairs the rules define, across batch boundaries', async () => {
    const { owner } = await shop();
    // 12,000 members on few names, emails and WeChat IDs: groups straddle the 5,000-row batches.
    const names = ['王芳', '李娜', '张伟', '刘洋', '陈静', '杨丽', '赵敏', '黄磊', '周杰', '吴昊', '徐涛', '孙丽'];
    const rows: {
      id: number;
      name: string;
      phone: string;
      birthday: string | null;
      email: string | null;
      wechat: string | null;
    }[] = [];
    let seed = 7;
    const rnd = (n: number) => {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      return (seed >>> 8) % n;
    };
    const insert = h.backend.raw
      .prepare(`insert into members (member_no, phone, phone_kind, phone_rev, name, birthday, email, wechat, source, created_at, created_day, created_by, updated_at, joined_on)
      values (?, ?, 'mobile', '', ?, ?, ?, ?, 'in_store', '2026-01-01T00:00:00Z', '2026-01-01', 1, '2026-01-01T00:00:00Z', '2026-01-01')`);
    const phones = new Set<string>();
    h.backend.raw.transaction(() => {
      for (let i = 0; i < 12_000; i++) {
        let phone: string;
        do phone = `+86138${String(rnd(20_000)).padStart(8, '0')}`;
        while (phones.has(phone));
        phones.add(phone);
        const row = {
          name: names[rnd(names.length)]!,
          phone,
          birthday: rnd(10) === 0 ? `1990-01-${String(1 + rnd(28)).padStart(2, '0')}` : null,
          email: rnd(20) === 0 ? `u${rnd(300)}@example.com` : null,
          wechat: rnd(20) === 0 ? `wx_user${rnd(300)}` : null,
        };
        const r = insert.run(`T${i}`, row.phone, row.name, row.birthday, row.email, row.wechat);
        rows.push({ id: Number(r.lastInsertRowid), ...row });
      }
    })();

    const expected = new Map<string, Set<DuplicateReason>>();
    const byPhone = new Map(rows.map((r) => [r.phone, r]));
    const add = (a: number, b: number, reason: DuplicateReason) => {
      const key = a < b ? `${a},${b}` : `${b},${a}`;
      expected.set(key, (expected.get(key) ?? new Set()).add(reason));
    };
    for (const r of rows) {
      for (const p of oneDigitApart(r.phone)) {
        const o = byPhone.get(p);
        if (o && o.name === r.name) add(r.id, o.id, 'namePhone');
      }
    }
    for (let i = 0; i < rows.length; i++)
      for (let j = i + 1; j < rows.length; j++) {
        const [a, b] = [rows[i]!, rows[j]!];
        if (a.birthday && a.name === b.name && a.birthday === b.birthday) add(a.id, b.id, 'nameBirthday');
        if (a.email && a.email === b.email) add(a.id, b.id, 'email');
        if (a.wechat && a.wechat === b.wechat) add(a.id, b.id, 'wechat');
      }

    expect(expected.size).toBeGreaterThan(100);
    expect(await scanAll(owner)).toBe(expected.size);
    const stored = h.backend.raw
      .prepare(`select member_a || ',' || member_b as k, reason from duplicate_candidates where status = 'open'`)
      .all() as { k: string; reason: string }[];
    expect(new Map(stored.map((s) => [s.k, s.reason]))).toEqual(
      new Map(
        [...expected].map(([k, reasons]) => [
          k,
          (['nameBirthday', 'namePhone', 'email', 'wechat'] as const).filter((r) => reasons.has(r)).join(','),
        ]),
      ),
    );
  }, 60_000);

  it('a phone that is another member’s second phone is a candidate, found on write and by a scan', async () => {
    const { owner, clerk } = await shop();
    const a = await clerk.call('members.register', { phone: '13800138000', name: '甲', phone2: '13900139000' });
    const b = await clerk.call('members.register', { phone: '13900139000', name: '乙' });
    expect(pairsOf(await owner.call('duplicates.list', {}))).toEqual([[a.id, b.id, 'phone2']]);
    h.backend.raw.exec(`delete from duplicate_candidates`);
    expect(await scanAll(owner)).toBe(1);
    expect(pairsOf(await owner.call('duplicates.list', {}))).toEqual([[a.id, b.id, 'phone2']]);
  });
});
