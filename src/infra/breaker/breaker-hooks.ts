// Circuit breakers per critic as orchestrator hooks: cockatiel decides; an open breaker ends the critic at once.
import { CircuitState, isBrokenCircuitError, type CircuitBreakerPolicy } from 'cockatiel';
import { CriticTimeoutError, describeError } from '../../core/index.js';
import { shortCircuit } from '../../core/index.js';
import type { CriticInput, Finding, Hooks, RunScope, ShortCircuit } from '../../core/index.js';
import { runIdOf } from '../run-identity.js';
import { checkFallbacks, fallbackFor } from '../degradation/degradation-hooks.js';
import {
  type BreakerConfig,
  type BreakerOptions,
  checkConfig,
  checkMs,
  createPolicy,
  DEFAULT_CONFIG,
  DEFAULT_SETTLE_WITHIN_MS,
  describeConfig,
  UncountedCallError,
} from './options.js';

export type BreakerState = 'closed' | 'open' | 'half_open';
export type BreakerStateListener = (critic: string, state: BreakerState) => void;

export interface BreakerHooks {
  /**
   * Compose them after a cache (a cache hit must not reach the breaker: that critic never reports) and before
   * degradation (composeHooks stops at the first `onFailure` finding, and the breaker must see every failure).
   */
  readonly hooks: Hooks;
  /**
   * Each known critic's state: those named in `critics` from the start, others once seen. Like cockatiel, an open
   * breaker turns half-open on the first call after `halfOpenAfterMs`, not by itself.
   */
  states(): Record<string, BreakerState>;
  /** Calls `listener` on every transition; returns a function that unsubscribes it. */
  onStateChange(listener: BreakerStateListener): () => void;
}

interface Breaker {
  readonly policy: CircuitBreakerPolicy;
  readonly config: BreakerConfig;
}

/** A critic's execution that the breaker let through, waiting for the critic's success or failure hook. */
interface PendingCall {
  readonly probe: boolean;
  /** Settles the cockatiel call (with an error: failed) and resolves once cockatiel has recorded it. */
  settle(error?: Error): Promise<void>;
}

function toState(state: CircuitState): BreakerState {
  switch (state) {
    case CircuitState.Closed:
      return 'closed';
    case CircuitState.Open:
    case CircuitState.Isolated:
      return 'open';
    case CircuitState.HalfOpen:
      return 'half_open';
    default: {
      const never: never = state;
      throw new Error(`unknown circuit state ${String(never)}`);
    }
  }
}

function stateOf(policy: CircuitBreakerPolicy): CircuitState {
  return policy.state;
}

/** Only the caller's abort says nothing of the critic's health; timeouts (its own or the run's deadline) count. */
function isCounted(error: Error): boolean {
  return !(error instanceof CriticTimeoutError && error.code === 'RUN_CANCELLED');
}

/**
 * A circuit breaker per critic (cockatiel): an open breaker ends the critic at once.
 * @example
 * const breakers = createBreakerHooks({ default: { mode: 'consecutive', threshold: 5, halfOpenAfterMs: 10_000 } });
 * breakers.states(); // { [critic]: 'closed' | 'open' | 'half-open' }
 */
