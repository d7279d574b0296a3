import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { expected, rows, writeFixture, type FixtureKind } from '../fixtures/importFiles.js';
import { addStaff, auditRows, closeShops, openShop, signedIn, silentLog, startBackend, tempDir } from './harness.js';
import { finished, importFile, preview, stage } from './ioHelpers.js';

afterEach(closeShops);

describe('import: files as shops bring them', () => {
  it.each<FixtureKind>(['gb18030', 'utf8bom', 'utf8', 'tsv', 'xlsx'])(
    '%s: exact counts and stored values',
    async (kind) => {
      const { h, owner } = await openShop();
      const path = await writeFixture(tempDir(), kind);
      const file = await stage(owner, path);
      expect(file.encoding).toBe(
        { gb18030: 'gb18030', utf8bom: 'utf-8-bom', utf8: 'utf-8', tsv: 'utf-8', xlsx: 'xlsx' }[kind],
      );
      expect(file.suggested).toEqual([
        'name',
        'phone',
        'gender',
        'birthday',
        'points',
        'totalSpent',
        'cardNo',
        'tier',
        'notes',
      ]);
      const { preview: shown, result } = await importFile(owner, path);
      expect(shown.counts).toEqual({
        new: expected.new,
        update: 0,
        dupInFile: expected.dupInFile,
        dupExisting: 0,
        invalid: expected.invalid,
      });
      expect(shown.total).toBe(rows.length);
      expect(result).toMatchObject({
        imported: expected.new,
        updated: 0,
        skipped: expected.dupInFile,
        invalid: expected.invalid,
      });

      const m = h.backend.raw
        .prepare(`select name, phone, gender, birthday, notes, source from members order by id`)
        .all() as Record<string, string>[];
      expect(m).toEqual([
        {
          name: '张三',
          phone: '+8613800138000',
          gender: 'male',
          birthday: '1990-01-02',
          notes: '老顾客',
          source: 'import',
        },
        {
          name: '李四',
          phone: '+8613900139000',
          gender: 'female',
          birthday: '1990-01-02',
          notes: '备注里有逗号, 还有"引号"',
          source: 'import',
        },
        {
          name: '𠮷野家',
          phone: '+8613700137000',
          gender: 'female',
          birthday: '1990-01-02',
          notes: '多行\n备注',
          source: 'import',
        },
        {
          name: '阿卜杜拉·买买提',
          phone: '+8613600136000',
          gender: 'male',
          birthday: '1990-01-02',
          notes: '',
          source: 'import',
        },
        { name: '王五', phone: '+8613500135000', gender: 'male', birthday: '1990-01-02', notes: '', source: 'import' },
      ]);
      const opening = h.backend.raw
        .prepare(
          `select m.name, o.points, o.spend_fen, o.legacy_tier from member_opening_balances o join members m on m.id = o.member_id order by o.id`,
        )
        .all();
      expect(opening).toEqual([
        { name: '张三', points: 1200, spend_fen: 123450, legacy_tier: '金卡' },
        { name: '李四', points: 0, spend_fen: 1230, legacy_tier: '' },
        { name: '阿卜杜拉·买买提', points: 5, spend_fen: 0, legacy_tier: '银卡' },
        { name: '王五', points: 0, spend_fen: 10000, legacy_tier: '' },
      ]);
      const rejects = h.backend.raw.prepare(`select line, reason, field from import_rejects order by line`).all();
      expect(rejects).toEqual([
        { line: 7, reason: 'phoneScientific', field: 'phone' },
        { line: 8, reason: 'dateImpossible', field: 'birthday' },
        { line: 9, reason: 'pointsNegative', field: 'points' },
        { line: 10, reason: 'amountNegative', field: 'totalSpent' },
        { line: 11, reason: 'phoneMissing', field: 'phone' },
        { line: 12, reason: 'dupPhoneInFile', field: 'phone' },
      ]);
      // Imported members are found at the counter like registered ones.
      const found = await owner.call('members.search', { q: '𠮷野' });
      expect(found.map((f) => f.name)).toEqual(['𠮷野家']);
      expect((await owner.call('members.search', { q: 'zs' })).map((f) => f.name)).toContain('张三');
      expect((await owner.call('members.search', { q: 'C10000001' })).map((f) => f.name)).toEqual(['张三']);
    },
  );

  it('previews without writing anything', async () => {
    const { h, owner } = await openShop();
    const file = await stage(owner, await writeFixture(tempDir(), 'gb18030'));
    const shown = await preview(owner, file);
    expect(shown.rows[0]).toMatchObject({
      line: 2,
      status: 'new',
      values: { name: '张三', phone: '138 0013 8000', totalSpent: '1234.50', points: '1200' },
    });
    expect(h.backend.raw.prepare('select count(*) as n from members').get()).toEqual({ n: 0 });
  });
});

