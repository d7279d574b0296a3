import { existsSync, readFileSync } from 'node:fs';
import { z } from 'zod';
import { writeFileAtomic } from './files.js';
import type { PassphraseWrap } from './keyWrap.js';

/**
 * The OS key store (Electron `safeStorage` on the desktop). Only the shell implements it; browser
 * mode has none and unlocks with the recovery passphrase.
 */
export interface OsKeyStore {
  /** False where the store protects nothing (Linux `basic_text`) — treated as absent. */
  isAvailable(): boolean;
  encrypt(plain: Buffer): Buffer;
  decrypt(sealed: Buffer): Buffer;
}

const keyFileSchema = z.object({
  version: z.literal(1),
  createdAt: z.string(),
  recovery: z.object({
    kdf: z.literal('scrypt'),
    N: z.number().int().positive(),
    r: z.number().int().positive(),
    p: z.number().int().positive(),
    salt: z.string(),
    iv: z.string(),
    tag: z.string(),
    ciphertext: z.string(),
  }),
});
export type KeyFile = z.infer<typeof keyFileSchema>;

export class KeyFileError extends Error {
  constructor(readonly reason: 'missing' | 'damaged') {
    super(`key file ${reason}`);
    this.name = 'KeyFileError';
  }
}

export function readKeyFile(path: string): KeyFile {
  if (!existsSync(path)) throw new KeyFileError('missing');
  try {
    return keyFileSchema.parse(JSON.parse(readFileSync(path, 'utf8')));
  } catch {
    throw new KeyFileError('damaged');
  }
}

export function writeKeyFile(path: string, recovery: PassphraseWrap, createdAt: string): void {
  const file: KeyFile = { version: 1, createdAt, recovery };
  writeFileAtomic(path, JSON.stringify(file, null, 2));
}
