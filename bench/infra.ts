// Infrastructure overhead (issue 5): per-critic cost with tracing, L1 cache, metrics and events on; L1 hits; Redis hits.
import { performance } from 'node:perf_hooks';
import { Redis } from 'ioredis';
import {
  cacheKey,
  composeHooks,
  createCacheHooks,
  createEventBus,
  createMetrics,
  createTracingHooks,
  type CriticFn,
  type CriticInput,
  type CriticOutcome,
  Orchestrator,
} from '../src/index.js';
import { DEFAULT_VOLATILE_CONTEXT_KEYS } from '../src/infra/cache/index.js';
import { emit, expectStatuses, FINDING, median, round } from './support.js';

const TARGET_US_PER_CRITIC = 20;
const TARGET_L1_HIT_US_PER_CRITIC = 3;
const TARGET_REDIS_HIT_P50_MS = 1;
const REDIS_URL = 'redis://127.0.0.1:6379';
const VERSION = '1.0.0';
/** Critic executions per timed sample, so the timer's own cost is negligible. */
const EXECUTIONS_PER_SAMPLE = 2000;
const SAMPLES = 40;
const WARMUP_SAMPLES = 8;
const REDIS_RUNS = 3000;
const REDIS_WARMUP_RUNS = 300;

const noop: CriticFn = async () => FINDING;

function noOpCritics(count: number): Record<string, CriticFn> {
  return Object.fromEntries(Array.from({ length: count }, (_, i) => [`noop${i}`, noop]));
}

let sequence = 0;
/** A fresh input: a distinct text (so every cache look-up misses) and trace id. */
function distinctInput(): CriticInput {
  const n = sequence++;
  return { inputText: `x${n}`, modelResponse: 'y', context: {}, traceId: `t${n}` };
}

/** The infrastructure of issue 5 as the engine would attach it, around one orchestrator. */
function withInfra(critics: readonly string[], redis?: { client: Redis; prefix: string }) {
  const tracing = createTracingHooks();
  const cache = createCacheHooks({
    critics: Object.fromEntries(critics.map((name) => [name, { version: VERSION }])),
    ...(redis ? { redis } : {}),
  });
  const metrics = createMetrics();
  const bus = createEventBus();
  let received = 0;
  bus.on('critic.completed', () => {
    received++;
  });
  const hooks = composeHooks([tracing.hooks, cache.hooks, metrics.hooks]);
  /** One evaluation: the evaluation span, the run, then per outcome the metric and the event; waits for delivery. */
  const evaluate = async (orchestrator: Orchestrator, input: CriticInput): Promise<Record<string, CriticOutcome>> => {
    const trace = tracing.startEvaluation(input.traceId);
    const outcomes = await orchestrator.run(input);
    for (const outcome of Object.values(outcomes)) {
      metrics.observeOutcome(outcome, input.traceId);
      bus.emit('critic.completed', { traceId: input.traceId, outcome });
    }
    trace.end({ decision: 'allow', gate: { tier: 0, requiredAction: 'none', reasons: [] }, critics: outcomes });
    await bus.idle();
    return outcomes;
  };
  return { hooks, cache, bus, evaluate, received: () => received };
}

/** Median time of one run, in µs, over SAMPLES timed batches of `runsPerSample` runs. */
async function medianRunUs(runsPerSample: number, runOnce: () => Promise<unknown>): Promise<number> {
  const perRun: number[] = [];
  for (let s = 0; s < WARMUP_SAMPLES + SAMPLES; s++) {
    const start = performance.now();
    for (let i = 0; i < runsPerSample; i++) await runOnce();
    const elapsed = performance.now() - start;
    if (s >= WARMUP_SAMPLES) perRun.push((elapsed * 1000) / runsPerSample);
  }
  return median(perRun);
}

function quantile(values: readonly number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!;
}

