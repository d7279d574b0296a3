import { createCipheriv, createDecipheriv, randomBytes, randomInt, scrypt as scryptCb } from 'node:crypto';
import { promisify } from 'node:util';

const scrypt = promisify(scryptCb) as (
  password: string,
  salt: Buffer,
  keylen: number,
  options: { N: number; r: number; p: number; maxmem: number },
) => Promise<Buffer>;

/**
 * The data key wrapped by the recovery passphrase: scrypt stretches the passphrase, AES-256-GCM
 * seals the key. The parameters travel with the wrap so they can be raised later without breaking
 * old key files.
 */
export interface PassphraseWrap {
  kdf: 'scrypt';
  N: number;
  r: number;
  p: number;
  salt: string;
  iv: string;
  tag: string;
  ciphertext: string;
}

export class BadPassphraseError extends Error {
  constructor() {
    super('passphrase does not unwrap the key');
    this.name = 'BadPassphraseError';
  }
}

/** 2^16 × 8 × 128 bytes = 64 MiB and ~0.2 s here: slow for a guesser, fine once a day. */
const defaults = { N: 2 ** 16, r: 8, p: 1 };
const aad = Buffer.from('liuke-data-key-v1');
// No 0/O, 1/I/L: the passphrase is copied by hand from paper.
const alphabet = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

/** Six groups of four (about 119 bits), e.g. "K7PX-3MQA-…". Made by the app, never chosen. */
export function generatePassphrase(): string {
  const groups: string[] = [];
  for (let g = 0; g < 6; g++) {
    let s = '';
    for (let i = 0; i < 4; i++) s += alphabet[randomInt(alphabet.length)];
    groups.push(s);
  }
  return groups.join('-');
}

/** Accepts what people type back: lower case, spaces or no dashes. */
export function normalizePassphrase(input: string): string {
  return input.toUpperCase().replace(/[^A-Z0-9]/g, '');
}

async function derive(passphrase: string, salt: Buffer, N: number, r: number, p: number): Promise<Buffer> {
  return scrypt(normalizePassphrase(passphrase), salt, 32, { N, r, p, maxmem: 256 * N * r + 1024 * 1024 });
}

export async function wrapWithPassphrase(key: Buffer, passphrase: string): Promise<PassphraseWrap> {
  const salt = randomBytes(16);
  const iv = randomBytes(12);
  const kek = await derive(passphrase, salt, defaults.N, defaults.r, defaults.p);
  const cipher = createCipheriv('aes-256-gcm', kek, iv);
  cipher.setAAD(aad);
  const ciphertext = Buffer.concat([cipher.update(key), cipher.final()]);
  return {
    kdf: 'scrypt',
    ...defaults,
    salt: salt.toString('base64'),
    iv: iv.toString('base64'),
    tag: cipher.getAuthTag().toString('base64'),
    ciphertext: ciphertext.toString('base64'),
  };
}

export async function unwrapWithPassphrase(wrap: PassphraseWrap, passphrase: string): Promise<Buffer> {
  const kek = await derive(passphrase, Buffer.from(wrap.salt, 'base64'), wrap.N, wrap.r, wrap.p);
  const decipher = createDecipheriv('aes-256-gcm', kek, Buffer.from(wrap.iv, 'base64'));
  decipher.setAAD(aad);
  decipher.setAuthTag(Buffer.from(wrap.tag, 'base64'));
  try {
    return Buffer.concat([decipher.update(Buffer.from(wrap.ciphertext, 'base64')), decipher.final()]);
  } catch {
    throw new BadPassphraseError();
  }
}
