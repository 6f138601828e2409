import { describe, expect, it } from 'vitest';
import { isEleanorError } from '../core/index.js';
import { forwardAppends, type ForwardedAnswer } from './forwarded-store.js';
import type { PreparedAppend } from './pending.js';
import { SqliteEvidenceStore } from './sqlite/sqlite-store.js';

const request = (traceId: string) => ({
  chain: 'c',
  kind: 'evaluation' as const,
  traceId,
  payload: { n: traceId },
});

describe('forwardAppends', () => {
  it('sends every append of one turn in one message, and resolves each with its own answer', async () => {
    const local = new SqliteEvidenceStore({ path: ':memory:' });
    const sent: PreparedAppend[][] = [];
    const store = forwardAppends(local, (items) => {
      sent.push([...items]);
      return Promise.resolve(
        items.map((item, i): ForwardedAnswer =>
          item.traceId === 't2'
            ? { error: { code: 'EVIDENCE_CONFLICT', message: "trace 't2' already has an evaluation record" } }
            : { ref: { chain: item.chain, seq: i + 1, hash: `h${i}` } },
        ),
      );
    });
    const results = await Promise.allSettled(['t1', 't2', 't3'].map((t) => store.append(request(t))));
    expect(sent.map((batch) => batch.map((item) => item.traceId))).toEqual([['t1', 't2', 't3']]);
    expect(sent[0]![0]!.payloadJson).toBe('{"n":"t1"}'); // canonicalised here, not by the writer
    expect(results[0]).toEqual({ status: 'fulfilled', value: { chain: 'c', seq: 1, hash: 'h0' } });
    expect(results[2]).toEqual({ status: 'fulfilled', value: { chain: 'c', seq: 3, hash: 'h2' } });
    const failed = results[1] as PromiseRejectedResult;
    expect(isEleanorError(failed.reason) && failed.reason.code).toBe('EVIDENCE_CONFLICT');
    await store.append(request('t4'));
    expect(sent).toHaveLength(2); // a later turn, a new message
    await store.close();
  });

  it('refuses a bad request at once without sending it, and fails a batch the writer cannot be reached for', async () => {
    const local = new SqliteEvidenceStore({ path: ':memory:' });
    let calls = 0;
    const store = forwardAppends(local, () => {
      calls += 1;
      return Promise.reject(new Error('the channel to the primary closed'));
    });
    await expect(store.append({ ...request('t1'), chain: 'no spaces' })).rejects.toMatchObject({
      code: 'INVALID_INPUT',
    });
    expect(calls).toBe(0);
    await expect(store.append(request('t1'))).rejects.toMatchObject({
      code: 'EVIDENCE_UNAVAILABLE',
      message: expect.stringContaining('the channel to the primary closed') as string,
    });
    await store.close();
  });

  it('close() waits for the answers of what was sent, then closes its own store', async () => {
    const local = new SqliteEvidenceStore({ path: ':memory:' });
    let answer: (answers: ForwardedAnswer[]) => void = () => undefined;
    const store = forwardAppends(local, () => new Promise((resolve) => (answer = resolve)));
    const appended = store.append(request('t1'));
    await new Promise((resolve) => setImmediate(resolve)); // sent
    let closed = false;
    const closing = store.close().then(() => (closed = true));
    await new Promise((resolve) => setImmediate(resolve));
    expect(closed).toBe(false);
    answer([{ ref: { chain: 'c', seq: 1, hash: 'h' } }]);
    await closing;
    await expect(appended).resolves.toEqual({ chain: 'c', seq: 1, hash: 'h' });
    await expect(local.entries('t1')).rejects.toMatchObject({ code: 'EVIDENCE_UNAVAILABLE' }); // closed
  });
});