describe('import: batches', () => {
  it('undoes a batch as one: new members removed, updated members restored, used members kept', async () => {
    const { h, owner } = await openShop();
    const dir = tempDir();
    const before = await owner.call('members.register', { phone: '13600136000', name: '老会员', notes: '原备注' });
    const { result } = await importFile(owner, await writeFixture(dir, 'utf8'), 'addAndUpdate');
    expect(result).toMatchObject({ imported: expected.new - 1, updated: 1 });
    const updated = await owner.call('members.get', { id: before.id });
    expect(updated.name).toBe('阿卜杜拉·买买提');
    // A clerk works with one imported member before the undo.
    const [zhang] = await owner.call('members.search', { q: '13800138000' });
    await owner.call('members.addInteraction', { id: zhang!.id, kind: 'visit', body: '到店' });

    const job = await finished(owner, await owner.call('io.undoBatch', { batchId: result.batchId }));
    expect(job.state, JSON.stringify(silentLog.lines.filter((l) => l.event === 'job.failed'))).toBe('done');
    expect(job.result).toEqual({ removed: expected.new - 2, restored: 1, kept: 1 });
    const restored = await owner.call('members.get', { id: before.id });
    expect(restored).toMatchObject({ name: '老会员', notes: '原备注' });
    expect(await owner.call('members.search', { q: '老会员' })).toHaveLength(1);
    expect(await owner.call('members.search', { q: '阿卜' })).toHaveLength(0);
    const names = (h.backend.raw.prepare('select name from members order by id').all() as { name: string }[]).map(
      (r) => r.name,
    );
    expect(names).toEqual(['老会员', '张三']);
    expect(h.backend.raw.prepare('select count(*) as n from member_opening_balances').get()).toEqual({ n: 1 });
    expect((await owner.fail('io.undoBatch', { batchId: result.batchId })).code).toBe('CONFLICT');
  });
});

/** A file of `n` good rows with distinct mobiles. */
function bigFile(dir: string, n: number, name = 'big.csv'): string {
  const lines = ['姓名,手机号,积分'];
  for (let i = 0; i < n; i++) lines.push(`会员${i},139${String(i).padStart(8, '0')},${i % 100}`);
  const path = join(dir, name);
  writeFileSync(path, lines.join('\n'));
  return path;
}

