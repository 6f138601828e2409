// createMetrics(): Prometheus metrics (prom-client) for critics, evaluations, cache tiers, breakers and in-flight critics.
import type * as Prom from 'prom-client';
import type { Gauge, Registry } from 'prom-client';
import { EleanorError } from '../../core/index.js';
import { requirePackage } from '../../core/index.js';
import { CRITIC_STATUSES, type CriticOutcome, type CriticStatus, type Hooks } from '../../core/index.js';
import type { Decision, Evaluation } from '../../verdict/index.js';

export type CacheTier = 'l1' | 'l2';
export type CacheResult = 'hit' | 'miss' | 'error';
/** Reported as 0 (closed), 1 (half_open) and 2 (open); cockatiel's 'isolated' counts as open. */
export type BreakerState = 'closed' | 'half_open' | 'open' | 'isolated';

const DECISIONS: readonly Decision[] = ['allow', 'constrained_allow', 'escalate', 'deny'];
const CACHE_TIERS: readonly string[] = ['l1', 'l2'] satisfies CacheTier[];
const CACHE_RESULTS: readonly string[] = ['hit', 'miss', 'error'] satisfies CacheResult[];
const BREAKER_VALUES: Readonly<Record<BreakerState, number>> = { closed: 0, half_open: 1, open: 2, isolated: 2 };
const STATUSES = new Set<string>(CRITIC_STATUSES);
/** The critic label of every critic beyond `maxCritics`. */
export const OTHER_CRITIC = '_other';

export interface MetricsOptions {
  /** Where the metrics are registered. @default a new Registry */
  readonly registry?: Registry;
  /** Prepended to every metric name. @default 'eleanor_' */
  readonly prefix?: string;
  /** Upper bounds of the critic duration histogram, in seconds. @default 1 ms … 10 s, 13 buckets */
  readonly durationBuckets?: readonly number[];
  /** Distinct `critic` label values at most; later critics are reported as '_other'. @default 64 */
  readonly maxCritics?: number;
  /**
   * Read at each scrape for `inflight_critics` (e.g. `() => orchestrator.metrics().inflight`). When given, the
   * hooks do not track in-flight critics. @default none: `preExecution` counts up and `observeOutcome` down
   */
  readonly inflight?: () => number;
}

export interface EleanorMetrics {
  /** Attach to the orchestrator (via composeHooks): `preExecution` counts a critic in flight; it never short-circuits. */
  readonly hooks: Hooks;
  /**
   * Call for every outcome (the hooks do not see all statuses). Pass the run's traceId so the in-flight count ends the
   * right execution; outcomes of critics that never started (gated, skipped, …) leave it unchanged.
   */
  observeOutcome(outcome: CriticOutcome, traceId?: string): void;
  observeEvaluation(evaluation: Pick<Evaluation, 'decision'>): void;
  observeCache(tier: CacheTier, result: CacheResult): void;
  setBreakerState(critic: string, state: BreakerState): void;
  readonly registry: Registry;
}

const DEFAULT_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

function invalid(field: string, expected: string, value: unknown): EleanorError {
  return new EleanorError('INVALID_CONFIG', `${field}: expected ${expected}, got ${String(value)}`);
}

/**
 * Creates and registers the metrics. Values outside the known sets (statuses, decisions, tiers, results, breaker
 * states) are ignored, so label cardinality stays bounded whatever the callers pass.
 * @example
 * const metrics = createMetrics({ prefix: 'eleanor_' });
 * await metrics.registry.metrics(); // Prometheus text
 */
