import { createHmac } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateKeySecret, keySecretFrom, keyedHash, resolveKeySecret } from './api-key-secret.js';

const SECRET = 'a-key-secret-of-thirty-two-bytes!';

describe('the API-key secret', () => {
  it('computes HMAC-SHA-256 as RFC 4231 test case 6 publishes it', () => {
    const key = Buffer.alloc(131, 0xaa);
    expect(keyedHash(key, 'Test Using Larger Than Block-Size Key - Hash Key First')).toBe(
      '60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54',
    );
  });

  it('takes the trimmed text as the secret and refuses one under 32 bytes, naming where it came from', () => {
    expect(keySecretFrom(`  ${SECRET}\n`, 'x')).toEqual(Buffer.from(SECRET));
    expect(() => keySecretFrom('é'.repeat(15), 'http.keySecretFile')).toThrow(
      /^http\.keySecretFile: expected a secret of at least 32 bytes, got 30 \(eleanor keys secret makes one\)$/,
    );
    expect(keySecretFrom('é'.repeat(16), 'x')).toHaveLength(32); // bytes, not characters
  });

  it('prefers ELEANOR_API_KEY_SECRET to the file, reads the file relative to baseDir, and is absent without both', () => {
    const dir = mkdtempSync(join(tmpdir(), 'eleanor-secret-'));
    writeFileSync(join(dir, 'secret'), `${SECRET}-from-file\n`);
    expect(resolveKeySecret('secret', dir, {})?.toString()).toBe(`${SECRET}-from-file`);
    expect(resolveKeySecret('secret', dir, { ELEANOR_API_KEY_SECRET: SECRET })?.toString()).toBe(SECRET);
    expect(resolveKeySecret(undefined, dir, {})).toBeUndefined();
    expect(() => resolveKeySecret('missing', dir, {})).toThrow(/^http\.keySecretFile: cannot read the key secret file/);
  });

  it('makes new secrets of 256 random bits that are accepted as they are printed', () => {
    const secrets = new Set(Array.from({ length: 100 }, generateKeySecret));
    expect(secrets.size).toBe(100);
    for (const s of secrets) {
      expect(Buffer.from(s, 'base64url')).toHaveLength(32);
      expect(keySecretFrom(s, 'x').length).toBeGreaterThanOrEqual(32);
    }
    expect(keyedHash(Buffer.from(SECRET), 'k')).toBe(createHmac('sha256', SECRET).update('k').digest('hex'));
  });
});