export function createBreakerHooks(options: BreakerOptions = {}): BreakerHooks {
  const defaultConfig = options.default === undefined ? DEFAULT_CONFIG : checkConfig('default', options.default);
  const configs = new Map<string, BreakerConfig>();
  for (const [name, config] of Object.entries(options.critics ?? {})) {
    configs.set(name, checkConfig(`critics.${name}`, config));
  }
  const fallbacks = checkFallbacks(options.fallbacks);
  const settleWithinMs = options.settleWithinMs ?? DEFAULT_SETTLE_WITHIN_MS;
  checkMs('settleWithinMs', settleWithinMs, 1);
  const breakers = new Map<string, Breaker>();
  const listeners = new Set<BreakerStateListener>();
  /** Calls let through, by critic and trace id, oldest first (two runs may share a trace id). */
  const pending = new Map<string, PendingCall[]>();

  const breakerFor = (critic: string): Breaker => {
    let breaker = breakers.get(critic);
    if (breaker === undefined) {
      const config = configs.get(critic) ?? defaultConfig;
      const policy = createPolicy(config);
      policy.onStateChange((state) => {
        for (const listener of listeners) {
          try {
            listener(critic, toState(state));
          } catch (error) {
            options.report?.(error);
          }
        }
      });
      breaker = { policy, config };
      breakers.set(critic, breaker);
    }
    return breaker;
  };
  for (const name of configs.keys()) breakerFor(name);

  const refuse = (critic: string, { policy, config }: Breaker): ShortCircuit => {
    const last = policy.lastFailure;
    const cause = last !== undefined && 'error' in last ? `; last failure: ${describeError(last.error)}` : '';
    const message =
      policy.state === CircuitState.HalfOpen
        ? `breaker half-open after ${describeConfig(config)}: its one probe is in flight${cause}`
        : `breaker open after ${describeConfig(config)}${cause}`;
    return shortCircuit('circuit_open', message, fallbackFor(fallbacks, critic));
  };

  const take = (key: string): PendingCall | undefined => {
    const calls = pending.get(key);
    const call = calls?.shift();
    if (calls?.length === 0) pending.delete(key);
    return call;
  };

  const admit = (
    critic: string,
    input: CriticInput,
    scope: RunScope | undefined,
  ): ShortCircuit | undefined | Promise<ShortCircuit | undefined> => {
    const breaker = breakerFor(critic);
    // Cockatiel would queue this call behind the probe; a critic is refused at once instead.
    if (breaker.policy.state === CircuitState.HalfOpen) return refuse(critic, breaker);
    let started = false;
    let finish!: (error?: Error) => void;
    const gate = new Promise<void>((resolve, reject) => {
      finish = (error) => (error === undefined ? resolve() : reject(error));
    });
    const execution = breaker.policy.execute(() => {
      started = true;
      return gate;
    });
    // Cockatiel calls the function synchronously whenever the circuit lets the call through.
    if (!started) {
      return execution.then(
        () => undefined,
        (error: unknown) => (isBrokenCircuitError(error) ? refuse(critic, breaker) : undefined),
      );
    }
    const recorded = execution.then(
      () => undefined,
      () => undefined,
    );
    const key = `${critic}\u0000${runIdOf(input, scope)}`;
    // Read again: execute() may have turned an open circuit half-open, making this call its probe.
    const probe = stateOf(breaker.policy) === CircuitState.HalfOpen;
    const call: PendingCall = {
      probe,
      settle: (error) => {
        clearTimeout(timer);
        const calls = pending.get(key);
        const at = calls?.indexOf(call) ?? -1;
        if (at >= 0) calls?.splice(at, 1);
        if (calls?.length === 0) pending.delete(key);
        finish(error);
        return recorded;
      },
    };
    const timer = setTimeout(
      () =>
        void call.settle(
          new UncountedCallError(`critic '${critic}' did not report within ${settleWithinMs} ms`, probe),
        ),
      settleWithinMs,
    );
    timer.unref();
    const calls = pending.get(key);
    if (calls === undefined) pending.set(key, [call]);
    else calls.push(call);
    return undefined;
  };

  const hooks: Hooks = {
    preExecution: (critic, input, scope) => admit(critic, input, scope),
    postExecution: (critic, _outcome, input, scope) => take(`${critic}\u0000${runIdOf(input, scope)}`)?.settle(),
    onFailure: (critic, error, _durationMs, input, scope): Promise<Finding | undefined> | undefined => {
      const call = take(`${critic}\u0000${runIdOf(input, scope)}`);
      if (call === undefined) return undefined;
      const counted = isCounted(error) ? error : new UncountedCallError(error.message, call.probe);
      // The fallback is the degradation hooks' job; this one only records the failure.
      return call.settle(counted).then(() => undefined);
    },
  };

  return {
    hooks,
    states: () => {
      const states: Record<string, BreakerState> = {};
      for (const [name, { policy }] of breakers) states[name] = toState(policy.state);
      return states;
    },
    onStateChange: (listener) => {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
  };
}