export function createMetrics(options: MetricsOptions = {}): EleanorMetrics {
  // Loaded by the first metrics, not by `import 'eleanor'`.
  const { Counter, Gauge, Histogram, Registry } = requirePackage<typeof Prom>({
    name: 'prom-client',
    user: 'the metrics',
    code: 'INVALID_CONFIG',
  });
  const registry = options.registry ?? new Registry();
  const prefix = options.prefix ?? 'eleanor_';
  if (!/^([a-zA-Z_:][a-zA-Z0-9_:]*)?$/.test(prefix)) throw invalid('prefix', 'a Prometheus name prefix', prefix);
  const buckets = [...(options.durationBuckets ?? DEFAULT_BUCKETS)];
  if (buckets.length === 0 || buckets.some((b, i) => !(b > 0) || (i > 0 && b <= buckets[i - 1]!))) {
    throw invalid('durationBuckets', 'increasing positive numbers', buckets.join(','));
  }
  const maxCritics = options.maxCritics ?? 64;
  if (!Number.isInteger(maxCritics) || maxCritics < 1) throw invalid('maxCritics', 'a positive integer', maxCritics);
  const names = ['critic_duration_seconds', 'evaluations_total', 'cache_requests_total', 'breaker_state'];
  for (const name of [...names, 'inflight_critics'].map((n) => prefix + n)) {
    if (registry.getSingleMetric(name) !== undefined) throw invalid('registry', `no metric named ${name} yet`, 'one');
  }

  const registers = [registry];
  const duration = new Histogram({
    name: `${prefix}critic_duration_seconds`,
    help: 'Time from a critic start (hooks included) to its outcome, by critic and outcome status.',
    labelNames: ['critic', 'status'] as const,
    buckets,
    registers,
  });
  const evaluations = new Counter({
    name: `${prefix}evaluations_total`,
    help: 'Evaluations completed, by decision.',
    labelNames: ['decision'] as const,
    registers,
  });
  const cache = new Counter({
    name: `${prefix}cache_requests_total`,
    help: 'Critic cache look-ups, by tier (l1 memory, l2 Redis) and result.',
    labelNames: ['tier', 'result'] as const,
    registers,
  });
  const breaker = new Gauge({
    name: `${prefix}breaker_state`,
    help: 'Circuit breaker state per critic: 0 closed, 1 half open, 2 open.',
    labelNames: ['critic'] as const,
    registers,
  });
  const readInflight = options.inflight;
  const inflight = new Gauge({
    name: `${prefix}inflight_critics`,
    help: 'Critics started and not yet settled, across runs.',
    registers,
    ...(readInflight !== undefined && {
      collect(this: Gauge) {
        this.set(readInflight());
      },
    }),
  });
  for (const decision of DECISIONS) evaluations.inc({ decision }, 0);

  const critics = new Set<string>();
  const criticLabel = (critic: string): string => {
    if (critics.has(critic)) return critic;
    if (critics.size >= maxCritics) return OTHER_CRITIC;
    critics.add(critic);
    return critic;
  };

  // critic -> traceId -> executions started and not yet observed.
  const running = new Map<string, Map<string, number>>();
  const started = (critic: string, traceId: string): void => {
    let byTrace = running.get(critic);
    if (byTrace === undefined) running.set(critic, (byTrace = new Map<string, number>()));
    byTrace.set(traceId, (byTrace.get(traceId) ?? 0) + 1);
    inflight.inc();
  };
  const ended = (critic: string, traceId: string | undefined): void => {
    const byTrace = running.get(critic);
    if (byTrace === undefined) return;
    const key = traceId ?? byTrace.keys().next().value;
    const count = key === undefined ? undefined : byTrace.get(key);
    if (key === undefined || count === undefined) return;
    if (count > 1) byTrace.set(key, count - 1);
    else if (byTrace.delete(key) && byTrace.size === 0) running.delete(critic);
    inflight.dec();
  };

  const hooks: Hooks =
    readInflight !== undefined
      ? {}
      : {
          preExecution(critic, input) {
            started(critic, input.traceId);
            return undefined;
          },
        };

  return {
    hooks,
    registry,
    observeOutcome(outcome, traceId) {
      if (readInflight === undefined) ended(outcome.critic, traceId);
      const status: CriticStatus = outcome.status;
      const seconds = outcome.durationMs / 1000;
      if (!STATUSES.has(status) || !Number.isFinite(seconds) || seconds < 0) return;
      duration.observe({ critic: criticLabel(outcome.critic), status }, seconds);
    },
    observeEvaluation(evaluation) {
      if (DECISIONS.includes(evaluation.decision)) evaluations.inc({ decision: evaluation.decision });
    },
    observeCache(tier, result) {
      if (CACHE_TIERS.includes(tier) && CACHE_RESULTS.includes(result)) cache.inc({ tier, result });
    },
    setBreakerState(critic, state) {
      const value = Object.hasOwn(BREAKER_VALUES, state) ? BREAKER_VALUES[state] : undefined;
      if (value !== undefined) breaker.set({ critic: criticLabel(critic) }, value);
    },
  };
}
