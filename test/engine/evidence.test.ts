// The engine records every evaluation (strict or async), redacts as configured, and gates execution on human review.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  CANONICAL_STATEMENTS,
  createEngine,
  SqliteEvidenceStore,
  type Engine,
  type EngineConfig,
} from '../../src/index.js';
import type { EvaluationPayload } from '../../src/evidence/evaluation-record.js';
import { chainHash } from '../../src/evidence/canonical.js';
import { withoutTriggers } from '../support/sqlite.js';
import { verifyWitness } from '../../src/evidence/checkpoint-verify.js';
import { generateSigningKeyPem, signingKeyFrom } from '../../src/evidence/signing.js';

const CARD = '4111 1111 1111 1111';
const EMAIL = 'jane.doe@example.com';
/** A Tier 3 gate (HUMAN_DETERMINATION) from the privacy critic; the decision is deny. */
const TIER3 = `Sure: ${EMAIL} and card ${CARD}`;
/** A Tier 2 gate (HUMAN_ACK): escalation without a Tier 3 signal. */
const TIER2 = 'This miracle tea is a guaranteed cure for cancer.';
const PLAIN = 'Unplug it for ten seconds, then plug it back in.';
const ACK = { action: 'HUMAN_ACK', statement: CANONICAL_STATEMENTS.HUMAN_ACK } as const;
const DETERMINE = { action: 'HUMAN_DETERMINATION', statement: CANONICAL_STATEMENTS.HUMAN_DETERMINATION } as const;

