import { describe, expect, it } from 'vitest';
import { Orchestrator } from '../index.js';
import { OK, input, recordingLogger, sleeper } from '../../test/support/critics.js';

describe('RunOptions.onOutcome', () => {
  it('is called once per critic, in completion order, before the run resolves', async () => {
    const orch = new Orchestrator({
      critics: { slow: sleeper(20), instant: () => OK, broken: () => Promise.reject(new Error('x')) },
      logger: recordingLogger(),
    });
    const seen: string[] = [];
    const outcomes = await orch.run(input(), { onOutcome: (o) => seen.push(`${o.critic}:${o.status}`) });
    expect(seen).toEqual(['instant:success', 'broken:error', 'slow:success']);
    expect(Object.keys(outcomes).sort()).toEqual(['broken', 'instant', 'slow']);
  });

  it('reports outcomes settled by the deadline too', async () => {
    const orch = new Orchestrator({ critics: { hang: () => new Promise(() => {}) }, logger: recordingLogger() });
    const seen: string[] = [];
    await orch.run(input(), { deadlineMs: 10, onOutcome: (o) => seen.push(o.status) });
    expect(seen).toEqual(['timeout']);
  });

  it('ignores and logs a throwing listener; the run still completes', async () => {
    const logger = recordingLogger();
    const orch = new Orchestrator({ critics: { a: () => OK, b: () => OK }, logger });
    const outcomes = await orch.run(input(), {
      onOutcome: () => {
        throw new Error('listener broke');
      },
    });
    expect(outcomes.a?.status).toBe('success');
    expect(outcomes.b?.status).toBe('success');
    expect(logger.warnings.length).toBe(2);
  });

  it('rejects a listener that is not a function with INVALID_INPUT', async () => {
    const orch = new Orchestrator({ critics: { a: () => OK }, logger: recordingLogger() });
    await expect(orch.run(input(), { onOutcome: 'nope' as never })).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      message: expect.stringContaining('options.onOutcome') as unknown,
    });
  });
});
