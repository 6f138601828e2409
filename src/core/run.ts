// One run: starts ready critics (no stage barriers), applies gating, enforces the deadline, gathers outcomes.
import { CriticTimeoutError, describeError } from './errors.js';
import { Execution } from './execution.js';
import { failureFinding, notRunFinding } from './finding.js';
import { gatingReason } from './gating.js';
import type { PlannedCritic } from './plan.js';
import { EARLY_FIRE_MS, type EndCode, makeOutcome, reportHookError, type RunHandle, type Runtime } from './runtime.js';
import type { CriticInput, CriticOutcome, RunOptions } from './types.js';

const EMPTY_PRIOR: Readonly<Record<string, CriticOutcome>> = Object.freeze({});

export class Run implements RunHandle {
  readonly input: CriticInput;
  readonly scope: object;
  readonly deadlineAt: number;
  /** Resolves with one outcome per configured critic, in declaration order. */
  readonly result: Promise<Record<string, CriticOutcome>>;
  /** Why the run ended early, once it has. */
  ending: { code: EndCode; message: string } | undefined;
  readonly #rt: Runtime;
  readonly #opts: RunOptions;
  readonly #outcomes: (CriticOutcome | undefined)[];
  readonly #executions: (Execution | undefined)[];
  readonly #pendingDeps: Int32Array;
  readonly #only: ReadonlySet<string> | undefined;
  readonly #onOutcome: ((outcome: CriticOutcome) => void) | undefined;
  #remaining: number;
  #ready: number[] = [];
  #dispatching = false;
  #deadlineTimer: ReturnType<typeof setTimeout> | undefined;
  #abortListener: (() => void) | undefined;
  #resolve!: (outcomes: Record<string, CriticOutcome>) => void;

