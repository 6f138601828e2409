// One critic's execution in one run, settled exactly once; over 400 lines because it is one state machine whose phases share private state.
// (Hooks, attempts, timeout, retries, fallback: split apart, that state and its stale-callback token would leak.)
import { AttemptContext } from './attempt-context.js';
import { backoffMs } from './backoff.js';
import {
  CriticLostError,
  CriticOutputError,
  CriticTimeoutError,
  describeError,
  isEleanorError,
  toError,
} from './errors.js';
import { checkFinding, failureFinding, validateFinding } from './finding.js';
import { type Ticket, TicketState } from './limiter.js';
import type { PlannedCritic } from './plan.js';
import {
  EARLY_FIRE_MS,
  type EndCode,
  isThenable,
  makeOutcome,
  reportHookError,
  type RunHandle,
  type Runtime,
} from './runtime.js';
import { isShortCircuit, shortCircuitOutcome } from './short-circuit.js';
import { MAX_TIMER_MS } from './spec-schema.js';
import type { CriticOutcome, Finding, Hooks } from './types.js';

const IDLE = 0,
  PRE = 1,
  RUNNING = 2,
  POST = 3,
  BACKOFF = 4,
  FAILING = 5,
  DONE = 6;
type Phase = typeof IDLE | typeof PRE | typeof RUNNING | typeof POST | typeof BACKOFF | typeof FAILING | typeof DONE;
type FailedStatus = 'timeout' | 'error' | 'lost';

export class Execution implements Ticket {
  readonly criticIndex: number;
  readonly priority: number;
  ticketState: TicketState = TicketState.Waiting;
  admitted = false;
  readonly #rt: Runtime;
  readonly #run: RunHandle;
  readonly #critic: PlannedCritic;
  readonly #prior: Readonly<Record<string, CriticOutcome>>;
  #phase: Phase = IDLE;
  #attempts = 0;
  #startedAt = 0;
  #attemptStartedAt = 0;
  /** This critic's per-attempt timeout for this run: its spec's, or the `timeoutFor` hook's (adaptive timeouts). */
  #timeoutMs: number;
  /** Bumped whenever pending callbacks become stale. */
  #token = 0;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #immediate: ReturnType<typeof setImmediate> | undefined;
  #controller: AbortController | undefined;
  #abortReason: unknown;
  #pendingSuccess: CriticOutcome | undefined;
  #failure: { status: FailedStatus; error: { code: string; message: string } } | undefined;

  constructor(rt: Runtime, run: RunHandle, critic: PlannedCritic, prior: Readonly<Record<string, CriticOutcome>>) {
    this.#rt = rt;
    this.#run = run;
    this.#critic = critic;
    this.#prior = prior;
    this.criticIndex = critic.index;
    this.priority = critic.priority;
    this.#timeoutMs = critic.timeoutMs;
  }

  get started(): boolean {
    return this.#phase !== IDLE;
  }

