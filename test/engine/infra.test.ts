import { describe, expect, it, vi } from 'vitest';
import { createEngine, type EngineInfra, type Evaluation } from '../../src/index.js';

describe('engine infrastructure seam', () => {
  it('attaches each piece’s hooks, adds its degraded components, and tells it of each evaluation', async () => {
    const finished: Evaluation[] = [];
    const close = vi.fn(async () => undefined);
    const cache: EngineInfra = {
      name: 'cache',
      hooks: { preExecution: (critic) => (critic === 'risk' ? { score: 0, severity: 0, violations: [] } : undefined) },
      degraded: () => ['cache:redis'],
      evaluationStarted: (traceId) => (evaluation) => {
        expect(evaluation.traceId).toBe(traceId);
        finished.push(evaluation);
      },
      close,
    };
    const seen: string[] = [];
    const engine = createEngine({
      evidence: { store: 'memory' },
      critics: { risk: {}, privacy: {} },
      infra: [cache],
      hooks: { postExecution: (critic) => void seen.push(critic) },
    });
    const evaluation = await engine.evaluate({ inputText: 'q', modelResponse: 'Unplug it.' });
    expect(evaluation.critics['risk']).toMatchObject({ fromCache: true, attempts: 0 });
    expect(seen).toEqual(['privacy']); // the configuration's own hooks still run, after the infrastructure's
    expect(evaluation.degraded).toEqual(['cache:redis']);
    expect(finished).toEqual([evaluation]);
    await engine.close();
    expect(close).toHaveBeenCalledTimes(1);
  });

  it('never lets a faulty piece fail an evaluation', async () => {
    const warnings: string[] = [];
    const broken: EngineInfra = {
      name: 'broken',
      degraded: () => {
        throw new Error('no state');
      },
      evaluationStarted: () => () => {
        throw new Error('listener down');
      },
      close: () => Promise.reject(new Error('close failed')),
    };
    const engine = createEngine({
      evidence: { store: 'memory' },
      critics: { risk: {} },
      infra: [broken],
      logger: { warn: (_d, m) => warnings.push(m) },
    });
    const evaluation = await engine.evaluate({ inputText: 'q', modelResponse: 'fine' });
    expect(evaluation.decision).toBe('allow');
    expect(evaluation.degraded).toEqual([]);
    expect(warnings).toHaveLength(2);
    await expect(engine.close()).resolves.toBeUndefined();
  });
});