  constructor(rt: Runtime, input: CriticInput, opts: RunOptions, onOutcome?: (outcome: CriticOutcome) => void) {
    const critics = rt.plan.critics;
    this.#rt = rt;
    this.input = input;
    this.scope = opts.scope ?? input;
    this.#opts = opts;
    this.#onOutcome = onOutcome;
    this.#only = opts.only ? new Set(opts.only) : undefined;
    this.deadlineAt = opts.deadlineMs === undefined ? Infinity : rt.now() + opts.deadlineMs;
    this.#outcomes = new Array<CriticOutcome | undefined>(critics.length);
    this.#executions = new Array<Execution | undefined>(critics.length);
    this.#pendingDeps = new Int32Array(critics.length);
    for (const c of critics) this.#pendingDeps[c.index] = c.deps.length;
    this.#remaining = critics.length;
    this.result = new Promise((resolve) => (this.#resolve = resolve));
  }

  get ended(): boolean {
    return this.ending !== undefined;
  }

  get finished(): boolean {
    return this.#remaining === 0;
  }

  start(): void {
    this.#rt.metrics.runsStarted++;
    if (this.#remaining === 0) return this.#finish();
    const { signal, deadlineMs } = this.#opts;
    if (signal?.aborted) return this.#end('RUN_CANCELLED', `run cancelled by the caller's signal before it started`);
    if (deadlineMs !== undefined) this.#deadlineTimer = setTimeout(Run.#onDeadline, deadlineMs, this);
    if (signal) {
      this.#abortListener = () => this.#end('RUN_CANCELLED', `run cancelled by the caller's signal`);
      signal.addEventListener('abort', this.#abortListener, { once: true });
    }
    this.#ready = this.#rt.plan.roots.slice();
    this.#dispatch(false);
  }

  /** Ends the run now: running critics time out, the others are cancelled. */
  cancel(message: string): void {
    this.#end('RUN_CANCELLED', message);
  }

  settle(index: number, outcome: CriticOutcome): void {
    if (this.#outcomes[index] !== undefined) return;
    this.#outcomes[index] = outcome;
    this.#rt.metrics.record(index, outcome);
    this.#remaining--;
    this.#onOutcome?.(outcome);
    if (this.#opts.onOutcome) this.#notify(this.#opts.onOutcome, outcome);
    for (const d of this.#rt.plan.critics[index]?.dependents ?? []) {
      if (--this.#pendingDeps[d]! === 0) this.#ready.push(d);
    }
    if (this.#remaining === 0) this.#finish();
    else if (!this.#dispatching && this.#ready.length > 0) this.#dispatch(true);
  }

  #notify(listener: (outcome: CriticOutcome) => void, outcome: CriticOutcome): void {
    try {
      listener(outcome);
    } catch (error) {
      reportHookError(this.#rt, 'onOutcome', outcome.critic, error);
    }
  }

  static #onDeadline(run: Run): void {
    const left = run.deadlineAt - run.#rt.now();
    if (left > 0 && left <= EARLY_FIRE_MS) {
      // Node timers run on a cached millisecond clock and may fire up to 1 ms early.
      run.#deadlineTimer = setTimeout(Run.#onDeadline, Math.ceil(left), run);
      return;
    }
    run.#deadlineTimer = undefined;
    run.#end('DEADLINE_EXCEEDED', `run deadline of ${run.#opts.deadlineMs} ms exceeded`);
  }

  /** Launch every ready critic; critics that become ready meanwhile are launched in the next batch. */
  #dispatch(sortFirst: boolean): void {
    this.#dispatching = true;
    const { limiter, plan } = this.#rt;
    try {
      let sort = sortFirst;
      while (this.#ready.length > 0) {
        const batch = this.#ready;
        this.#ready = [];
        if (sort && batch.length > 1) batch.sort(plan.byPriority);
        sort = true;
        let queued = false;
        for (const index of batch) queued = this.#launch(index) || queued;
        if (queued) limiter.pump();
      }
    } finally {
      this.#dispatching = false;
    }
  }

  /** Gate, start or queue one ready critic; true if it was queued on the limiter. */
  #launch(index: number): boolean {
    const critic = this.#rt.plan.critics[index];
    if (critic === undefined || this.#outcomes[index] !== undefined) return false;
    if (this.ending) {
      this.settle(index, this.#cancelledOutcome(critic.name));
      return false;
    }
    if (this.#only && !this.#only.has(critic.name)) {
      this.settle(
        index,
        makeOutcome(critic.name, 'skipped', notRunFinding('not selected for this run'), 0, 0, false, false),
      );
      return false;
    }
    const prior = this.#priorFor(critic);
    if (critic.policy !== 'always') {
      let reason: string | undefined;
      try {
        reason = gatingReason(critic.policy, this.input, prior);
      } catch (error) {
        const message = describeError(error);
        this.settle(
          index,
          makeOutcome(critic.name, 'error', failureFinding(message), 0, 0, false, false, {
            code: 'CRITIC_POLICY_ERROR',
            message,
          }),
        );
        return false;
      }
      if (reason !== undefined) {
        const outcome = makeOutcome(critic.name, 'gated', notRunFinding(reason), 0, 0, false, false);
        outcome.gatingReason = reason;
        this.settle(index, outcome);
        return false;
      }
    }
    const execution = new Execution(this.#rt, this, critic, prior);
    this.#executions[index] = execution;
    if (this.#rt.limiter.isUnlimited(index)) {
      execution.start();
      return false;
    }
    this.#rt.limiter.submit(execution);
    return true;
  }

  /** Only the declared dependencies' outcomes, frozen so no critic can alter what another sees. */
  #priorFor(critic: PlannedCritic): Readonly<Record<string, CriticOutcome>> {
    if (critic.deps.length === 0) return EMPTY_PRIOR;
    const prior: Record<string, CriticOutcome> = {};
    for (const d of critic.deps) {
      const outcome = this.#outcomes[d];
      if (outcome === undefined) continue;
      Object.freeze(outcome.finding.violations);
      Object.freeze(outcome.finding);
      prior[outcome.critic] = Object.freeze(outcome);
    }
    return Object.freeze(prior);
  }

  #end(code: EndCode, message: string): void {
    if (this.ending !== undefined || this.#remaining === 0) return;
    this.ending = { code, message };
    this.#clearTimers();
    const { plan, limiter } = this.#rt;
    const wasDispatching = this.#dispatching;
    this.#dispatching = true; // nothing new launches; every critic is settled below
    try {
      for (const critic of plan.critics) {
        if (this.#outcomes[critic.index] !== undefined) continue;
        const execution = this.#executions[critic.index];
        if (execution?.started) execution.interrupt(code, message);
        else {
          if (execution) limiter.cancel(execution);
          this.settle(critic.index, this.#cancelledOutcome(critic.name));
        }
      }
    } finally {
      this.#dispatching = wasDispatching;
      this.#ready = [];
    }
  }

  #cancelledOutcome(critic: string): CriticOutcome {
    const ending = this.ending ?? { code: 'RUN_CANCELLED', message: 'run cancelled' };
    const message = describeError(
      new CriticTimeoutError(ending.code, `${ending.message} before critic '${critic}' started`),
    );
    return makeOutcome(critic, 'cancelled', failureFinding(message), 0, 0, false, false, {
      code: ending.code,
      message,
    });
  }

  #clearTimers(): void {
    if (this.#deadlineTimer !== undefined) clearTimeout(this.#deadlineTimer);
    this.#deadlineTimer = undefined;
    if (this.#abortListener) this.#opts.signal?.removeEventListener('abort', this.#abortListener);
    this.#abortListener = undefined;
  }

  #finish(): void {
    this.#clearTimers();
    this.#rt.metrics.runsCompleted++;
    const record: Record<string, CriticOutcome> = {};
    for (const outcome of this.#outcomes) if (outcome !== undefined) record[outcome.critic] = outcome;
    this.#resolve(record);
  }
}
