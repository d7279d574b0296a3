import { afterEach, describe, expect, it } from 'vitest';
import { expected, rows, writeFixture, type FixtureKind } from '../fixtures/importFiles.js';
import { closeShops, openShop, tempDir } from './harness.js';
import { importFile, preview, stage } from './ioHelpers.js';

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
          notes: '多行 备注',
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
