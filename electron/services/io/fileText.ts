import { createReadStream } from 'node:fs';
import iconv from 'iconv-lite';

/**
 * How a text file is encoded. A BOM is honoured; otherwise the whole file must be valid UTF-8 to be
 * read as UTF-8; anything else is GB18030, which is what Excel's "Save as CSV" writes on Chinese
 * Windows (GBK is a subset of it).
 */
export const textEncodings = ['utf-8-bom', 'utf-8', 'gb18030', 'utf-16le', 'utf-16be'] as const;
export type TextEncoding = (typeof textEncodings)[number];

function bomOf(head: Buffer): TextEncoding | null {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return 'utf-8-bom';
  if (head[0] === 0xff && head[1] === 0xfe) return 'utf-16le';
  if (head[0] === 0xfe && head[1] === 0xff) return 'utf-16be';
  return null;
}

export async function detectEncoding(path: string): Promise<TextEncoding> {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let first = true;
  try {
    for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 }) as AsyncIterable<Buffer>) {
      if (first) {
        const bom = bomOf(chunk);
        if (bom) return bom;
        first = false;
      }
      decoder.decode(chunk, { stream: true });
    }
    decoder.decode();
  } catch (e) {
    if (e instanceof TypeError) return 'gb18030';
    throw e;
  }
  return 'utf-8';
}

/** The file's text as a stream of strings, BOM removed. */
export function decodedStream(path: string, encoding: TextEncoding): NodeJS.ReadWriteStream {
  const name = encoding === 'utf-8-bom' ? 'utf-8' : encoding;
  // iconv-lite strips a BOM by default.
  return createReadStream(path, { highWaterMark: 1 << 20 }).pipe(iconv.decodeStream(name));
}

/** Text for a file written back in the encoding a shop's file came in (the error report). */
export function encodeText(text: string, encoding: TextEncoding): Buffer {
  if (encoding === 'utf-8') return Buffer.from(text, 'utf8');
  if (encoding === 'utf-8-bom') return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]);
  return iconv.encode(text, encoding, { addBOM: encoding !== 'gb18030' });
}

/**
 * The delimiter of a text table: the candidate that appears, outside quotes, the same non-zero
 * number of times on most of the first lines.
 */
export function sniffDelimiter(sample: string, fileName: string): string {
  const lines = splitLogicalLines(sample).slice(0, 20);
  let best = fileName.toLowerCase().endsWith('.tsv') ? '\t' : ',';
  let bestScore = 0;
  for (const d of [',', '\t', ';', '|']) {
    const counts = lines.map((l) => countOutsideQuotes(l, d));
    const first = counts[0] ?? 0;
    if (!first) continue;
    const score = counts.filter((c) => c === first).length * 100 + first;
    if (score > bestScore) {
      best = d;
      bestScore = score;
    }
  }
  return best;
}

/** Lines, keeping a quoted field's line breaks inside its line; the last, possibly cut, line dropped. */
function splitLogicalLines(text: string): string[] {
  const out: string[] = [];
  let quoted = false;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"') quoted = !quoted;
    else if (c === '\n' && !quoted) {
      out.push(text.slice(start, i));
      start = i + 1;
    }
  }
  return out.length ? out : [text];
}

function countOutsideQuotes(line: string, d: string): number {
  let n = 0;
  let quoted = false;
  for (const c of line) {
    if (c === '"') quoted = !quoted;
    else if (c === d && !quoted) n++;
  }
  return n;
}
