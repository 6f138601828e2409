// Trace ids scoped per chain over HTTP (no cross-tenant oracle), and GET /v1/evidence/checkpoints.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkpointText } from '../../src/evidence/checkpoint-text.js';
import { reviewSignatureProblem } from '../../src/evidence/review-signature.js';
import { generateSigningKeyPem, keyIdOf, signatureHolds, signingKeyFrom } from '../../src/evidence/signing.js';
import type { ReviewRecord } from '../../src/evidence/types.js';
import { CANONICAL_STATEMENTS } from '../../src/verdict/doctrine.js';
import { BENIGN_REQUEST, CARD_REQUEST, KEYS, call, startTestServer, type TestServer } from '../support/http.js';

const dir = mkdtempSync(join(tmpdir(), 'eleanor-evidence-routes-'));
const pem = generateSigningKeyPem();
const keyFile = join(dir, 'signing.pem');
const witness = join(dir, 'witness.jsonl');
writeFileSync(keyFile, pem.privateKeyPem, { mode: 0o600 });
const publicKey = signingKeyFrom(pem.privateKeyPem, 'test').publicKey;

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer({
    evidence: { store: 'memory', checkpoints: { every: 1, signingKey: keyFile, witness } },
  });
});
afterAll(async () => {
  await t.close();
  rmSync(dir, { recursive: true, force: true });
});

const evaluate = (key: string, traceId: string, body: object = BENIGN_REQUEST) =>
  call(`${t.url}/v1/evaluations`, { key, body: { ...body, traceId } });