  start(): void {
    this.#startedAt = this.#attemptStartedAt = this.#rt.now();
    if (this.#rt.hooks?.timeoutFor) this.#timeoutMs = this.#adaptiveTimeout(this.#rt.hooks);
    this.#rt.metrics.inflight++;
    if (this.#run.ended) {
      // Its run ended while it waited for a slot: it never starts.
      this.#phase = DONE;
      this.#settle(this.#notStarted());
      return;
    }
    const hooks = this.#rt.hooks;
    if (hooks?.preExecution) this.#runPreHook(hooks);
    else this.#runAttempt();
  }

  /** The `timeoutFor` hook's answer if it is a positive number, else the spec's timeout. */
  #adaptiveTimeout(hooks: Hooks): number {
    try {
      const ms = hooks.timeoutFor?.(this.#critic.name, this.#critic.timeoutMs);
      if (ms === undefined) return this.#critic.timeoutMs;
      if (typeof ms === 'number' && ms > 0 && ms <= MAX_TIMER_MS) return ms;
      throw new TypeError(`timeoutFor returned ${String(ms)}, expected a positive number of ms`);
    } catch (error) {
      reportHookError(this.#rt, 'timeoutFor', this.#critic.name, error);
      return this.#critic.timeoutMs;
    }
  }

  /** The run ended (deadline or cancellation) while this execution was under way. */
  interrupt(code: EndCode, message: string): void {
    switch (this.#phase) {
      case PRE:
      case RUNNING:
      case BACKOFF: {
        const error = new CriticTimeoutError(code, message);
        const lost = this.#phase === RUNNING && this.#critic.remote && code === 'DEADLINE_EXCEEDED';
        this.#abortAttempt(error);
        if (lost) this.#fail('lost', 'CRITIC_LOST', this.#lostError(`by the run's deadline (${message})`));
        else this.#fail('timeout', code, error);
        return;
      }
      case POST:
        this.#finishPost();
        return;
      case FAILING:
        this.#clearTimers();
        this.#immediate = setImmediate(Execution.#fire, this);
        return;
      case IDLE:
      case DONE:
        return;
    }
  }

  /** @internal The signal of attempt `attempt`, made on first use. */
  signalFor(attempt: number): AbortSignal {
    if (attempt !== this.#attempts || this.#phase !== RUNNING) {
      return AbortSignal.abort(this.#abortReason ?? new CriticTimeoutError('RUN_CANCELLED', 'attempt is over'));
    }
    this.#controller ??= new AbortController();
    return this.#controller.signal;
  }

  /** @internal Milliseconds left for attempt `attempt`: its timeout or the run's deadline, whichever is first. */
  budgetFor(attempt: number): number {
    if (attempt !== this.#attempts || this.#phase !== RUNNING) return 0;
    const end = Math.min(this.#attemptStartedAt + this.#timeoutMs, this.#run.deadlineAt);
    return Math.max(0, end - this.#rt.now());
  }

  #runPreHook(hooks: Hooks): void {
    this.#phase = PRE;
    const token = ++this.#token;
    let result: unknown;
    try {
      result = hooks.preExecution?.(this.#critic.name, this.#run.input, this.#run.scope);
    } catch (error) {
      if (token !== this.#token) return; // the hook ended the run (aborted its signal) synchronously
      reportHookError(this.#rt, 'preExecution', this.#critic.name, error);
      this.#runAttempt();
      return;
    }
    if (token !== this.#token) return;
    if (!isThenable(result)) {
      this.#onPreResult(result);
      return;
    }
    this.#armTimeout();
    result.then(
      (value) => {
        if (token === this.#token) this.#onPreResult(value);
      },
      (error: unknown) => {
        if (token !== this.#token) return;
        reportHookError(this.#rt, 'preExecution', this.#critic.name, error);
        this.#runAttempt();
      },
    );
  }

  #onPreResult(value: unknown): void {
    if (value === undefined) return this.#runAttempt();
    if (isShortCircuit(value)) return this.#settle(shortCircuitOutcome(this.#critic.name, value, this.#elapsed()));
    const problems = checkFinding(value);
    if (problems) {
      reportHookError(this.#rt, 'preExecution', this.#critic.name, new CriticOutputError(problems.join('; ')));
      return this.#runAttempt();
    }
    this.#settle(makeOutcome(this.#critic.name, 'success', value as Finding, this.#elapsed(), 0, true, false));
  }

  #runAttempt(): void {
    const attempt = ++this.#attempts;
    const token = ++this.#token;
    if (attempt > 1) this.#attemptStartedAt = this.#rt.now();
    this.#controller = undefined;
    this.#abortReason = undefined;
    this.#phase = RUNNING;
    let result: unknown;
    try {
      const ctx = new AttemptContext(this, attempt, this.#prior);
      const via = this.#critic.transport;
      result =
        via === undefined
          ? this.#critic.evaluate(this.#run.input, ctx)
          : via.execute(this.#critic.ref, this.#run.input, ctx);
    } catch (error) {
      if (token === this.#token) this.#onError(error); // else the critic ended the run synchronously
      return;
    }
    if (token !== this.#token) return;
    if (!isThenable(result)) {
      this.#onResult(result);
      return;
    }
    this.#armTimeout();
    result.then(
      (value) => {
        if (token === this.#token) this.#onResult(value);
      },
      (error: unknown) => {
        if (token === this.#token) this.#onError(error);
      },
    );
  }

  #onResult(value: unknown): void {
    const now = this.#rt.now();
    if (now - this.#attemptStartedAt > this.#timeoutMs) return this.#onTimeout(); // it overran without yielding
    const problems = validateFinding(value, this.#critic.schema);
    if (problems) {
      const error = new CriticOutputError(
        `critic '${this.#critic.name}' returned an invalid finding — ${problems.join('; ')}`,
      );
      this.#abortAttempt(error);
      return this.#fail('error', 'CRITIC_OUTPUT_INVALID', error);
    }
    const outcome = makeOutcome(
      this.#critic.name,
      'success',
      value as Finding,
      now - this.#startedAt,
      this.#attempts,
      false,
      false,
    );
    const hooks = this.#rt.hooks;
    if (hooks?.postExecution) this.#runPostHook(hooks, outcome);
    else this.#settle(outcome);
  }

  #runPostHook(hooks: Hooks, outcome: CriticOutcome): void {
    this.#phase = POST;
    const token = ++this.#token;
    this.#pendingSuccess = outcome;
    let result: unknown;
    try {
      result = hooks.postExecution?.(this.#critic.name, outcome, this.#run.input, this.#run.scope);
    } catch (error) {
      reportHookError(this.#rt, 'postExecution', this.#critic.name, error);
    }
    if (token !== this.#token) return;
    if (!isThenable(result)) return this.#finishPost();
    this.#armTimeout();
    result.then(
      () => {
        if (token === this.#token) this.#finishPost();
      },
      (error: unknown) => {
        if (token !== this.#token) return;
        reportHookError(this.#rt, 'postExecution', this.#critic.name, error);
        this.#finishPost();
      },
    );
  }

  #finishPost(): void {
    const outcome = this.#pendingSuccess;
    if (outcome === undefined) return;
    outcome.durationMs = this.#elapsed();
    this.#settle(outcome);
  }

  #onError(thrown: unknown): void {
    const error = toError(thrown);
    this.#abortAttempt(error);
    const delay = this.#retryDelay();
    if (delay !== undefined) this.#backoff(delay);
    // A remote transport's own failures (unavailable, version mismatch) keep their code.
    else this.#fail('error', this.#critic.remote && isEleanorError(thrown) ? thrown.code : 'CRITIC_ERROR', error);
  }

  #onTimeout(): void {
    const c = this.#critic;
    const error = new CriticTimeoutError(
      'CRITIC_TIMEOUT',
      `critic '${c.name}' exceeded its ${this.#timeoutMs} ms timeout`,
    );
    const wasRunning = this.#phase === RUNNING;
    this.#abortAttempt(error);
    const delay = wasRunning && c.retries?.onTimeout ? this.#retryDelay() : undefined;
    if (delay !== undefined) this.#backoff(delay);
    else if (wasRunning && c.remote)
      this.#fail('lost', 'CRITIC_LOST', this.#lostError(`within its ${this.#timeoutMs} ms timeout`));
    else this.#fail('timeout', 'CRITIC_TIMEOUT', error);
  }

  #lostError(when: string): CriticLostError {
    const c = this.#critic;
    return new CriticLostError(`no result for critic '${c.name}' from the ${c.transport?.kind} transport ${when}`);
  }

  /** The backoff before the next retry, or undefined if none is left or it would outlive the deadline. */
  #retryDelay(): number | undefined {
    const retries = this.#critic.retries;
    if (retries === undefined || this.#attempts > retries.max || this.#run.ended) return undefined;
    const delay = backoffMs(retries, this.#attempts, this.#rt.random);
    return this.#rt.now() + delay < this.#run.deadlineAt ? delay : undefined;
  }

  #backoff(delay: number): void {
    this.#clearTimers();
    this.#token++;
    this.#phase = BACKOFF;
    this.#timer = setTimeout(Execution.#fire, delay, this);
  }

  #fail(status: FailedStatus, code: string, error: Error): void {
    this.#clearTimers();
    const token = ++this.#token;
    this.#phase = FAILING;
    this.#failure = { status, error: { code, message: describeError(error) } };
    const hooks = this.#rt.hooks;
    if (!hooks?.onFailure) return this.#finishFailure(undefined);
    let result: unknown;
    try {
      result = hooks.onFailure(this.#critic.name, error, this.#elapsed(), this.#run.input, this.#run.scope);
    } catch (hookError) {
      reportHookError(this.#rt, 'onFailure', this.#critic.name, hookError);
      return this.#finishFailure(undefined);
    }
    if (token !== this.#token) return;
    if (!isThenable(result)) return this.#finishFailure(result);
    this.#armFallbackGrace();
    result.then(
      (value) => {
        if (token === this.#token) this.#finishFailure(value);
      },
      (hookError: unknown) => {
        if (token !== this.#token) return;
        reportHookError(this.#rt, 'onFailure', this.#critic.name, hookError);
        this.#finishFailure(undefined);
      },
    );
  }

  /** An async fallback may use what is left of the critic's budget; after a timeout, one turn of the event loop. */
  #armFallbackGrace(): void {
    const budgetEnd = Math.min(this.#attemptStartedAt + this.#timeoutMs, this.#run.deadlineAt);
    const left = budgetEnd - this.#rt.now();
    if (left > 0 && !this.#run.ended) this.#timer = setTimeout(Execution.#fire, left, this);
    else this.#immediate = setImmediate(Execution.#fire, this);
  }

  #finishFailure(fallback: unknown): void {
    const failure = this.#failure;
    if (failure === undefined) return;
    let finding = failureFinding(failure.error.message);
    let degraded = false;
    if (fallback !== undefined) {
      const problems = checkFinding(fallback);
      if (problems)
        reportHookError(this.#rt, 'onFailure', this.#critic.name, new CriticOutputError(problems.join('; ')));
      else {
        finding = fallback as Finding;
        degraded = true;
      }
    }
    this.#settle(
      makeOutcome(
        this.#critic.name,
        failure.status,
        finding,
        this.#elapsed(),
        this.#attempts,
        false,
        degraded,
        failure.error,
      ),
    );
  }

  static #fire(execution: Execution): void {
    execution.#timer = undefined;
    execution.#immediate = undefined;
    switch (execution.#phase) {
      case PRE:
      case RUNNING: {
        // Node timers run on a cached millisecond clock and may fire up to 1 ms early.
        const left = execution.#attemptStartedAt + execution.#timeoutMs - execution.#rt.now();
        if (left > 0 && left <= EARLY_FIRE_MS)
          execution.#timer = setTimeout(Execution.#fire, Math.ceil(left), execution);
        else execution.#onTimeout();
        return;
      }
      case POST:
        reportHookError(
          execution.#rt,
          'postExecution',
          execution.#critic.name,
          new Error("exceeded the critic's time budget"),
        );
        return execution.#finishPost();
      case BACKOFF:
        return execution.#runAttempt();
      case FAILING:
        return execution.#finishFailure(undefined);
      case IDLE:
      case DONE:
        return;
    }
  }

  #armTimeout(): void {
    if (this.#timer !== undefined) return;
    const expiresAt = this.#attemptStartedAt + this.#timeoutMs;
    if (expiresAt >= this.#run.deadlineAt) return; // the run's deadline comes first and covers it
    this.#timer = setTimeout(Execution.#fire, Math.max(0, expiresAt - this.#rt.now()), this);
  }

  #abortAttempt(reason: unknown): void {
    this.#abortReason = reason;
    const controller = this.#controller;
    this.#controller = undefined;
    if (controller && !controller.signal.aborted) controller.abort(reason);
  }

  #clearTimers(): void {
    if (this.#timer !== undefined) clearTimeout(this.#timer);
    if (this.#immediate !== undefined) clearImmediate(this.#immediate);
    this.#timer = undefined;
    this.#immediate = undefined;
  }

  #elapsed(): number {
    return this.#rt.now() - this.#startedAt;
  }

  #notStarted(): CriticOutcome {
    const code = this.#run.ending?.code ?? 'RUN_CANCELLED';
    const message = describeError(
      new CriticTimeoutError(code, `run ended before critic '${this.#critic.name}' started`),
    );
    return makeOutcome(this.#critic.name, 'cancelled', failureFinding(message), 0, 0, false, false, { code, message });
  }

  #settle(outcome: CriticOutcome): void {
    this.#clearTimers();
    this.#token++;
    this.#phase = DONE;
    this.#controller = undefined;
    this.#pendingSuccess = undefined;
    this.#failure = undefined;
    this.#rt.metrics.inflight--;
    this.#run.settle(this.#critic.index, outcome);
    this.#rt.limiter.release(this);
  }
}