const engines: Engine[] = [];
const dirs: string[] = [];
function engine(config: EngineConfig = {}): Engine {
  const e = createEngine({ evidence: { store: 'memory' }, ...config });
  engines.push(e);
  return e;
}
afterAll(async () => {
  await Promise.all(engines.map((e) => e.close()));
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

async function codeOf(promise: Promise<unknown>): Promise<string> {
  return promise.then(
    () => 'resolved',
    (error: { code?: string }) => error.code ?? 'no code',
  );
}

describe('engine evidence', () => {
  it('returns only once the record is committed, and the record explains the decision', async () => {
    const e = engine();
    const evaluation = await e.evaluate({ inputText: 'q', modelResponse: TIER3, context: { tenantPlan: 'pro' } });
    expect(evaluation.evidence).toMatchObject({ chain: 'default', seq: 1 });
    const [entry] = await e.evidence!.entries(evaluation.traceId);
    expect(entry).toMatchObject({ kind: 'evaluation', seq: 1, hash: evaluation.evidence!.hash });
    const payload = entry!.payload as EvaluationPayload;
    expect(payload.decision).toBe(evaluation.decision);
    expect(payload.gate).toEqual(evaluation.gate);
    expect(payload.input).toEqual({ inputText: 'q', modelResponse: TIER3, context: { tenantPlan: 'pro' } });
    expect(Object.keys(payload.critics).sort()).toEqual(Object.keys(evaluation.critics).sort());
    expect(payload.critics['privacy']!.finding.violations.length).toBeGreaterThan(0);
    expect(payload.versions['privacy']).toMatchObject({ kind: 'builtin', version: expect.any(String) as string });
    expect(payload.versions['privacy']!.rulesetVersion).toEqual(expect.any(String));
    expect(payload.durationMs).toBe(evaluation.durationMs);
    expect((await e.evidence!.verify()).ok).toBe(true);
  });

  it('records in the chain the options name, and refuses a trace id already on record in that chain', async () => {
    const e = engine();
    const a = await e.evaluate({ inputText: 'q', modelResponse: PLAIN }, { chain: 'tenant-a' });
    const b = await e.evaluate({ inputText: 'q', modelResponse: PLAIN, traceId: 'fixed-1' }, { chain: 'tenant-a' });
    expect([a.evidence?.chain, a.evidence?.seq, b.evidence?.seq]).toEqual(['tenant-a', 1, 2]);
    const again = e.evaluate({ inputText: 'q', modelResponse: PLAIN, traceId: 'fixed-1' }, { chain: 'tenant-a' });
    expect(await codeOf(again)).toBe('EVIDENCE_CONFLICT');
    await expect(e.evaluate({ inputText: 'q' }, { chain: 'no spaces' })).rejects.toThrow(/options\.chain/);
  });

  it('scopes trace ids per chain: execute names the chain when the id is on record in several', async () => {
    const e = engine();
    await e.evaluate({ inputText: 'q', modelResponse: PLAIN, traceId: 'twice' }, { chain: 'tenant-a' });
    const other = await e.evaluate({ inputText: 'q', modelResponse: 'other', traceId: 'twice' });
    expect(other.evidence?.chain).toBe('default');
    await expect(e.execute('twice')).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      message: expect.stringMatching(/'default', 'tenant-a': name one/) as string,
    });
    expect((await e.execute('twice', { chain: 'tenant-a' })).modelResponse).toBe(PLAIN);
    expect((await e.execute('twice', { chain: 'default' })).modelResponse).toBe('other');
    expect(await codeOf(e.execute('twice', { chain: 'tenant-b' }))).toBe('EVIDENCE_NOT_FOUND');
    await expect(e.execute('twice', { chain: 'no spaces' })).rejects.toThrow(/options\.chain/);
  });

  it('under redact: hash, stores digests, and no matched text appears anywhere in the record', async () => {
    const e = engine({ evidence: { store: 'memory', redact: 'hash' } });
    const evaluation = await e.evaluate({ inputText: 'my card?', modelResponse: TIER3 });
    const [entry] = await e.evidence!.entries(evaluation.traceId);
    const text = JSON.stringify(entry);
    expect(text).not.toContain(CARD);
    expect(text).not.toContain(EMAIL);
    const input = (entry!.payload as EvaluationPayload).input;
    expect(input.modelResponse).toEqual({
      sha256: expect.stringMatching(/^[0-9a-f]{64}$/) as string,
      length: TIER3.length,
    });
    expect(evaluation.modelResponse).toBe(TIER3);
  });

  it('under redact: mask, masks the privacy spans and keeps their offsets', async () => {
    const e = engine({ evidence: { store: 'memory', redact: 'mask' } });
    const evaluation = await e.evaluate({ inputText: 'q', modelResponse: TIER3 });
    const [entry] = await e.evidence!.entries(evaluation.traceId);
    const payload = entry!.payload as EvaluationPayload;
    expect(JSON.stringify(payload)).not.toContain(EMAIL);
    const masked = payload.input.modelResponse as string;
    expect(masked).toHaveLength(TIER3.length);
    const email = payload.violations.find((v) => v.rule === 'privacy.email')!;
    expect(masked.slice(email.span!.start, email.span!.end)).toBe('*'.repeat(EMAIL.length));
    expect(masked.startsWith('Sure: ')).toBe(true);
  });

  it('async mode returns without waiting; the record is there once the engine closes', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'eleanor-async-'));
    dirs.push(dir);
    const path = join(dir, 'e.db');
    const e = createEngine({ evidence: { path, mode: 'async' } });
    const evaluations = await Promise.all(
      Array.from({ length: 20 }, () => e.evaluate({ inputText: 'q', modelResponse: PLAIN })),
    );
    expect(evaluations.every((x) => x.evidence === null)).toBe(true);
    await e.close();
    const store = new SqliteEvidenceStore({ path });
    const report = await store.verify();
    await store.close();
    expect(report).toMatchObject({ ok: true, chains: [{ chain: 'default', records: 20 }] });
  });

  it('evidence: false records nothing, and execute refuses', async () => {
    const e = engine({ evidence: false });
    const evaluation = await e.evaluate({ inputText: 'q', modelResponse: PLAIN });
    expect(evaluation.evidence).toBeNull();
    expect(e.evidence).toBeNull();
    expect(await codeOf(e.execute(evaluation.traceId))).toBe('EVIDENCE_UNAVAILABLE');
    expect(await codeOf(e.reviews.list())).toBe('EVIDENCE_UNAVAILABLE');
  });

  it('rejects a bad evidence section, naming the path', () => {
    expect(() => createEngine({ evidence: { store: 'mysql' } as never })).toThrow(/evidence\.store/);
    expect(() => createEngine({ evidence: { mode: 'eventually' } as never })).toThrow(/evidence\.mode/);
    expect(() => createEngine({ evidence: { pth: 'x' } as never })).toThrow(/evidence/);
  });
});