/** Polls until the checkpoints route shows one covering `seq` of `chain` (they are signed in the background). */
async function checkpointsUpTo(chain: string, seq: number): Promise<any[]> {
  for (let i = 0; i < 200; i++) {
    const page = await call(`${t.url}/v1/evidence/checkpoints?chain=${chain}`, { key: KEYS.reviewer });
    expect(page.status).toBe(200);
    if (page.body.checkpoints.some((c: any) => c.seq >= seq)) return page.body.checkpoints;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error(`no checkpoint of ${chain} reached seq ${seq}`);
}

describe('trace ids are scoped per chain', () => {
  it('lets two tenants use the same trace id: two evaluations, each seen only in its own chain', async () => {
    const other = await evaluate(KEYS.evaluator, 'shared-id', CARD_REQUEST);
    expect(other.status).toBe(200);
    expect(other.body.evidence.chain).toBe('default');
    // The tenant's key cannot tell the id is taken elsewhere: no 409, its own evaluation in its own chain.
    const own = await evaluate(KEYS.tenant, 'shared-id');
    expect(own.status).toBe(200);
    expect(own.body.evidence.chain).toBe('tenant-a');
    const seen = await call(`${t.url}/v1/evaluations/shared-id`, { key: KEYS.tenant });
    expect(seen.body.evidence.chain).toBe('tenant-a');
    expect(seen.body.evaluation.input.modelResponse).toBe(BENIGN_REQUEST.modelResponse);
    // A second evaluation under the same id in the same chain is still a conflict.
    expect((await evaluate(KEYS.tenant, 'shared-id')).status).toBe(409);
    // A key bound to a chain may not name another.
    const foreign = await call(`${t.url}/v1/evaluations/shared-id?chain=default`, { key: KEYS.tenant });
    expect(foreign.status).toBe(403);
    expect(foreign.body).toMatchObject({ code: 'FORBIDDEN', path: 'query.chain' });
  });

  it('asks an unbound key to name the chain when the id is in several, and serves each when named', async () => {
    const ambiguous = await call(`${t.url}/v1/evaluations/shared-id`, { key: KEYS.admin });
    expect(ambiguous.status).toBe(400);
    expect(ambiguous.body.message).toMatch(/'default', 'tenant-a'.*name one/);
    const a = await call(`${t.url}/v1/evaluations/shared-id?chain=tenant-a`, { key: KEYS.admin });
    const d = await call(`${t.url}/v1/evaluations/shared-id?chain=default`, { key: KEYS.admin });
    expect([a.body.evidence.chain, d.body.evidence.chain]).toEqual(['tenant-a', 'default']);
    const executed = await call(`${t.url}/v1/evaluations/shared-id/execute?chain=tenant-a`, {
      key: KEYS.admin,
      method: 'POST',
    });
    expect(executed.status).toBe(200);
    expect(executed.body.modelResponse).toBe(BENIGN_REQUEST.modelResponse);
    expect((await call(`${t.url}/v1/evaluations/shared-id?chain=nowhere`, { key: KEYS.admin })).status).toBe(404);
  });

  it('gives a tenant 404 for an id that exists only in another chain, and lets it review only its own', async () => {
    await evaluate(KEYS.evaluator, 'only-default', CARD_REQUEST);
    expect((await call(`${t.url}/v1/evaluations/only-default`, { key: KEYS.tenant })).status).toBe(404);
    const decide = await call(`${t.url}/v1/reviews/only-default/decision`, {
      key: KEYS.tenant,
      body: { action: 'HUMAN_ACK', statement: 'x', outcome: 'approve' },
    });
    expect(decide.status).toBe(404);
  });
});

describe('no pre-claiming across chains', () => {
  it('leaves an id a chain-bound key used first free in every other chain', async () => {
    const claimed = await evaluate(KEYS.tenant, 'claimed-first');
    expect(claimed.status).toBe(200);
    expect(claimed.body.evidence.chain).toBe('tenant-a');
    const other = await evaluate(KEYS.evaluator, 'claimed-first', CARD_REQUEST);
    expect(other.status).toBe(200);
    expect(other.body.evidence.chain).toBe('default');
  });
});

describe('reviews over HTTP with the evidence signing key', () => {
  it("record the key's id as the actor, signed over the evaluation's record; execute releases on that review", async () => {
    const evaluated = await evaluate(KEYS.evaluator, 'signed-review', CARD_REQUEST);
    const decided = await call(`${t.url}/v1/reviews/signed-review/decision`, {
      key: KEYS.reviewer,
      body: { action: 'HUMAN_DETERMINATION', statement: CANONICAL_STATEMENTS.HUMAN_DETERMINATION, outcome: 'approve' },
    });
    expect(decided.status).toBe(200);
    const granted = await call(`${t.url}/v1/evaluations/signed-review/execute`, {
      key: KEYS.evaluator,
      method: 'POST',
    });
    expect(granted.status).toBe(200);
    const review = granted.body.authorizedBy as ReviewRecord;
    expect(review).toMatchObject({
      actor: 'rita',
      evaluationHash: evaluated.body.evidence.hash,
      keyId: keyIdOf(publicKey),
    });
    expect(reviewSignatureProblem(review, evaluated.body.evidence.hash, publicKey)).toBeNull();
    expect(reviewSignatureProblem({ ...review, actor: 'ada' }, evaluated.body.evidence.hash, publicKey)).toBe(
      'the review’s signature does not verify',
    );
  });
});

describe('GET /v1/evidence/checkpoints', () => {
  it('serves the signed checkpoints, as in the witness, each verifying with the public key', async () => {
    const ref = (await evaluate(KEYS.evaluator, 'cp-1')).body.evidence;
    const checkpoints = await checkpointsUpTo('default', ref.seq);
    for (const c of checkpoints) {
      expect(c).toEqual({
        chain: 'default',
        seq: expect.any(Number),
        head: expect.stringMatching(/^[0-9a-f]{64}$/),
        root: expect.stringMatching(/^[0-9a-f]{64}$/),
        time: expect.any(String),
        keyId: expect.any(String),
        signature: expect.any(String),
      });
      expect(signatureHolds(publicKey, checkpointText(c), c.signature)).toBe(true);
    }
    const inWitness = readFileSync(witness, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(inWitness.filter((c: any) => c.chain === 'default')).toEqual(expect.arrayContaining(checkpoints));
  });

  it('pages with after/next, and keeps a chain-bound key to its own chain', async () => {
    await evaluate(KEYS.tenant, 'cp-tenant');
    await checkpointsUpTo('tenant-a', 1);
    const first = await call(`${t.url}/v1/evidence/checkpoints?limit=1`, { key: KEYS.admin });
    expect(first.body.checkpoints).toHaveLength(1);
    expect(first.body.next).toEqual(expect.any(Number));
    const second = await call(`${t.url}/v1/evidence/checkpoints?limit=1&after=${first.body.next}`, {
      key: KEYS.admin,
    });
    expect(second.body.checkpoints[0]).not.toEqual(first.body.checkpoints[0]);
    const tenant = await call(`${t.url}/v1/evidence/checkpoints`, { key: KEYS.tenant });
    expect(tenant.status).toBe(200);
    expect(new Set(tenant.body.checkpoints.map((c: any) => c.chain))).toEqual(new Set(['tenant-a']));
    expect((await call(`${t.url}/v1/evidence/checkpoints?chain=default`, { key: KEYS.tenant })).status).toBe(403);
    const bad = await call(`${t.url}/v1/evidence/checkpoints?limit=0`, { key: KEYS.admin });
    expect(bad.status).toBe(400);
    expect(bad.body.path).toBe('query.limit');
    expect((await call(`${t.url}/v1/evidence/checkpoints`, { key: KEYS.evaluator })).status).toBe(403);
  });
});
