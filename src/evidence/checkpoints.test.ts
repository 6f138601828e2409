// The checkpointer's `seconds` timer, and where the signing key comes from (a PEM file, or ELEANOR_EVIDENCE_SIGNING_KEY).
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { withCheckpoints } from './checkpointed-store.js';
import { checkpointSigningKey, SIGNING_KEY_ENV } from './checkpoint-setup.js';
import { Checkpointer } from './checkpoints.js';
import { generateSigningKeyPem, signingKeyFrom } from './signing.js';
import { SqliteEvidenceStore } from './sqlite/sqlite-store.js';
import { evaluationRequest } from './store.conformance.js';
import type { Checkpoint } from './types.js';

const dir = mkdtempSync(join(tmpdir(), 'eleanor-checkpoints-unit-'));
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllEnvs();
});

describe('Checkpointer: every `seconds`', () => {
  it('signs the chains with records since their last checkpoint at each tick, and nothing when there are none', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    const key = signingKeyFrom(generateSigningKeyPem().privateKeyPem, 'test key');
    const witness = join(dir, 'seconds.jsonl');
    const store = new SqliteEvidenceStore({ path: ':memory:' });
    const seen: Checkpoint[] = [];
    let waiting: { count: number; resolve: () => void } | undefined;
    const signedUpTo = (count: number): Promise<void> =>
      seen.length >= count ? Promise.resolve() : new Promise((resolve) => (waiting = { count, resolve }));
    const onSigned = (c: Checkpoint): void => {
      seen.push(c);
      if (waiting !== undefined && seen.length >= waiting.count) waiting.resolve();
    };
    const checkpointer = new Checkpointer(store, { every: 1_000, seconds: 60, key, witness, onSigned }, (error) => {
      throw error;
    });
    const writing = withCheckpoints(store, checkpointer);
    await writing.append(evaluationRequest('s1', 'alpha'));
    await writing.append(evaluationRequest('s2', 'alpha'));
    await writing.append(evaluationRequest('s3', 'beta'));
    vi.advanceTimersByTime(59_999);
    expect(seen).toEqual([]); // 3 records, far from `every`, and the minute not yet up
    vi.advanceTimersByTime(1);
    await signedUpTo(2);
    expect(seen.map((c) => `${c.chain}@${c.seq}`).sort()).toEqual(['alpha@2', 'beta@1']);
    // A tick with nothing new signs nothing (flush waits for whatever the tick started, and finds nothing new).
    vi.advanceTimersByTime(60_000);
    await checkpointer.flush();
    expect(seen).toHaveLength(2);
    expect(readFileSync(witness, 'utf8').trim().split('\n')).toHaveLength(2);
    await writing.append(evaluationRequest('s4', 'alpha'));
    vi.advanceTimersByTime(60_000);
    await signedUpTo(3);
    expect(seen[2]).toMatchObject({ chain: 'alpha', seq: 3 });
    await checkpointer.close();
    await store.close();
  });
});

describe('checkpointSigningKey', () => {
  const pem = generateSigningKeyPem();
  const file = join(dir, 'signing.pem');
  writeFileSync(file, pem.privateKeyPem, { mode: 0o600 });

  it('reads the configured file (relative to baseDir), else the PEM in ELEANOR_EVIDENCE_SIGNING_KEY', () => {
    const other = generateSigningKeyPem();
    vi.stubEnv(SIGNING_KEY_ENV, other.privateKeyPem);
    expect(checkpointSigningKey({ signingKey: 'signing.pem', witness: 'w' }, dir).keyId).toBe(pem.keyId);
    expect(checkpointSigningKey({ witness: 'w' }, dir).keyId).toBe(other.keyId);
  });

  it('names the field when there is neither, and the variable when its PEM is not a key', () => {
    vi.stubEnv(SIGNING_KEY_ENV, '');
    expect(() => checkpointSigningKey({ witness: 'w' }, dir)).toThrow(
      /^evidence\.checkpoints\.signingKey: expected a PEM file, or the PEM in ELEANOR_EVIDENCE_SIGNING_KEY; got neither$/,
    );
    vi.stubEnv(SIGNING_KEY_ENV, 'not a key');
    expect(() => checkpointSigningKey({ witness: 'w' }, dir)).toThrow(
      /^ELEANOR_EVIDENCE_SIGNING_KEY: expected an Ed25519/,
    );
  });
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));
