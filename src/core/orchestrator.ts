// The Orchestrator: runs critics in parallel under a deadline, isolating every failure (DESIGN.md core contract).
import { EleanorError } from './errors.js';
import { checkRunOptions, snapshotInput } from './input.js';
import { Limiter } from './limiter.js';
import { MetricsRecorder, type OrchestratorMetrics } from './metrics.js';
import { createPlan } from './plan.js';
import { Run } from './run.js';
import type { Runtime } from './runtime.js';
import { orchestratorOptionsSchema, parseOrThrow } from './spec-schema.js';
import type { CriticOutcome, OrchestratorLogger, OrchestratorOptions, RunInput, RunOptions } from './types.js';

const consoleLogger: OrchestratorLogger = {
  warn: (details, message) => console.warn(message, details),
};

export class Orchestrator {
  readonly #rt: Runtime;

  constructor(options: OrchestratorOptions) {
    parseOrThrow(orchestratorOptionsSchema, options, 'options');
    const plan = createPlan(options);
    // The global is read at each call so that fake timers which replace it are honoured.
    const now = options.now ?? (() => globalThis.performance.now());
    this.#rt = {
      plan,
      hooks: options.hooks,
      logger: options.logger ?? consoleLogger,
      now,
      random: options.random ?? Math.random,
      limiter: new Limiter(options.concurrency ?? Infinity, plan.critics, now),
      metrics: new MetricsRecorder(plan.critics.map((c) => c.name)),
    };
  }

  /** The configured critics' names, in declaration order. */
  get critics(): readonly string[] {
    return this.#rt.plan.critics.map((c) => c.name);
  }

  /** Runs every critic once; resolves with one outcome per configured critic, always. */
  run(input: RunInput, opts?: RunOptions): Promise<Record<string, CriticOutcome>> {
    let run: Run;
    try {
      run = this.#createRun(input, opts);
    } catch (error) {
      return Promise.reject(error instanceof Error ? error : new Error(String(error)));
    }
    run.start();
    return run.result;
  }

  /** Yields outcomes in completion order; leaving the loop early cancels what is left. */
  async *stream(input: RunInput, opts?: RunOptions): AsyncGenerator<CriticOutcome, void, undefined> {
    const buffered: CriticOutcome[] = [];
    let wake: (() => void) | undefined;
    const run = this.#createRun(input, opts, (outcome) => {
      buffered.push(outcome);
      wake?.();
    });
    run.start();
    try {
      for (let delivered = 0; delivered < this.#rt.plan.critics.length; delivered++) {
        while (buffered.length <= delivered) await new Promise<void>((resolve) => (wake = resolve));
        wake = undefined;
        yield buffered[delivered]!;
      }
    } finally {
      if (!run.finished) {
        run.cancel('run cancelled: the stream was closed by its consumer');
        await run.result;
      }
    }
  }

  /** The orchestrator-wide concurrency cap (Infinity when unbounded). */
  get concurrency(): number {
    return this.#rt.limiter.cap;
  }

  /**
   * Changes the concurrency cap at run time (adaptive concurrency). Queued critics start at once if the cap
   * grows; a lower cap lets running critics finish. Only an orchestrator created with `concurrency` can
   * change it, since without one critics start without asking the limiter.
   */
  setConcurrency(cap: number): void {
    if (this.#rt.limiter.cap === Infinity) {
      throw new EleanorError(
        'INVALID_CONFIG',
        'setConcurrency: the orchestrator was created without a concurrency cap',
      );
    }
    if (!Number.isInteger(cap) || cap < 1) {
      throw new EleanorError('INVALID_INPUT', `setConcurrency: expected an integer >= 1, got ${String(cap)}`);
    }
    this.#rt.limiter.setCap(cap);
  }

  /** A snapshot of counts by status, retries, hook errors and durations. */
  metrics(): OrchestratorMetrics {
    return this.#rt.metrics.snapshot(this.#rt.limiter.queued);
  }

  #createRun(input: RunInput, opts: RunOptions | undefined, onOutcome?: (o: CriticOutcome) => void): Run {
    const options = checkRunOptions(opts, this.#rt.plan.indexByName);
    return new Run(this.#rt, snapshotInput(input), options, onOutcome);
  }
}