describe('import: a job that never leaves half a batch', () => {
  it('cancel takes back everything the import had written', async () => {
    const { h, owner } = await openShop();
    const file = await stage(owner, bigFile(tempDir(), 20_000));
    await preview(owner, file);
    const job = await owner.call('io.startImport', {
      fileId: file.fileId,
      mapping: file.suggested as never,
      mode: 'addOnly',
    });
    await expect
      .poll(() => (h.backend.raw.prepare('select count(*) as n from members').get() as { n: number }).n)
      .toBeGreaterThan(100);
    // The counter keeps working while it runs.
    await owner.call('members.register', { phone: '13800138000', name: '柜台登记' });
    expect((await owner.call('members.search', { q: '柜台' })).map((m) => m.name)).toEqual(['柜台登记']);
    await owner.call('jobs.cancel', { id: job.id });
    const end = await finished(owner, job);
    expect(end.state).toBe('cancelled');
    expect(end.result).toMatchObject({ cancelled: true });
    expect(h.backend.raw.prepare('select name from members').all()).toEqual([{ name: '柜台登记' }]);
    expect(h.backend.raw.prepare('select count(*) as n from member_name_grams').get()).toEqual({ n: 7 });
    expect(h.backend.raw.prepare('select status from import_batches').all()).toEqual([{ status: 'cancelled' }]);
  });

  it('a kill -9 mid-import leaves no partial batch: the next start rolls it back', async () => {
    const { h, passphrase } = await openShop();
    const dir = h.dir;
    const file = bigFile(tempDir(), 30_000);
    await h.close();
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', 'tests/integration/importChild.ts', dir, passphrase, file],
      {
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
    const said = await new Promise<string>((resolve) => {
      let out = '';
      child.stdout.on('data', (d: Buffer) => {
        out += d.toString();
        if (out.includes('\n')) resolve(out.trim());
      });
      child.once('exit', () => resolve(out.trim()));
    });
    expect(said).toMatch(/^IMPORTING \d+$/);
    child.kill('SIGKILL');
    await new Promise((r) => child.once('exit', r));

    const again = await startBackend(dir);
    try {
      await again.backend.unlock(passphrase);
      const raw = again.backend.raw;
      await expect
        .poll(() => (raw.prepare('select status from import_batches').get() as { status: string }).status, {
          timeout: 20_000,
        })
        .toBe('rolledBack');
      expect(raw.prepare('select count(*) as n from members').get()).toEqual({ n: 0 });
      expect(raw.prepare('select count(*) as n from member_name_grams').get()).toEqual({ n: 0 });
      expect(raw.prepare('select count(*) as n from member_events').get()).toEqual({ n: 0 });
      expect(raw.prepare('select count(*) as n from member_opening_balances').get()).toEqual({ n: 0 });
      expect(auditRows(again, 'io.importRolledBack')).toHaveLength(1);
    } finally {
      await again.close();
    }
  }, 60_000);
});

describe('import: who may, and what is checked', () => {
  it('refuses a clerk, needs a preview first, and a phone column', async () => {
    const { h, owner } = await openShop();
    await addStaff(owner, 'clerk1', 'clerk');
    await addStaff(owner, 'manager1', 'manager');
    const path = await writeFixture(tempDir(), 'utf8');
    const clerk = await signedIn(h, 'clerk1', 'clerk1-pass-1');
    expect((await clerk.fail('io.stageFile', { path, name: 'x.csv' })).code).toBe('FORBIDDEN');
    expect((await clerk.fail('io.batches', {})).code).toBe('FORBIDDEN');
    const manager = await signedIn(h, 'manager1', 'manager1-pass-1');
    const { result } = await importFile(manager, path);
    expect(result.imported).toBe(expected.new);
    // A staged file is its stager's.
    const mine = await stage(manager, path);
    expect(
      (await owner.fail('io.previewImport', { fileId: mine.fileId, mapping: mine.suggested as never, mode: 'addOnly' }))
        .code,
    ).toBe('NOT_FOUND');
    const file = await stage(owner, path);
    expect(
      (await owner.fail('io.startImport', { fileId: file.fileId, mapping: file.suggested as never, mode: 'addOnly' }))
        .messageKey,
    ).toBe('errors.io.previewFirst');
    const noPhone = file.suggested.map((f) => (f === 'phone' ? null : f));
    const e = await owner.fail('io.previewImport', { fileId: file.fileId, mapping: noPhone as never, mode: 'addOnly' });
    expect(e.fields?.mapping).toEqual({ messageKey: 'errors.io.requiredNotMapped', params: { field: 'phone' } });
    const bad = await owner.fail('io.previewImport', {
      fileId: file.fileId,
      mapping: ['name', 'shoeSize'],
      mode: 'addOnly',
    });
    expect(bad.fields?.['mapping.1']?.messageKey).toBe('errors.choice');
  });
});

describe('import: opening balances', () => {
  it('records one opening balance; a later file with other figures says so instead of passing in silence', async () => {
    const { h, owner } = await openShop();
    const dir = tempDir();
    const first = join(dir, 'first.csv');
    writeFileSync(first, '手机号,姓名,积分,累计消费\n13800138000,张三,100,1234.50\n');
    await importFile(owner, first);
    const [m] = await owner.call('members.search', { q: '13800138000' });
    expect((await owner.call('members.get', { id: m!.id })).opening).toEqual({
      points: 100,
      spendFen: 123450,
      tier: '',
    });

    const second = join(dir, 'second.csv');
    writeFileSync(second, '手机号,姓名,积分\n13800138000,张三,300\n13800138000,张三,300\n');
    const { preview: shown, result } = await importFile(owner, second, 'addAndUpdate');
    expect(shown.rows[0]).toMatchObject({ status: 'dupExisting', reason: 'openingKept', field: 'points' });
    expect(result).toMatchObject({ updated: 0, skipped: 2 });
    expect((await owner.call('members.get', { id: m!.id })).opening).toEqual({
      points: 100,
      spendFen: 123450,
      tier: '',
    });
    const reasons = h.backend.raw.prepare('select reason from import_rejects order by id').all();
    expect(reasons).toEqual([{ reason: 'openingKept' }, { reason: 'dupPhoneInFile' }]);
  });

  it('puts the opening points in the ledger as its opening entry, spendable; an undo takes an untouched one out', async () => {
    const { owner } = await openShop();
    const dir = tempDir();
    const file = join(dir, 'old.csv');
    writeFileSync(file, '手机号,姓名,积分\n13800138000,张三,100\n');
    const { result } = await importFile(owner, file);
    const [m] = await owner.call('members.search', { q: '13800138000' });
    const points = await owner.call('points.get', { memberId: m!.id });
    expect(points).toMatchObject({ balance: 100, usable: 100 });
    expect(points.lots[0]).toMatchObject({ kind: 'opening', remaining: 100, expiresOn: null });

    // A second member already in the shop gets an opening balance by an update, then the batch is undone.
    const known = await owner.call('members.register', { phone: '13900139000', name: '李四' });
    const update = join(dir, 'update.csv');
    writeFileSync(update, '手机号,姓名,积分\n13900139000,李四,50\n');
    const second = await importFile(owner, update, 'addAndUpdate');
    expect((await owner.call('points.get', { memberId: known.id })).balance).toBe(50);
    await finished(owner, await owner.call('io.undoBatch', { batchId: second.result.batchId }));
    expect((await owner.call('points.get', { memberId: known.id })).balance).toBe(0);
    await finished(owner, await owner.call('io.undoBatch', { batchId: result.batchId }));
    expect(await owner.call('members.search', { q: '13800138000' })).toEqual([]);
  });
});

describe('import: files that are not tables', () => {
  it('refuses a binary file and names an old .xls for what it is', async () => {
    const { owner } = await openShop();
    const dir = tempDir();
    const png = join(dir, 'logo.png');
    writeFileSync(png, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48]));
    expect((await owner.fail('io.stageFile', { path: png, name: 'logo.png' })).messageKey).toBe(
      'errors.io.fileUnreadable',
    );
    const xls = join(dir, 'old.xls');
    writeFileSync(xls, Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]));
    expect((await owner.fail('io.stageFile', { path: xls, name: 'old.xls' })).messageKey).toBe('errors.io.oldExcel');
  });
});
