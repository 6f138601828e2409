import { describe, expect, it, vi } from 'vitest';
import { Orchestrator } from '../core/orchestrator.js';
import { shortCircuit } from '../core/short-circuit.js';
import type { Finding, Hooks } from '../core/types.js';
import { composeHooks } from './compose-hooks.js';

const OK: Finding = { score: 0, severity: 0, violations: [] };
const input = { inputText: 'q', modelResponse: 'a', context: {}, traceId: 't-1' };

describe('composeHooks', () => {
  it('asks preExecution sets in order; the first result wins and later sets are not asked', () => {
    const cache = vi.fn(() => undefined);
    const breaker = vi.fn(() => shortCircuit('circuit_open', 'open'));
    const never = vi.fn(() => OK);
    const hooks = composeHooks([{ preExecution: cache }, { preExecution: breaker }, { preExecution: never }]);
    expect(hooks.preExecution?.('a', input)).toMatchObject({ status: 'circuit_open' });
    expect(cache).toHaveBeenCalledWith('a', input, undefined);
    expect(never).not.toHaveBeenCalled();
  });

  it('stays synchronous when every hook is, and awaits async ones in order', async () => {
    const order: string[] = [];
    const hooks = composeHooks([
      { postExecution: () => void order.push('sync') },
      {
        postExecution: async () => {
          await Promise.resolve();
          order.push('async');
        },
      },
      { postExecution: () => void order.push('last') },
    ]);
    const outcome = {
      critic: 'a',
      status: 'success' as const,
      finding: OK,
      durationMs: 1,
      attempts: 1,
      fromCache: false,
      degraded: false,
    };
    const result = hooks.postExecution?.('a', outcome, input);
    expect(order).toEqual(['sync']);
    await result;
    expect(order).toEqual(['sync', 'async', 'last']);
    expect(composeHooks([{ preExecution: () => undefined }]).preExecution?.('a', input)).toBeUndefined();
  });

  it('gives the first fallback of onFailure, with the input that ties it to its run', async () => {
    const seen = vi.fn<NonNullable<Hooks['onFailure']>>(() => undefined);
    const hooks = composeHooks([{ onFailure: seen }, { onFailure: async () => ({ ...OK, severity: 2 }) }]);
    await expect(hooks.onFailure?.('a', new Error('x'), 3, input)).resolves.toMatchObject({ severity: 2 });
    expect(seen.mock.calls[0]?.[3]).toBe(input);
  });

  it('lets every onFailure set observe the failure, even after a fallback was given', () => {
    const observer = vi.fn(() => undefined);
    const hooks = composeHooks([{ onFailure: () => ({ ...OK, severity: 2 }) }, { onFailure: observer }]);
    expect(hooks.onFailure?.('a', new Error('x'), 3, input)).toMatchObject({ severity: 2 });
    expect(observer).toHaveBeenCalledTimes(1);
  });

  it('does not let one failing set hide the others; reports every error', async () => {
    const report = vi.fn();
    const hooks = composeHooks(
      [
        {
          preExecution: () => {
            throw new Error('cache down');
          },
        },
        { preExecution: async () => ({ ...OK, severity: 1 }) },
      ],
      { report },
    );
    await expect(hooks.preExecution?.('a', input)).resolves.toMatchObject({ severity: 1 });
    expect(report).toHaveBeenCalledWith('preExecution', expect.objectContaining({ message: 'cache down' }));
    const allFail = composeHooks([
      { postExecution: () => Promise.reject(new Error('one')) },
      {
        postExecution: () => {
          throw new Error('two');
        },
      },
    ]);
    const outcome = {
      critic: 'a',
      status: 'success' as const,
      finding: OK,
      durationMs: 1,
      attempts: 1,
      fromCache: false,
      degraded: false,
    };
    await expect(allFail.postExecution?.('a', outcome, input)).rejects.toThrow('2 postExecution hooks failed');
  });

  it('works as the orchestrator hooks: a failing set is logged, the others still act', async () => {
    const warnings: string[] = [];
    const orch = new Orchestrator({
      critics: { c: () => Promise.reject(new Error('boom')) },
      hooks: composeHooks([
        {
          onFailure: () => {
            throw new Error('metrics down');
          },
        },
        { onFailure: () => ({ ...OK, severity: 3 }) },
      ]),
      logger: { warn: (_d, m) => warnings.push(m) },
    });
    const outcome = (await orch.run(input))['c'];
    expect(outcome).toMatchObject({ status: 'error', degraded: true, finding: { severity: 3 } });
    expect(warnings).toEqual([]);
  });
});
