// Tests for createMetrics(): the exposition text holds the right series and values, with bounded labels.
import { Registry } from 'prom-client';
import { describe, expect, it } from 'vitest';
import { isEleanorError } from '../../core/errors.js';
import { CRITIC_STATUSES, type CriticInput, type CriticOutcome, type CriticStatus } from '../../core/types.js';
import { createMetrics } from './metrics.js';

interface Sample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

/** Parses Prometheus text exposition into samples (comments skipped). */
function parse(text: string): Sample[] {
  const samples: Sample[] = [];
  for (const line of text.split('\n')) {
    if (line === '' || line.startsWith('#')) continue;
    const match = /^([a-zA-Z_:][\w:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (match === null) throw new Error(`unparsable exposition line: ${line}`);
    const labels: Record<string, string> = {};
    for (const [, key, value] of (match[2] ?? '').matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)) labels[key!] = value!;
    samples.push({ name: match[1]!, labels, value: Number(match[3]) });
  }
  return samples;
}

async function scrape(registry: Registry): Promise<Sample[]> {
  return parse(await registry.metrics());
}

function value(samples: Sample[], name: string, labels: Record<string, string> = {}): number | undefined {
  const found = samples.filter((s) => s.name === name && Object.entries(labels).every(([k, v]) => s.labels[k] === v));
  if (found.length > 1) throw new Error(`${found.length} samples match ${name} ${JSON.stringify(labels)}`);
  return found[0]?.value;
}

function outcome(critic: string, status: CriticStatus, durationMs: number): CriticOutcome {
  return {
    critic,
    status,
    finding: { score: 0, severity: 0, violations: [] },
    durationMs,
    attempts: 1,
    fromCache: false,
    degraded: false,
  };
}

const input = (traceId: string): CriticInput => ({ inputText: 'q', modelResponse: 'a', context: {}, traceId });

describe('createMetrics', () => {
  it('records critic durations in seconds by critic and status', async () => {
    const metrics = createMetrics();
    metrics.observeOutcome(outcome('privacy', 'success', 12.5));
    metrics.observeOutcome(outcome('privacy', 'success', 30));
    metrics.observeOutcome(outcome('truth', 'timeout', 2000));
    const s = await scrape(metrics.registry);
    const privacy = { critic: 'privacy', status: 'success' };
    expect(value(s, 'eleanor_critic_duration_seconds_count', privacy)).toBe(2);
    expect(value(s, 'eleanor_critic_duration_seconds_sum', privacy)).toBeCloseTo(0.0425, 10);
    expect(value(s, 'eleanor_critic_duration_seconds_bucket', { ...privacy, le: '0.01' })).toBe(0);
    expect(value(s, 'eleanor_critic_duration_seconds_bucket', { ...privacy, le: '0.025' })).toBe(1);
    expect(value(s, 'eleanor_critic_duration_seconds_bucket', { ...privacy, le: '0.05' })).toBe(2);
    expect(value(s, 'eleanor_critic_duration_seconds_bucket', { ...privacy, le: '+Inf' })).toBe(2);
    const truth = { critic: 'truth', status: 'timeout' };
    expect(value(s, 'eleanor_critic_duration_seconds_bucket', { ...truth, le: '1' })).toBe(0);
    expect(value(s, 'eleanor_critic_duration_seconds_bucket', { ...truth, le: '2.5' })).toBe(1);
    expect(value(s, 'eleanor_critic_duration_seconds_count', { critic: 'truth', status: 'success' })).toBeUndefined();
  });

  it('counts evaluations by decision, every decision present from the start', async () => {
    const metrics = createMetrics();
    metrics.observeEvaluation({ decision: 'deny' });
    metrics.observeEvaluation({ decision: 'deny' });
    metrics.observeEvaluation({ decision: 'allow' });
    const s = await scrape(metrics.registry);
    expect(value(s, 'eleanor_evaluations_total', { decision: 'deny' })).toBe(2);
    expect(value(s, 'eleanor_evaluations_total', { decision: 'allow' })).toBe(1);
    expect(value(s, 'eleanor_evaluations_total', { decision: 'escalate' })).toBe(0);
    expect(value(s, 'eleanor_evaluations_total', { decision: 'constrained_allow' })).toBe(0);
  });

  it('counts cache requests by tier and result', async () => {
    const metrics = createMetrics();
    metrics.observeCache('l1', 'hit');
    metrics.observeCache('l1', 'hit');
    metrics.observeCache('l1', 'miss');
    metrics.observeCache('l2', 'error');
    const s = await scrape(metrics.registry);
    expect(value(s, 'eleanor_cache_requests_total', { tier: 'l1', result: 'hit' })).toBe(2);
    expect(value(s, 'eleanor_cache_requests_total', { tier: 'l1', result: 'miss' })).toBe(1);
    expect(value(s, 'eleanor_cache_requests_total', { tier: 'l2', result: 'error' })).toBe(1);
  });

  it('reports breaker states as 0 closed, 1 half open, 2 open', async () => {
    const metrics = createMetrics();
    metrics.setBreakerState('a', 'closed');
    metrics.setBreakerState('b', 'half_open');
    metrics.setBreakerState('c', 'open');
    metrics.setBreakerState('d', 'open');
    metrics.setBreakerState('d', 'isolated');
    metrics.setBreakerState('c', 'closed');
    const s = await scrape(metrics.registry);
    expect(s.filter((x) => x.name === 'eleanor_breaker_state').map((x) => [x.labels.critic, x.value])).toEqual([
      ['a', 0],
      ['b', 1],
      ['c', 0],
      ['d', 2],
    ]);
  });

  it('counts critics in flight from preExecution to their outcome, never below zero', async () => {
    const metrics = createMetrics();
    expect(metrics.hooks.preExecution?.('privacy', input('t1'))).toBeUndefined();
    expect(metrics.hooks.preExecution?.('privacy', input('t2'))).toBeUndefined();
    expect(metrics.hooks.preExecution?.('truth', input('t1'))).toBeUndefined();
    expect(value(await scrape(metrics.registry), 'eleanor_inflight_critics')).toBe(3);
    metrics.observeOutcome(outcome('privacy', 'success', 1), 't2');
    // A gated critic never started: its outcome must not end someone else's execution.
    metrics.observeOutcome(outcome('risk', 'gated', 0), 't1');
    metrics.observeOutcome(outcome('privacy', 'gated', 0), 't3');
    expect(value(await scrape(metrics.registry), 'eleanor_inflight_critics')).toBe(2);
    metrics.observeOutcome(outcome('privacy', 'success', 1), 't1');
    metrics.observeOutcome(outcome('truth', 'error', 1));
    metrics.observeOutcome(outcome('truth', 'error', 1));
    expect(value(await scrape(metrics.registry), 'eleanor_inflight_critics')).toBe(0);
  });

  it('reads in-flight critics from a callback when given one, and then adds no hooks', async () => {
    let inflight = 7;
    const metrics = createMetrics({ inflight: () => inflight });
    expect(metrics.hooks).toEqual({});
    expect(value(await scrape(metrics.registry), 'eleanor_inflight_critics')).toBe(7);
    inflight = 2;
    expect(value(await scrape(metrics.registry), 'eleanor_inflight_critics')).toBe(2);
  });

  it('keeps label cardinality bounded: 8 statuses, known values only, critics capped', async () => {
    const metrics = createMetrics({ maxCritics: 2 });
    for (const status of CRITIC_STATUSES) metrics.observeOutcome(outcome('a', status, 1));
    metrics.observeOutcome(outcome('a', 'exploded' as CriticStatus, 1));
    metrics.observeOutcome(outcome('a', 'success', Number.NaN));
    metrics.observeOutcome(outcome('b', 'success', 1));
    metrics.observeOutcome(outcome('c', 'success', 1));
    metrics.observeOutcome(outcome('d', 'success', 1));
    metrics.observeEvaluation({ decision: 'maybe' as 'allow' });
    metrics.observeCache('l3' as 'l1', 'hit');
    metrics.observeCache('l1', 'stale' as 'hit');
    metrics.setBreakerState('a', 'melted' as 'open');
    const s = await scrape(metrics.registry);
    const counts = s.filter((x) => x.name === 'eleanor_critic_duration_seconds_count');
    expect(counts.filter((x) => x.labels.critic === 'a').map((x) => x.labels.status)).toEqual([...CRITIC_STATUSES]);
    expect(value(s, 'eleanor_critic_duration_seconds_count', { critic: 'a', status: 'success' })).toBe(1);
    expect([...new Set(counts.map((x) => x.labels.critic))]).toEqual(['a', 'b', '_other']);
    expect(value(s, 'eleanor_critic_duration_seconds_count', { critic: '_other' })).toBe(2);
    expect(s.filter((x) => x.name === 'eleanor_evaluations_total')).toHaveLength(4);
    expect(s.filter((x) => x.name === 'eleanor_cache_requests_total')).toHaveLength(0);
    expect(s.filter((x) => x.name === 'eleanor_breaker_state')).toHaveLength(0);
  });

  it('registers on a given registry with a given prefix, and refuses to register twice', async () => {
    const registry = new Registry();
    const metrics = createMetrics({ registry, prefix: 'gov_', durationBuckets: [0.5, 1] });
    metrics.observeOutcome(outcome('a', 'success', 700));
    const s = await scrape(registry);
    expect(value(s, 'gov_critic_duration_seconds_bucket', { le: '0.5' })).toBe(0);
    expect(value(s, 'gov_critic_duration_seconds_bucket', { le: '1' })).toBe(1);
    expect(s.some((x) => x.name.startsWith('eleanor_'))).toBe(false);
    try {
      createMetrics({ registry, prefix: 'gov_' });
      expect.unreachable();
    } catch (error) {
      expect(isEleanorError(error) && error.code).toBe('INVALID_CONFIG');
      expect((error as Error).message).toMatch(/gov_critic_duration_seconds/);
    }
  });

  it('rejects bad options with a message naming the field', () => {
    expect(() => createMetrics({ prefix: 'bad-prefix' })).toThrow(/prefix/);
    expect(() => createMetrics({ durationBuckets: [1, 0.5] })).toThrow(/durationBuckets/);
    expect(() => createMetrics({ durationBuckets: [] })).toThrow(/durationBuckets/);
    expect(() => createMetrics({ maxCritics: 0 })).toThrow(/maxCritics/);
  });
});
