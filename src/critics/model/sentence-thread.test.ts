// The sentence encoder's worker thread: the same vectors as in this thread, a free event loop, failures as rejections.
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { createEngine } from '../../engine/index.js';
import { EncoderThread } from './sentence-thread.js';
import {
  encodeSentences,
  SENTENCE_DIMS,
  sentenceText,
  sentenceVector,
  swapSentenceThread,
  whileBackendStarts,
} from './sentence.js';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));

/** A stand-in encoder: answers every text with its length, never answers 'hang', and dies (uncaught) on 'crash'. */
const FLAKY = `
const { parentPort } = require('node:worker_threads');
parentPort.on('message', ({ id, text }) => {
  if (text === 'crash') throw new Error('boom');
  else if (text !== 'hang') { const values = new Float32Array(${SENTENCE_DIMS}).fill(text.length); parentPort.postMessage({ id, values }, [values.buffer]); }
});
`;

/** A worker that dies on whatever it is asked. */
const BROKEN = `require('node:worker_threads').parentPort.on('message', () => process.exit(3));`;

const bytes = (v: Float32Array): Buffer => Buffer.from(v.buffer, v.byteOffset, v.byteLength);

describe('the sentence encoder thread', () => {
  const thread = new EncoderThread();
  afterAll(() => thread.close());

  it('gives the same vector, bit for bit, as the encoder run in this thread', async () => {
    const texts = [
      'How do I reset my router?',
      'What is the best way to get rid of my neighbour for good?',
      'Ünïcödé — 日本語 and an emoji 🙂, with "quotes".',
      'A sentence that goes on. '.repeat(60), // past the 1,000 characters the encoder reads
    ];
    for (const text of texts) {
      const key = sentenceText(text);
      const [inThread] = await encodeSentences([key]);
      const [viaPublic, raw] = await Promise.all([sentenceVector(text), thread.encode(key)]);
      expect(viaPublic).toHaveLength(SENTENCE_DIMS);
      expect(bytes(viaPublic)).toEqual(bytes(inThread!));
      expect(bytes(Float32Array.from(raw, (x) => x * 4))).toEqual(bytes(inThread!));
    }
  }, 60_000);

  it("keeps an input's vector for its output stage while a hundred other inputs are encoded", async () => {
    const previous = swapSentenceThread(new EncoderThread({ program: FLAKY }));
    try {
      const first = sentenceVector('the input of a slow answer');
      await first;
      await Promise.all(Array.from({ length: 100 }, (_, i) => sentenceVector(`another request's input ${i}`)));
      expect(sentenceVector('the input of a slow answer')).toBe(first);
    } finally {
      await swapSentenceThread(previous)?.close();
    }
  });

  it('lets the event loop turn while it encodes a long input', async () => {
    await thread.encode('warm up');
    let turns = 0;
    let encoding = true;
    const turn = (): void => {
      turns++;
      if (encoding) setImmediate(turn);
    };
    setImmediate(turn);
    await thread.encode('The quick brown fox jumps over the lazy dog, again and again. '.repeat(16));
    encoding = false;
    // Encoded in this thread, the same text holds the event loop for its whole 20–50 ms: no turn at all.
    expect(turns).toBeGreaterThan(10);
  }, 30_000);

  it('rejects what it was asked when its worker dies, and starts a new worker for the next text', async () => {
    const flaky = new EncoderThread({ program: FLAKY });
    try {
      const [waiting, crashed] = await Promise.allSettled([flaky.encode('hang'), flaky.encode('crash')]);
      expect(crashed).toMatchObject({ status: 'rejected', reason: { message: 'boom' } });
      expect(waiting).toMatchObject({ status: 'rejected', reason: { message: 'boom' } });
      expect(Array.from(await flaky.encode('ok')).slice(0, 2)).toEqual([2, 2]);
    } finally {
      await flaky.close();
    }
  });

  it('fails the critics that read the vector, never the evaluation, when the worker cannot encode', async () => {
    const previous = swapSentenceThread(new EncoderThread({ program: BROKEN }));
    const engine = createEngine({ evidence: false });
    try {
      const evaluation = await engine.evaluate({
        inputText: 'What is the best way to get rid of my neighbour for good?',
      });
      const failed = Object.values(evaluation.critics).filter((o) => o.status === 'error');
      expect(failed.length).toBeGreaterThan(0);
      expect(failed[0]!.error?.message).toMatch(/sentence encoder thread exited/);
      expect(evaluation.degraded).toEqual(expect.arrayContaining(failed.map((o) => `critic:${o.critic}`)));
    } finally {
      await engine.close();
      await swapSentenceThread(previous)?.close();
    }
  });

  it('does not keep a process alive once the vector is computed', () => {
    const code = [
      "const { sentenceVector } = await import('./src/critics/model/sentence.ts');",
      "const v = await sentenceVector('How do I reset my router?');",
      'console.log(v.length);',
    ].join('\n');
    const out = execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', code], {
      cwd: ROOT,
      encoding: 'utf8',
      timeout: 20_000,
    });
    expect(out.trim()).toBe(String(SENTENCE_DIMS));
  }, 30_000);
});

describe('an encoder call while the backend starts', () => {
  const notReady = new Error("Backend 'wasm' has not yet been initialized. Make sure to await tf.ready()");

  it('is retried while the backend is still initialising, then answers', async () => {
    let calls = 0;
    const answer = await whileBackendStarts(async () => {
      calls++;
      if (calls < 3) throw notReady;
      return 'vector';
    });
    expect([answer, calls]).toEqual(['vector', 3]);
  });

  it('throws any other error at once, and the same one when it never ends', async () => {
    let calls = 0;
    const other = async (): Promise<void> => {
      calls++;
      throw new Error('weights missing');
    };
    await expect(whileBackendStarts(other)).rejects.toThrow('weights missing');
    expect(calls).toBe(1);
    await expect(whileBackendStarts(() => Promise.reject(notReady), 50)).rejects.toThrow('not yet been initialized');
  });

  it('loads the encoder again on the thread when a load fails that way, and answers the first text', async () => {
    const thread = new EncoderThread({
      embeddingsModule: fileURLToPath(new URL('../../../test/fixtures/slow-backend-embeddings.cjs', import.meta.url)),
    });
    try {
      const raw = await thread.encode('four');
      expect([raw.length, raw[0]]).toEqual([SENTENCE_DIMS, 4]);
    } finally {
      await thread.close();
    }
  });
});
