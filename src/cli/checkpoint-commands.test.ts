// `eleanor evidence keygen`: a usable Ed25519 pair, the private half readable by its owner only, never overwritten.
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { publicKeyFromFile, signatureHolds, signingKeyFrom, signText } from '../evidence/signing.js';
import { keygenCommand } from './checkpoint-commands.js';

describe('eleanor evidence keygen', () => {
  const dir = mkdtempSync(join(tmpdir(), 'eleanor-keygen-'));
  afterEach(() => vi.restoreAllMocks());

  it('writes FILE (mode 0600) and FILE.pub, which verify each other, and refuses to overwrite them', () => {
    vi.spyOn(console, 'log').mockImplementation(() => undefined);
    const out = join(dir, 'signing.pem');
    expect(keygenCommand({ out })).toBe(0);
    expect(statSync(out).mode & 0o777).toBe(0o600);
    const key = signingKeyFrom(readFileSync(out, 'utf8'), 'test');
    const publicKey = publicKeyFromFile(`${out}.pub`, '--public-key');
    expect(signatureHolds(publicKey, 'a checkpoint', signText(key, 'a checkpoint'))).toBe(true);
    expect(signatureHolds(publicKey, 'another checkpoint', signText(key, 'a checkpoint'))).toBe(false);
    expect(() => keygenCommand({ out })).toThrow(/exists; a signing key is never overwritten/);
    rmSync(dir, { recursive: true, force: true });
  });

  it('names the field when a key is not Ed25519 PEM', () => {
    expect(() => signingKeyFrom('not a key', 'evidence.checkpoints.signingKey')).toThrow(
      /^evidence.checkpoints.signingKey: expected an Ed25519 key in PEM/,
    );
  });
});
