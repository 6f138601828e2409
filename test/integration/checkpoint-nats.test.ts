// An engine with signed checkpoints and events on NATS publishes each checkpoint at <prefix>.checkpoint, as signed and
// as written to the witness, so another machine can keep them (issue 16, point 2); against the local server.
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connect, type NatsConnection } from 'nats';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEngine } from '../../src/engine/engine.js';
import { checkpointText } from '../../src/evidence/checkpoint-text.js';
import { generateSigningKeyPem, signatureHolds, signingKeyFrom } from '../../src/evidence/signing.js';
import type { Checkpoint } from '../../src/evidence/types.js';

const SERVERS = 'nats://127.0.0.1:4222';
let nc: NatsConnection;
const dir = mkdtempSync(join(tmpdir(), 'eleanor-checkpoint-nats-'));

beforeAll(async () => {
  nc = await connect({ servers: SERVERS, timeout: 2000 });
});
afterAll(async () => {
  await nc.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('checkpoints on NATS', () => {
  it('publishes every signed checkpoint at <prefix>.checkpoint, as in the witness, verifying with the public key', async () => {
    const id = randomUUID().replaceAll('-', '');
    const stream = `ELEANOR_TEST_${id}`;
    const subjectPrefix = `eleanortest.${id}`;
    const { privateKeyPem } = generateSigningKeyPem();
    writeFileSync(join(dir, 'signing.pem'), privateKeyPem, { mode: 0o600 });
    const engine = createEngine({
      baseDir: dir,
      evidence: {
        store: 'sqlite',
        path: 'e.db',
        checkpoints: { every: 2, signingKey: 'signing.pem', witness: 'witness.jsonl' },
      },
      infrastructure: { events: { nats: { servers: SERVERS, stream, subjectPrefix } } },
    });
    for (let i = 0; i < 3; i++) await engine.evaluate({ inputText: 'q', modelResponse: 'Unplug it for ten seconds.' });
    await engine.close(); // signs at the head (3) and publishes before the sink closes
    const jsm = await nc.jetstreamManager();
    try {
      const messages = (await jsm.streams.info(stream)).state.messages;
      const published: Checkpoint[] = [];
      for (let seq = 1; seq <= messages; seq++) {
        const message = await jsm.streams.getMessage(stream, { seq });
        if (message.subject !== `${subjectPrefix}.checkpoint`) continue;
        // Every event goes out as { type, payload } (infra/events/nats-sink.ts): the payload is the checkpoint.
        const event = message.json<{ type: string; payload: Checkpoint }>();
        expect(event.type).toBe('checkpoint');
        published.push(event.payload);
      }
      const witness = readFileSync(join(dir, 'witness.jsonl'), 'utf8').trim().split('\n');
      expect(published.map((c) => c.seq)).toEqual([2, 3]);
      expect(published.map((c) => JSON.stringify(c))).toEqual(witness);
      const publicKey = signingKeyFrom(privateKeyPem, 'key').publicKey;
      for (const c of published) expect(signatureHolds(publicKey, checkpointText(c), c.signature)).toBe(true);
    } finally {
      await jsm.streams.delete(stream).catch(() => false);
    }
  }, 60_000);
});
