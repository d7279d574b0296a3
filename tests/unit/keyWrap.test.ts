import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  BadPassphraseError,
  generatePassphrase,
  normalizePassphrase,
  unwrapWithPassphrase,
  wrapWithPassphrase,
} from '../../electron/core/keyWrap.js';

const format = /^[A-Z2-9]{4}(-[A-Z2-9]{4}){5}$/;

describe('generatePassphrase', () => {
  it('makes six groups of four from an alphabet without look-alikes', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 200; i++) {
      const p = generatePassphrase();
      expect(p).toMatch(format);
      expect(p).not.toMatch(/[01OIL]/);
      seen.add(p);
    }
    expect(seen.size).toBe(200);
  });
});

describe('normalizePassphrase', () => {
  it('accepts lower case, spaces and missing dashes', () => {
    expect(normalizePassphrase('k7px-3mqa')).toBe('K7PX3MQA');
    expect(normalizePassphrase(' K7PX 3MQA ')).toBe('K7PX3MQA');
    expect(normalizePassphrase('K7PX—3MQA')).toBe('K7PX3MQA');
  });
});

describe('wrap and unwrap', () => {
  it('round-trips the key and never stores it in the clear', async () => {
    const key = randomBytes(32);
    const passphrase = generatePassphrase();
    const wrap = await wrapWithPassphrase(key, passphrase);
    expect(wrap.kdf).toBe('scrypt');
    expect(wrap.N).toBeGreaterThanOrEqual(2 ** 16);
    expect(Buffer.from(wrap.salt, 'base64')).toHaveLength(16);
    expect(Buffer.from(wrap.iv, 'base64')).toHaveLength(12);
    expect(Buffer.from(wrap.ciphertext, 'base64').equals(key)).toBe(false);
    expect(JSON.stringify(wrap)).not.toContain(key.toString('hex'));
    expect(JSON.stringify(wrap)).not.toContain(key.toString('base64'));
    expect((await unwrapWithPassphrase(wrap, passphrase)).equals(key)).toBe(true);
  });

  it('unwraps with the passphrase typed in lower case, without dashes or with spaces', async () => {
    const key = randomBytes(32);
    const passphrase = generatePassphrase();
    const wrap = await wrapWithPassphrase(key, passphrase);
    for (const typed of [
      passphrase.toLowerCase(),
      passphrase.replace(/-/g, ''),
      passphrase.replace(/-/g, ' ').toLowerCase(),
    ]) {
      expect((await unwrapWithPassphrase(wrap, typed)).equals(key)).toBe(true);
    }
  });

  it('refuses a wrong passphrase', async () => {
    const wrap = await wrapWithPassphrase(randomBytes(32), 'AAAA-BBBB-CCCC-DDDD-EEEE-FFFF');
    await expect(unwrapWithPassphrase(wrap, 'AAAA-BBBB-CCCC-DDDD-EEEE-FFFG')).rejects.toBeInstanceOf(
      BadPassphraseError,
    );
  });

  it('refuses a wrap whose ciphertext or tag was tampered with', async () => {
    const passphrase = generatePassphrase();
    const wrap = await wrapWithPassphrase(randomBytes(32), passphrase);
    const ct = Buffer.from(wrap.ciphertext, 'base64');
    ct[0] = ct[0]! ^ 1;
    await expect(
      unwrapWithPassphrase({ ...wrap, ciphertext: ct.toString('base64') }, passphrase),
    ).rejects.toBeInstanceOf(BadPassphraseError);
    const tag = Buffer.from(wrap.tag, 'base64');
    tag[0] = tag[0]! ^ 1;
    await expect(unwrapWithPassphrase({ ...wrap, tag: tag.toString('base64') }, passphrase)).rejects.toBeInstanceOf(
      BadPassphraseError,
    );
  });

  it('salts every wrap: one key under one passphrase wraps differently each time', async () => {
    const key = randomBytes(32);
    const a = await wrapWithPassphrase(key, 'AAAA-BBBB-CCCC-DDDD-EEEE-FFFF');
    const b = await wrapWithPassphrase(key, 'AAAA-BBBB-CCCC-DDDD-EEEE-FFFF');
    expect(a.salt).not.toBe(b.salt);
    expect(a.ciphertext).not.toBe(b.ciphertext);
  });
});
