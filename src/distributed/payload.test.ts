import { describe, expect, it } from 'vitest';
import { isEleanorError } from '../core/errors.js';
import { parseJobData, RemoteCriticError, unwrapResult, type CriticJobResult } from './payload.js';

const finding = { score: 0.2, severity: 1, violations: [], extra: 'kept' };

function thrown(fn: () => unknown): Error {
  try {
    fn();
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected a throw');
}

describe('critic job data', () => {
  it('accepts a well-formed job and names every bad field of a malformed one', () => {
    const data = {
      input: { inputText: 'a', modelResponse: 'b', context: {}, traceId: 't' },
      critic: 'privacy',
      version: null,
      deadlineAt: 1_700_000_000_000,
      attempt: 1,
      prior: {},
    };
    expect(parseJobData(data)).toEqual(data);
    const problems = parseJobData({ ...data, critic: '', attempt: 0, input: { inputText: 1 } });
    expect(problems).toMatch(/critic:/);
    expect(problems).toMatch(/attempt:/);
    expect(problems).toMatch(/input\.inputText:/);
  });
});

describe('unwrapResult', () => {
  const fail = (failure: string): CriticJobResult =>
    ({ ok: false, failure, error: { name: 'TypeError', message: 'boom' }, worker: 'w1', durationMs: 1 }) as never;

  it("returns a worker's finding as it was", () => {
    expect(unwrapResult({ ok: true, finding, worker: 'w1', durationMs: 3 }, 'j')).toEqual(finding);
  });

  it("turns a critic's error into a RemoteCriticError that keeps the original class name and the worker", () => {
    const error = thrown(() => unwrapResult(fail('error'), 'j'));
    expect(error).toBeInstanceOf(RemoteCriticError);
    expect(error.message).toBe('TypeError: boom (on worker w1)');
    expect(isEleanorError(error)).toBe(false); // so the outcome's code is CRITIC_ERROR
  });

  it('turns a version mismatch and a foreign answer into coded errors', () => {
    const mismatch = thrown(() => unwrapResult(fail('version_mismatch'), 'j'));
    expect(mismatch).toMatchObject({ code: 'CRITIC_VERSION_MISMATCH', message: 'boom' });
    const foreign = thrown(() => unwrapResult({ score: 1 }, 'job-1'));
    expect(foreign).toMatchObject({ code: 'TRANSPORT_UNAVAILABLE' });
    expect(foreign.message).toMatch(/job-1/);
  });

  it('reads a job the worker gave up on for lack of time as no answer (the deadline makes it lost)', () => {
    expect(unwrapResult(fail('expired'), 'j')).toBeUndefined();
    expect(unwrapResult(fail('aborted'), 'j')).toBeUndefined();
  });
});
