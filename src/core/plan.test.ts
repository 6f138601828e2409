import { describe, expect, it } from 'vitest';
import type { EleanorError } from '../index.js';
import { Orchestrator, type OrchestratorOptions } from '../index.js';
import { OK } from '../../test/support/critics.js';

function constructionError(options: OrchestratorOptions): EleanorError {
  try {
    new Orchestrator(options);
  } catch (error) {
    return error as EleanorError;
  }
  throw new Error('expected the constructor to throw');
}

describe('Orchestrator: the dependency graph', () => {
  it('rejects a dependency on an unknown critic, naming both', () => {
    const error = constructionError({ critics: { truth: { evaluate: () => OK, dependsOn: ['factcheck'] } } });
    expect(error.code).toBe('CRITIC_GRAPH_INVALID');
    expect(error.message).toContain("'truth'");
    expect(error.message).toContain("'factcheck'");
  });

  it('rejects a cycle, naming the critics on it', () => {
    const error = constructionError({
      critics: {
        free: () => OK,
        a: { evaluate: () => OK, dependsOn: ['c'] },
        b: { evaluate: () => OK, dependsOn: ['a'] },
        c: { evaluate: () => OK, dependsOn: ['b', 'free'] },
      },
    });
    expect(error.code).toBe('CRITIC_GRAPH_INVALID');
    expect(error.message).toMatch(/cycle: a -> c -> b -> a/);
    expect(error.message).not.toContain('free');
  });

  it('rejects a critic that depends on itself', () => {
    const error = constructionError({ critics: { selfish: { evaluate: () => OK, dependsOn: ['selfish'] } } });
    expect(error.code).toBe('CRITIC_GRAPH_INVALID');
    expect(error.message).toContain('selfish -> selfish');
  });

  it('rejects duplicate names in an array of specs', () => {
    const error = constructionError({
      critics: [
        { name: 'privacy', evaluate: () => OK },
        { name: 'privacy', evaluate: () => OK },
      ],
    });
    expect(error.code).toBe('CRITIC_GRAPH_INVALID');
    expect(error.message).toContain('privacy');
  });

  it('accepts a valid diamond', () => {
    expect(
      () =>
        new Orchestrator({
          critics: {
            a: () => OK,
            b: { evaluate: () => OK, dependsOn: ['a'] },
            c: { evaluate: () => OK, dependsOn: ['a'] },
            d: { evaluate: () => OK, dependsOn: ['b', 'c'] },
          },
        }),
    ).not.toThrow();
  });
});

describe('Orchestrator: configuration checks', () => {
  const bad: Array<[string, unknown, RegExp]> = [
    ['a spec without evaluate', { critics: { a: { timeoutMs: 5 } } }, /critics\.a\.evaluate: expected a function/],
    ['a zero timeout', { critics: { a: { evaluate: () => OK, timeoutMs: 0 } } }, /critics\.a\.timeoutMs/],
    [
      'a timeout beyond what timers hold',
      { critics: { a: { evaluate: () => OK, timeoutMs: 2 ** 31 } } },
      /critics\.a\.timeoutMs/,
    ],
    ['priority 11', { critics: { a: { evaluate: () => OK, priority: 11 } } }, /critics\.a\.priority/],
    [
      'a fractional retry count',
      { critics: { a: { evaluate: () => OK, retries: { max: 1.5 } } } },
      /critics\.a\.retries\.max/,
    ],
    [
      'baseMs above maxMs',
      { critics: { a: { evaluate: () => OK, retries: { max: 1, baseMs: 50, maxMs: 10 } } } },
      /baseMs must not exceed maxMs/,
    ],
    ['an unknown policy', { critics: { a: { evaluate: () => OK, policy: 'sometimes' } } }, /critics\.a\.policy/],
    [
      'a schema that is not zod',
      { critics: { a: { evaluate: () => OK, schema: {} } } },
      /critics\.a\.schema: expected a zod schema/,
    ],
    ['concurrency 0', { critics: {}, concurrency: 0 }, /options\.concurrency/],
    ['a nameless array spec', { critics: [{ evaluate: () => OK }] }, /critics\[0\]\.name/],
    ['no critics at all', {}, /options\.critics/],
    ['a critic named __proto__', { critics: [{ name: '__proto__', evaluate: () => OK }] }, /__proto__/],
  ];
  it.each(bad)('rejects %s with INVALID_CONFIG naming the field', (_label, options, message) => {
    const error = constructionError(options as OrchestratorOptions);
    expect(error.code).toBe('INVALID_CONFIG');
    expect(error.message).toMatch(message);
  });
});
