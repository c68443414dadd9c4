import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';

/** An AES key: ASCII text of 16, 24 or 32 characters (as panels are configured) or raw bytes. */
export type Dc09Key = string | Uint8Array;

const ZERO_IV = new Uint8Array(16);
const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** The key's bytes, or null unless it is 16, 24 or 32 bytes long (AES-128/192/256). */
export function keyBytes(key: Dc09Key): Uint8Array | null {
  const bytes = typeof key === 'string' ? Buffer.from(key, 'latin1') : key;
  return bytes.length === 16 || bytes.length === 24 || bytes.length === 32 ? bytes : null;
}

function algorithm(key: Uint8Array): string {
  return `aes-${key.length * 8}-cbc`;
}

/**
 * Decrypt the hex ciphertext of an encrypted DC-09 frame (AES-CBC, zero IV, no block padding) to
 * Latin-1 text. Null when the hex is malformed or not a whole number of blocks. Never throws.
 */
export function decryptHex(cipherHex: string, key: Uint8Array): string | null {
  if (cipherHex.length === 0 || cipherHex.length % 32 !== 0 || !/^[0-9A-Fa-f]+$/.test(cipherHex)) return null;
  try {
    const decipher = createDecipheriv(algorithm(key), key, ZERO_IV);
    decipher.setAutoPadding(false);
    const out = Buffer.concat([decipher.update(Buffer.from(cipherHex, 'hex')), decipher.final()]);
    return out.toString('latin1');
  } catch {
    return null;
  }
}

/** Random alphanumeric padding, as DC-09 senders put in front of the plaintext. */
export function randomPad(length: number): string {
  const bytes = randomBytes(length);
  let s = '';
  for (const b of bytes) s += ALNUM[b % ALNUM.length];
  return s;
}

/**
 * Padding derived from a seed (SHA-256, mapped to alphanumerics): the same seed gives the same
 * padding, so a decoder that answers with encrypted replies stays deterministic, while replies to
 * different frames or at different times still get different padding.
 */
export function derivedPad(seed: string | Uint8Array): (length: number) => string {
  return (length) => {
    let s = '';
    for (let round = 0; s.length < length; round++) {
      for (const b of createHash('sha256').update(`${round}:`).update(seed).digest()) s += ALNUM[b % ALNUM.length];
    }
    return s.slice(0, length);
  };
}

/**
 * Encrypt `plaintext` for a DC-09 frame: pad in front to a whole number of 16-byte blocks (`pad`
 * makes the padding; random alphanumerics by default), AES-CBC with a zero IV, uppercase hex.
 */
export function encryptToHex(plaintext: string, key: Uint8Array, pad: (length: number) => string = randomPad): string {
  const padLength = (16 - (plaintext.length % 16)) % 16;
  const cipher = createCipheriv(algorithm(key), key, ZERO_IV);
  cipher.setAutoPadding(false);
  const padding = pad(padLength).padEnd(padLength, '0').slice(0, padLength);
  const text = Buffer.from(padding + plaintext, 'latin1');
  return Buffer.concat([cipher.update(text), cipher.final()]).toString('hex').toUpperCase();
}
