import { parse } from 'csv-parse';
import ExcelJS from 'exceljs';
import { decodedStream, type TextEncoding } from './fileText.js';

/** A staged file as the readers need it. */
export interface TableSource {
  path: string;
  format: 'csv' | 'xlsx';
  /** Text files only. */
  encoding: TextEncoding | null;
  delimiter: string;
}

/** One row of the table: its row number as a spreadsheet shows it (the header is row 1), and its cells. */
export interface TableRow {
  line: number;
  cells: string[];
}

const isBlank = (cells: string[]) => cells.every((c) => c.trim() === '');

/** Every non-blank row, header first, streamed: a 1,000,000-row file is never held whole. */
export async function* readTable(src: TableSource): AsyncGenerator<TableRow> {
  if (src.format === 'xlsx') yield* readXlsx(src.path);
  else yield* readCsv(src);
}

async function* readCsv(src: TableSource): AsyncGenerator<TableRow> {
  const parser = decodedStream(src.path, src.encoding ?? 'utf-8').pipe(
    parse({
      delimiter: src.delimiter,
      relax_column_count: true,
      // A stray quote inside an unquoted cell (5" screen) is text, as Excel reads it.
      relax_quotes: true,
      skip_empty_lines: false,
    }),
  );
  let line = 0;
  for await (const record of parser as AsyncIterable<string[]>) {
    line++;
    if (!isBlank(record)) yield { line, cells: record };
  }
}

/** What a spreadsheet cell holds, as the text a clerk sees in it. */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return Number.isInteger(value) ? value.toFixed(0) : String(value);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  // Excel dates carry no zone; exceljs gives their wall clock as UTC. A time of day (a purchase's)
  // is kept; the date readers take the date off a "2025-03-01 14:30:00" as they do off a CSV's.
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return '';
    const iso = value.toISOString();
    const time = iso.slice(11, 19);
    return time === '00:00:00' ? iso.slice(0, 10) : `${iso.slice(0, 10)} ${time}`;
  }
  if (typeof value === 'object') {
    const v = value as { richText?: { text: string }[]; text?: unknown; result?: unknown; error?: string };
    if (v.richText) return v.richText.map((r) => r.text).join('');
    if ('result' in v) return cellText(v.result);
    if (v.text !== undefined) return cellText(v.text);
    if (v.error) return v.error;
  }
  return String(value);
}

/** The first worksheet of a workbook; cells by column, gaps filled with empty text. */
async function* readXlsx(path: string): AsyncGenerator<TableRow> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(path, {
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    // Styles tell a date cell from a number; without them dates would arrive as serial numbers.
    styles: 'cache',
    worksheets: 'emit',
    entries: 'ignore',
  });
  for await (const sheet of reader) {
    for await (const row of sheet) {
      const values = row.values as unknown[];
      const cells: string[] = [];
      for (let c = 1; c < values.length; c++) cells.push(cellText(values[c]));
      if (!isBlank(cells)) yield { line: row.number, cells };
    }
    return;
  }
}
