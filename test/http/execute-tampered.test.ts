// POST /v1/evaluations/:traceId/execute releases nothing from a tampered store (issue 16, point 1): 409
// EVIDENCE_TAMPERED naming the record, for a byte flipped in place and for a rewrite with every later hash recomputed.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chainHash, GENESIS_HASH } from '../../src/evidence/canonical.js';
import { generateSigningKeyPem } from '../../src/evidence/signing.js';
import { BENIGN_REQUEST, KEYS, call, startTestServer, type TestServer } from '../support/http.js';
import { withoutTriggers } from '../support/sqlite.js';

const dir = mkdtempSync(join(tmpdir(), 'eleanor-execute-tampered-'));
const db = join(dir, 'e.db');
writeFileSync(join(dir, 'signing.pem'), generateSigningKeyPem().privateKeyPem, { mode: 0o600 });

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer({
    baseDir: dir,
    evidence: {
      store: 'sqlite',
      path: 'e.db',
      checkpoints: { every: 1, signingKey: 'signing.pem', witness: 'w.jsonl' },
    },
  });
  for (const id of ['x-1', 'x-2', 'x-3', 'x-4']) {
    const res = await call(`${t.url}/v1/evaluations`, {
      key: KEYS.evaluator,
      body: { ...BENIGN_REQUEST, traceId: id },
    });
    expect(res.status).toBe(200);
  }
  // The checkpoints are signed in the background: wait until one covers the last record.
  for (let i = 0; i < 200; i++) {
    const page = await call(`${t.url}/v1/evidence/checkpoints`, { key: KEYS.admin });
    if (page.body.checkpoints.some((c: { seq: number }) => c.seq >= 4)) break;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
});
afterAll(async () => {
  await t.close();
  rmSync(dir, { recursive: true, force: true });
});

const execute = (id: string) => call(`${t.url}/v1/evaluations/${id}/execute`, { key: KEYS.evaluator, method: 'POST' });

describe('POST /v1/evaluations/:traceId/execute on a tampered store', () => {
  it('releases an intact record', async () => {
    const res = await execute('x-2');
    expect(res.status).toBe(200);
    expect(res.body.modelResponse).toBe(BENIGN_REQUEST.modelResponse);
  });

  it('answers 409 EVIDENCE_TAMPERED, with nothing of the record, for a byte changed in place', async () => {
    withoutTriggers(db, (raw) =>
      raw.prepare("UPDATE evidence SET record = replace(record, 'ten seconds', 'ten secondz') WHERE seq = 4").run(),
    );
    const res = await execute('x-4');
    expect(res.status).toBe(409);
    expect(res.body).toEqual({
      code: 'EVIDENCE_TAMPERED',
      message: expect.stringMatching(/seq 4\) fails verification at seq 4: the record does not match its hash/),
      path: '',
    });
  });

  it('answers 409 for a response rewritten with every later hash recomputed, which the chain alone would pass', async () => {
    withoutTriggers(db, (raw) => {
      const rows = raw
        .prepare<[], { seq: number; record: string }>('SELECT seq, record FROM evidence ORDER BY seq')
        .all();
      let prev = GENESIS_HASH;
      for (const row of rows) {
        const record = row.seq === 1 ? row.record.replace('Unplug it', 'Open it up') : row.record;
        const hash = chainHash(prev, record);
        raw
          .prepare('UPDATE evidence SET record = ?, prev_hash = ?, hash = ? WHERE seq = ?')
          .run(record, prev, hash, row.seq);
        prev = hash;
      }
    });
    const res = await execute('x-1');
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('EVIDENCE_TAMPERED');
    expect(res.body.message).toMatch(/the head signed in the checkpoint at seq 1/);
    expect(JSON.stringify(res.body)).not.toContain('Open it up');
  });
});
