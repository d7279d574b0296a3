import { appendFileSync, mkdirSync, renameSync, statSync } from 'node:fs';
import { join } from 'node:path';

export interface Logger {
  info(event: string, details?: Record<string, unknown>): void;
  error(event: string, details?: Record<string, unknown>): void;
}

const maxBytes = 5 * 1024 * 1024;

function errorDetails(value: unknown): unknown {
  if (value instanceof Error) return { name: value.name, message: value.message, stack: value.stack };
  return value;
}

/**
 * JSON lines in `<data>/logs/liuke.log`, rolled at 5 MB. Callers pass events and ids, never keys,
 * passphrases, passwords or member details.
 */
export function fileLogger(dir: string, echo = process.env.LIUKE_LOG_ECHO === '1'): Logger {
  mkdirSync(dir, { recursive: true });
  const file = join(dir, 'liuke.log');
  const write = (level: string, event: string, details?: Record<string, unknown>) => {
    const safe = details
      ? Object.fromEntries(Object.entries(details).map(([k, v]) => [k, errorDetails(v)]))
      : undefined;
    const line = JSON.stringify({ at: new Date().toISOString(), level, event, ...safe });
    try {
      if ((statSync(file, { throwIfNoEntry: false })?.size ?? 0) > maxBytes) renameSync(file, `${file}.1`);
      appendFileSync(file, `${line}\n`);
    } catch {
      // A full disk must not take the counter down with it.
    }
    if (echo || level === 'error') console[level === 'error' ? 'error' : 'log'](line);
  };
  return { info: (e, d) => write('info', e, d), error: (e, d) => write('error', e, d) };
}
