import type { FastifyRequest } from 'fastify';
import { describe, expect, it } from 'vitest';
import { keyedHash } from '../engine/config/api-key-secret.js';
import { Keyring, generateApiKey, sha256Hex } from './auth.js';

const SECRET = Buffer.from('the-secret-the-keys-were-made-with');
const request = (key: string) => ({ headers: { authorization: `Bearer ${key}` } }) as unknown as FastifyRequest;

describe('generateApiKey', () => {
  it('carries 256 random bits: 32 bytes, every key distinct, every bit set about half the time', () => {
    const keys = Array.from({ length: 2_000 }, () => generateApiKey().key);
    expect(new Set(keys).size).toBe(keys.length);
    const ones = new Array<number>(256).fill(0);
    for (const key of keys) {
      expect(key).toMatch(/^elk_[A-Za-z0-9_-]{43}$/);
      const bytes = Buffer.from(key.slice(4), 'base64url');
      expect(bytes).toHaveLength(32);
      for (let bit = 0; bit < 256; bit++) ones[bit]! += (bytes[bit >> 3]! >> (bit & 7)) & 1;
    }
    // A fixed or partly fixed key (fewer random bits) leaves some bit always 0 or 1; 2,000 fair draws stay in 40–60 %.
    for (const count of ones) expect(count / keys.length).toBeGreaterThan(0.4);
    for (const count of ones) expect(count / keys.length).toBeLessThan(0.6);
  });

  it('gives the keyed hash under a secret, and the bare SHA-256 as well', () => {
    const made = generateApiKey(SECRET);
    expect(made.hmac).toBe(keyedHash(SECRET, made.key));
    expect(made.sha256).toBe(sha256Hex(made.key));
    expect(generateApiKey().hmac).toBeUndefined();
  });
});

describe('Keyring', () => {
  const keyed = 'keyed-key-0123456789abcdef0123456789';
  const legacy = 'legacy-key-0123456789abcdef0123456789';
  const keyring = new Keyring(
    [
      { id: 'kay', roles: ['evaluator'], hmac: keyedHash(SECRET, keyed) },
      { id: 'lee', roles: ['reviewer'], sha256: sha256Hex(legacy) },
    ],
    SECRET,
  );

  it('finds keyed-hash and legacy SHA-256 entries alike, and names the legacy ones', () => {
    expect(keyring.authenticate(request(keyed)).id).toBe('kay');
    expect(keyring.authenticate(request(legacy)).id).toBe('lee');
    expect(keyring.legacyIds).toEqual(['lee']);
    expect(keyring.size).toBe(2);
  });

  it('refuses a key whose bare SHA-256 is an hmac entry, or one made under another secret', () => {
    const bySha = new Keyring([{ id: 'x', roles: ['admin'], hmac: sha256Hex(keyed) }], SECRET);
    expect(() => bySha.authenticate(request(keyed))).toThrow(/the API key is not valid/);
    const other = new Keyring(
      [{ id: 'x', roles: ['admin'], hmac: keyedHash(SECRET, keyed) }],
      Buffer.from('another-secret-of-32-bytes-or-more'),
    );
    expect(() => other.authenticate(request(keyed))).toThrow(/the API key is not valid/);
  });

  it('refuses an hmac entry without the secret, naming the entry and the settings that give it', () => {
    expect(
      () =>
        new Keyring([
          { id: 'lee', roles: ['admin'], sha256: sha256Hex(legacy) },
          { id: 'kay', roles: ['admin'], hmac: keyedHash(SECRET, keyed) },
        ]),
    ).toThrow(
      "http.apiKeys.1.hmac: the key 'kay' is stored as a keyed hash, which needs the secret it was made with: expected http.keySecretFile or ELEANOR_API_KEY_SECRET, got neither",
    );
  });
});