// 1 and 2: L1 miss path (every run a distinct input) and L1 hit path (one input repeated), against no infrastructure.
for (const count of [10, 100]) {
  const critics = noOpCritics(count);
  const names = Object.keys(critics);
  const runsPerSample = Math.ceil(EXECUTIONS_PER_SAMPLE / count);

  const bare = new Orchestrator({ critics });
  expectStatuses(await bare.run(distinctInput()), 'success');
  const bareUs = await medianRunUs(runsPerSample, () => bare.run(distinctInput()));

  const miss = withInfra(names);
  const missOrchestrator = new Orchestrator({ critics, hooks: miss.hooks });
  const missUs = await medianRunUs(runsPerSample, () => miss.evaluate(missOrchestrator, distinctInput()));
  const missStats = miss.cache.stats();
  if (missStats.l1.hits !== 0) throw new Error(`L1 miss case: ${missStats.l1.hits} unexpected hits`);
  const busStats = miss.bus.stats();
  if (busStats.dropped !== 0 || miss.received() !== busStats.emitted) throw new Error('events were lost');

  for (const [path, runUs] of [
    ['none', bareUs],
    ['l1-miss', missUs],
  ] as const) {
    emit({
      bench: 'infra',
      case: `${count} async no-op critics, infrastructure ${path === 'none' ? 'off' : 'on (L1 miss)'}`,
      critics: count,
      infra: path !== 'none',
      median_run_us: round(runUs),
      median_us_per_critic: round(runUs / count),
      ...(path === 'none'
        ? {}
        : {
            added_us_per_critic: round((runUs - bareUs) / count),
            target_us_per_critic: TARGET_US_PER_CRITIC,
            l1_misses: missStats.l1.misses,
            events_delivered: busStats.delivered,
          }),
      samples: SAMPLES,
      runs_per_sample: runsPerSample,
    });
  }

  const hit = withInfra(names);
  const hitOrchestrator = new Orchestrator({ critics, hooks: hit.hooks });
  const repeated: CriticInput = { inputText: 'repeated', modelResponse: 'y', context: {}, traceId: 'hit' };
  expectStatuses(await hit.evaluate(hitOrchestrator, repeated), 'success'); // fills L1
  const hitUs = await medianRunUs(runsPerSample, async () => {
    const outcomes = await hit.evaluate(hitOrchestrator, repeated);
    if (outcomes.noop0?.fromCache !== true) throw new Error('L1 hit case: expected a cached outcome');
  });
  const hitStats = hit.cache.stats();
  emit({
    bench: 'infra',
    case: `${count} async no-op critics, infrastructure on (L1 hit)`,
    critics: count,
    median_run_us: round(hitUs),
    median_us_per_critic: round(hitUs / count),
    target_us_per_critic: TARGET_L1_HIT_US_PER_CRITIC,
    l1_hits: hitStats.l1.hits,
    l1_misses: hitStats.l1.misses,
    samples: SAMPLES,
    runs_per_sample: runsPerSample,
  });
}

// 2b: L1 hit with the cache alone (no tracing, metrics or events): what a cache hit itself costs.
for (const count of [10, 100]) {
  const critics = noOpCritics(count);
  const cache = createCacheHooks({
    critics: Object.fromEntries(Object.keys(critics).map((name) => [name, { version: VERSION }])),
  });
  const orchestrator = new Orchestrator({ critics, hooks: cache.hooks });
  const input: CriticInput = { inputText: 'repeated', modelResponse: 'y', context: {}, traceId: 'hit' };
  await orchestrator.run(input);
  const runsPerSample = Math.max(1, Math.round(2000 / count));
  const runUs = await medianRunUs(runsPerSample, () => orchestrator.run(input));
  if (cache.stats().l1.hits === 0) throw new Error('cache-only L1 hit case: expected hits');
  emit({
    bench: 'infra',
    case: `${count} async no-op critics, cache alone (L1 hit)`,
    critics: count,
    median_run_us: round(runUs),
    median_us_per_critic: round(runUs / count),
    target_us_per_critic: TARGET_L1_HIT_US_PER_CRITIC,
    samples: SAMPLES,
    runs_per_sample: runsPerSample,
  });
}

// 3: Redis hit. Entries written beforehand; each measured run gets a fresh cache (empty L1) on a shared client.
const prefix = `eleanor:bench:${process.pid}:${Date.now()}:`;
const client = new Redis(REDIS_URL, { enableOfflineQueue: false, maxRetriesPerRequest: 0, lazyConnect: true });
await client.connect();
try {
  const critics = noOpCritics(1);
  const input: CriticInput = { inputText: 'redis', modelResponse: 'y', context: {}, traceId: 'redis' };
  const key = cacheKey('noop0', VERSION, input, new Set(DEFAULT_VOLATILE_CONTEXT_KEYS));
  await client.set(prefix + key, JSON.stringify(FINDING), 'PX', 600_000);

  const runMs: number[] = [];
  const hooksMs: number[] = [];
  let l2Hits = 0;
  for (let i = 0; i < REDIS_WARMUP_RUNS + REDIS_RUNS; i++) {
    const infra = withInfra(['noop0'], { client, prefix });
    const orchestrator = new Orchestrator({ critics, hooks: infra.hooks });
    const start = performance.now();
    const outcomes = await orchestrator.run(input);
    const elapsed = performance.now() - start;
    if (outcomes.noop0?.fromCache !== true) throw new Error('Redis hit case: expected a cached outcome');
    l2Hits += infra.cache.stats().l2.hits;
    if (i >= REDIS_WARMUP_RUNS) {
      runMs.push(elapsed);
      hooksMs.push(outcomes.noop0.durationMs);
    }
    await infra.cache.close(); // the client is ours: not quit
  }
  emit({
    bench: 'infra',
    case: '1 critic, Redis hit (fresh cache, empty L1, per run)',
    critics: 1,
    p50_run_ms: round(quantile(runMs, 0.5), 4),
    p99_run_ms: round(quantile(runMs, 0.99), 4),
    p50_critic_duration_ms: round(quantile(hooksMs, 0.5), 4),
    p99_critic_duration_ms: round(quantile(hooksMs, 0.99), 4),
    target_p50_ms: TARGET_REDIS_HIT_P50_MS,
    l2_hits: l2Hits,
    runs: REDIS_RUNS,
  });
} finally {
  const keys = await client.keys(`${prefix}*`);
  if (keys.length > 0) await client.del(...keys);
  await client.quit();
}
