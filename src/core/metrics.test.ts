import { describe, expect, it } from 'vitest';
import { Orchestrator } from '../index.js';
import { OK, hang, input, recordingLogger } from '../../test/support/critics.js';

describe('Orchestrator.metrics', () => {
  it('counts outcomes by status, per critic and in total, with retries and durations', async () => {
    let t = 0;
    let calls = 0;
    const orch = new Orchestrator({
      critics: {
        ok: () => {
          t += 3;
          return OK;
        },
        flaky: {
          retries: { max: 1, baseMs: 0, maxMs: 0 },
          evaluate: () => {
            if (++calls % 2 === 1) throw new Error('odd');
            return OK;
          },
        },
        stuck: { evaluate: hang, timeoutMs: 5 },
        gated: { evaluate: () => OK, policy: 'on_high_risk' },
      },
      hooks: { preExecution: (name) => (name === 'ok' && t >= 3 ? OK : undefined) },
      logger: recordingLogger(),
      now: () => t,
    });
    await orch.run(input());
    await orch.run(input());
    const m = orch.metrics();
    expect(m.runs).toEqual({ started: 2, completed: 2, active: 0 });
    expect(m.outcomes).toMatchObject({ success: 4, timeout: 2, gated: 2, error: 0, cancelled: 0 });
    expect(m.retries).toBe(2);
    expect(m.inflight).toBe(0);
    expect(m.queued).toBe(0);
    expect(m.critics['ok']?.fromCache).toBe(1);
    expect(m.critics['flaky']).toMatchObject({ retries: 2, outcomes: { success: 2 } });
    expect(m.critics['ok']?.durations).toMatchObject({ count: 2, sumMs: 3, maxMs: 3 });
    const buckets = m.critics['ok']?.durations.buckets ?? [];
    expect(buckets.find((b) => b.leMs === 1)?.count).toBe(1); // the cache hit took 0 ms
    expect(buckets.find((b) => b.leMs === 5)?.count).toBe(2);
    expect(buckets.at(-1)).toEqual({ leMs: Infinity, count: 2 });
  });

  it('is a snapshot: later runs do not change an earlier one', async () => {
    const orch = new Orchestrator({ critics: { a: () => OK }, logger: recordingLogger() });
    await orch.run(input());
    const before = orch.metrics();
    await orch.run(input());
    expect(before.outcomes.success).toBe(1);
    expect(orch.metrics().outcomes.success).toBe(2);
  });
});
