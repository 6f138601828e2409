// composeHooks(): the orchestrator takes one set of hooks; infrastructure (cache, breakers, metrics…) brings several.
import type { CriticInput, CriticOutcome, Finding, Hooks, RunScope, ShortCircuit } from '../core/index.js';

export interface ComposeOptions {
  /** Told of every error of a composed hook, including those hidden by another set's result. @default none */
  readonly report?: (hook: keyof Hooks, error: unknown) => void;
}

/** Calls one set's hook (one closure per composed call, not one per set: this runs for every critic). */
type Invoke<T> = (set: Hooks) => T | Promise<T>;

function isThenable(value: unknown): value is PromiseLike<unknown> {
  return typeof value === 'object' && value !== null && typeof (value as { then?: unknown }).then === 'function';
}

/** How a composed hook runs its sets. */
type Mode =
  /** Stop at the first result (preExecution: a cache hit or an open breaker). */
  | 'first'
  /** Call every set; keep the first result (onFailure: every observer sees the failure; the first fallback wins). */
  | 'all-first'
  /** Call every set (postExecution). */
  | 'all';

/**
 * Calls the sets in order. Stays synchronous while every call is; errors are reported and, when nothing was
 * found, rethrown together (the orchestrator logs them).
 */
function chain<T>(
  hook: keyof Hooks,
  sets: readonly Hooks[],
  invoke: Invoke<T>,
  mode: Mode,
  options: ComposeOptions,
): T | undefined | Promise<T | undefined> {
  const errors: unknown[] = [];
  let found: T | undefined;
  const finish = (): T | undefined => {
    if (errors.length > 0 && found === undefined) {
      throw errors.length === 1 ? errors[0] : new AggregateError(errors, `${errors.length} ${hook} hooks failed`);
    }
    return found;
  };
  const fail = (error: unknown): void => {
    errors.push(error);
    options.report?.(hook, error);
  };
  /** Records a step's value; true when the chain should stop. */
  const take = (value: T | undefined): boolean => {
    if (value === undefined || mode === 'all') return false;
    found ??= value;
    return mode === 'first';
  };
  const from = (start: number): T | undefined | Promise<T | undefined> => {
    for (let i = start; i < sets.length; i++) {
      let value: T | Promise<T>;
      try {
        value = invoke(sets[i]!);
      } catch (error) {
        fail(error);
        continue;
      }
      if (isThenable(value)) {
        return Promise.resolve(value).then(
          (v) => (take(v) ? finish() : from(i + 1)),
          (error: unknown) => (fail(error), from(i + 1)),
        );
      }
      if (take(value)) return finish();
    }
    return finish();
  };
  return from(0);
}

/**
 * Composes hook sets into one, in order: the first preExecution answer wins; every set sees outcomes and failures.
 * @example
 * const orchestrator = new Orchestrator({
 *   critics: { risk: builtinCritic('risk').evaluate },
 *   hooks: composeHooks([createCacheHooks({ critics: { risk: { version: '1' } } }).hooks, createBreakerHooks().hooks]),
 * });
 */
export function composeHooks(sets: readonly Hooks[], options: ComposeOptions = {}): Hooks {
  const pre = sets.filter((s) => s.preExecution !== undefined);
  const post = sets.filter((s) => s.postExecution !== undefined);
  const failure = sets.filter((s) => s.onFailure !== undefined);
  const hooks: Hooks = {};
  if (pre.length > 0) {
    hooks.preExecution = (critic: string, input: CriticInput, scope?: RunScope) =>
      chain<Finding | ShortCircuit | undefined>(
        'preExecution',
        pre,
        (s) => s.preExecution!(critic, input, scope),
        'first',
        options,
      );
  }
  if (post.length > 0) {
    hooks.postExecution = (critic: string, outcome: CriticOutcome, input: CriticInput, scope?: RunScope) =>
      chain<void>('postExecution', post, (s) => s.postExecution!(critic, outcome, input, scope), 'all', options);
  }
  if (failure.length > 0) {
    hooks.onFailure = (critic: string, error: Error, durationMs: number, input: CriticInput, scope?: RunScope) =>
      chain<Finding | undefined>(
        'onFailure',
        failure,
        (s) => s.onFailure!(critic, error, durationMs, input, scope),
        'all-first',
        options,
      );
  }
  const timeouts = sets.filter((s) => s.timeoutFor !== undefined);
  if (timeouts.length > 0) {
    hooks.timeoutFor = (critic: string, configuredMs: number) => {
      for (const s of timeouts) {
        const ms = s.timeoutFor!(critic, configuredMs);
        if (ms !== undefined) return ms;
      }
      return undefined;
    };
  }
  return hooks;
}
