import { safeStorage } from 'electron';
import type { OsKeyStore } from '../core/keyStore.js';

/**
 * The OS key store behind Electron's safeStorage (DPAPI on Windows, Keychain on macOS, libsecret
 * or kwallet on Linux). Linux's `basic_text` backend encrypts with a hard-coded password, which
 * protects nothing: it counts as unavailable and the recovery passphrase is asked at start.
 */
export const safeStorageKeyStore: OsKeyStore = {
  isAvailable() {
    if (!safeStorage.isEncryptionAvailable()) return false;
    if (process.platform === 'linux' && safeStorage.getSelectedStorageBackend() === 'basic_text') return false;
    return true;
  },
  encrypt: (plain) => safeStorage.encryptString(plain.toString('base64')),
  decrypt: (sealed) => Buffer.from(safeStorage.decryptString(sealed), 'base64'),
};