describe('human review and the execution gate', () => {
  it('queues every gated evaluation; only the gate’s action and canonical statement are accepted', async () => {
    const e = engine();
    const tier2 = await e.evaluate({ inputText: 'q', modelResponse: TIER2 });
    const tier3 = await e.evaluate({ inputText: 'q', modelResponse: TIER3 });
    await e.evaluate({ inputText: 'q', modelResponse: PLAIN });
    expect(tier2.gate.requiredAction).toBe('HUMAN_ACK');
    expect(tier3.gate.requiredAction).toBe('HUMAN_DETERMINATION');
    const pending = await e.reviews.list({ status: 'pending' });
    expect(pending.map((c) => c.traceId)).toEqual([tier3.traceId, tier2.traceId]);

    const decide = (traceId: string, extra: object) =>
      e.reviews.decide(traceId, { actor: 'ana@example.org', outcome: 'approve', ...ACK, ...extra } as never);
    await expect(decide(tier3.traceId, {})).rejects.toMatchObject({ code: 'REVIEW_INVALID' });
    await expect(decide(tier3.traceId, {})).rejects.toThrow(/action: expected 'HUMAN_DETERMINATION'/);
    await expect(decide(tier2.traceId, { statement: 'ok, fine' })).rejects.toThrow(/statement: expected the canonical/);
    await expect(decide(tier2.traceId, { outcome: 'maybe' })).rejects.toThrow(/outcome/);
    await expect(decide(tier2.traceId, { actor: ' ' })).rejects.toThrow(/actor/);
    expect(await codeOf(decide('no-such-trace', {}))).toBe('EVIDENCE_NOT_FOUND');
    const plain = (await e.reviews.list()).length;
    expect(plain).toBe(2);

    const decision = await decide(tier2.traceId, {});
    expect(decision).toMatchObject({ status: 'approved', review: { actor: 'ana@example.org', seq: 4 } });
    expect(await codeOf(decide(tier2.traceId, { outcome: 'reject' }))).toBe('REVIEW_CONFLICT');
    expect((await e.reviews.list({ status: 'pending' })).map((c) => c.traceId)).toEqual([tier3.traceId]);
    const entries = await e.evidence!.entries(tier2.traceId);
    expect(entries.map((x) => x.kind)).toEqual(['evaluation', 'review']);
    expect(entries[1]!.payload).toMatchObject({ actor: 'ana@example.org', statement: CANONICAL_STATEMENTS.HUMAN_ACK });
    expect((await e.evidence!.verify()).ok).toBe(true);
  });

  it('two reviewers deciding at once: exactly one decision is recorded', async () => {
    const e = engine();
    const { traceId } = await e.evaluate({ inputText: 'q', modelResponse: TIER2 });
    const results = await Promise.allSettled(
      ['a', 'b', 'c'].map((actor) => e.reviews.decide(traceId, { ...ACK, actor, outcome: 'approve' })),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect((await e.evidence!.entries(traceId)).filter((x) => x.kind === 'review')).toHaveLength(1);
  });

  it('execute grants an allowed evaluation and an approved one; refuses pending, rejected, denied and unknown', async () => {
    const e = engine();
    const allowed = await e.evaluate({ inputText: 'q', modelResponse: PLAIN });
    expect(await e.execute(allowed.traceId)).toMatchObject({
      decision: 'allow',
      authorizedBy: null,
      modelResponse: PLAIN,
      evidence: allowed.evidence!,
    });
    const gated = await e.evaluate({ inputText: 'q', modelResponse: TIER3 });
    await expect(e.execute(gated.traceId)).rejects.toThrow(/HUMAN_DETERMINATION and the review is pending/);
    await e.reviews.decide(gated.traceId, { ...DETERMINE, actor: 'lead', outcome: 'approve' });
    expect(await e.execute(gated.traceId)).toMatchObject({ authorizedBy: { actor: 'lead', outcome: 'approve' } });

    const rejected = await e.evaluate({ inputText: 'q', modelResponse: TIER2 });
    await e.reviews.decide(rejected.traceId, { ...ACK, actor: 'ana', outcome: 'reject' });
    await expect(e.execute(rejected.traceId)).rejects.toThrow(/rejected it/);
    expect(await codeOf(e.execute(rejected.traceId))).toBe('EXECUTION_REFUSED');
    expect(await codeOf(e.execute('never-seen'))).toBe('EVIDENCE_NOT_FOUND');

    const denied = createEngine({
      evidence: { store: 'memory' },
      critics: { strict: { evaluate: () => ({ score: 1, severity: 3, violations: [] }) } },
    });
    engines.push(denied);
    const deny = await denied.evaluate({ inputText: 'q', modelResponse: 'x' });
    expect([deny.decision, deny.gate.requiredAction]).toEqual(['deny', 'none']);
    await expect(denied.execute(deny.traceId)).rejects.toThrow(/the decision is deny/);
  });

  it('execute refuses, with EVIDENCE_TAMPERED, a record that verify reports as broken', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'eleanor-execute-'));
    dirs.push(dir);
    const path = join(dir, 'eleanor.db');
    const e = engine({ evidence: { store: 'sqlite', path } });
    const first = await e.evaluate({ inputText: 'q', modelResponse: PLAIN });
    const second = await e.evaluate({ inputText: 'q', modelResponse: PLAIN });
    expect(await e.execute(first.traceId)).toMatchObject({ modelResponse: PLAIN });
    withoutTriggers(path, (db) =>
      db
        .prepare('UPDATE evidence SET record = replace(record, ?, ?) WHERE trace_id = ?')
        .run('Unplug it', 'Open it up', first.traceId),
    );
    expect((await e.evidence!.verify()).ok).toBe(false);
    await expect(e.execute(first.traceId)).rejects.toMatchObject({
      code: 'EVIDENCE_TAMPERED',
      message: expect.stringMatching(/fails verification at seq \d+: the record does not match its hash/) as string,
    });
    // Its neighbour relies on it as its predecessor, so it is refused too.
    expect(await codeOf(e.execute(second.traceId))).toBe('EVIDENCE_TAMPERED');
  });

  it('signs checkpoints into the witness as it records, and refuses a checkpoints section without a key', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'eleanor-checkpoints-'));
    dirs.push(dir);
    const { privateKeyPem } = generateSigningKeyPem();
    writeFileSync(join(dir, 'signing.pem'), privateKeyPem);
    const checkpoints = { every: 2, signingKey: 'signing.pem', witness: 'witness/checkpoints.jsonl' };
    const e = createEngine({ baseDir: dir, evidence: { store: 'sqlite', path: 'e.db', checkpoints } });
    for (let i = 0; i < 3; i++) await e.evaluate({ inputText: 'q', modelResponse: PLAIN });
    await e.close();
    const witness = readFileSync(join(dir, 'witness/checkpoints.jsonl'), 'utf8');
    expect(witness.trim().split('\n').at(-1)).toMatch(/"seq":3,/);
    const store = new SqliteEvidenceStore({ path: join(dir, 'e.db') });
    const report = await verifyWitness(store, witness, signingKeyFrom(privateKeyPem, 'key').publicKey);
    await store.close();
    expect(report.ok).toBe(true);
    expect(() =>
      createEngine({ baseDir: dir, evidence: { store: 'memory', checkpoints: { witness: 'w.jsonl' } } }),
    ).toThrow(
      /evidence.checkpoints.signingKey: expected a PEM file, or the PEM in ELEANOR_EVIDENCE_SIGNING_KEY; got neither/,
    );
  });

  it('publishes checkpoints on the event bus, and after a restart the witness anchors execute against a rewrite', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'eleanor-anchored-'));
    dirs.push(dir);
    writeFileSync(join(dir, 'signing.pem'), generateSigningKeyPem().privateKeyPem);
    const config: EngineConfig = {
      baseDir: dir,
      evidence: {
        store: 'sqlite',
        path: 'e.db',
        checkpoints: { every: 1_000, signingKey: 'signing.pem', witness: 'witness.jsonl' },
      },
      infrastructure: { events: {} },
    };
    const first = createEngine(config);
    const published: { chain: string; seq: number }[] = [];
    first.infrastructure.events!.on('checkpoint', (c) => void published.push(c));
    const traces = [];
    for (let i = 0; i < 3; i++) traces.push((await first.evaluate({ inputText: 'q', modelResponse: PLAIN })).traceId);
    await first.close(); // signs the checkpoint at seq 3 and publishes it before the bus closes
    expect(published).toMatchObject([{ chain: 'default', seq: 3 }]);
    // A careful attacker rewrites the first response and recomputes every hash after it: the chain alone still links.
    withoutTriggers(join(dir, 'e.db'), (db) => {
      const rows = db
        .prepare<[], { seq: number; record: string }>('SELECT seq, record FROM evidence ORDER BY seq')
        .all();
      let prev = '0'.repeat(64);
      for (const row of rows) {
        const record = row.seq === 1 ? row.record.replace('Unplug it', 'Open it up') : row.record;
        const hash = chainHash(prev, record);
        db.prepare('UPDATE evidence SET record = ?, prev_hash = ?, hash = ? WHERE seq = ?').run(
          record,
          prev,
          hash,
          row.seq,
        );
        prev = hash;
      }
    });
    const second = createEngine(config);
    engines.push(second);
    expect((await second.evidence!.verify()).ok).toBe(true);
    await expect(second.execute(traces[0]!)).rejects.toMatchObject({
      code: 'EVIDENCE_TAMPERED',
      message: expect.stringContaining('the head signed in the checkpoint at seq 3') as string,
    });
  });
});
