import type { Statement } from 'better-sqlite3-multiple-ciphers';
import type { SqliteDb } from '../../../db/open.js';
import type { ImportMode, ImportPreviewRow, ImportRowStatus } from '../../../shared/domain.js';

/** What an importable entity does with file rows: classify against the shop, write, show. */
export interface RowWriter<Row = unknown> {
  classify(line: number, cells: string[]): Classified<Row>;
  /** Writes a `new` or `update` row; records a refused or skipped one for the error report. */
  write(c: Classified<Row>, batchId: number): void;
  preview(c: Classified<Row>): ImportPreviewRow;
}

/** One file row after classification. */
export interface Classified<Row = unknown> {
  line: number;
  cells: string[];
  status: ImportRowStatus;
  reason?: string;
  field?: string;
  row?: Row;
  /** The existing member the row matched. */
  memberId?: number;
  /** Columns an update changes: `{ column: [before, after] }`. */
  changes?: Record<string, [unknown, unknown]>;
}

export interface WriterSetup {
  raw: SqliteDb;
  mode: ImportMode;
  /** The field each file column goes to. */
  mapping: (string | null)[];
  today: string;
  nowIso: string;
  staffId: number;
  memberNoPrefix: string;
  /** The shop's time zone and day-start hour: a file's times are its wall clock. */
  timeZone: string;
  dayStartHour: number;
}

const updates = new Map<string, Statement>();
/** Sets some columns of one member; statements are kept per column set (a file updates the same few). */
export function setColumns(
  raw: SqliteDb,
  id: number,
  values: Record<string, unknown>,
  nowIso: string,
  staffId: number | null,
): void {
  const cols = Object.keys(values);
  const key = cols.join(',');
  let stmt = updates.get(key);
  if (!stmt || stmt.database !== raw) {
    stmt = raw.prepare(
      `update members set ${cols.map((c) => `${c} = ?`).join(', ')}, updated_at = ?, updated_by = ? where id = ?`,
    );
    updates.set(key, stmt);
  }
  stmt.run(...cols.map((c) => values[c]), nowIso, staffId, id);
}
