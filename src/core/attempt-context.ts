// The context a critic's attempt receives; its AbortSignal is made only if the critic reads it.
import type { CriticOutcome, TransportContext } from './types.js';

export interface SignalSource {
  signalFor(attempt: number): AbortSignal;
  /** Milliseconds left for `attempt` (its timeout or the run's deadline, whichever is first). */
  budgetFor(attempt: number): number;
}

/** A critic sees it as a CriticContext; a transport also reads `budgetMs`. */
export class AttemptContext implements TransportContext {
  readonly #source: SignalSource;

  constructor(
    source: SignalSource,
    readonly attempt: number,
    readonly prior: Readonly<Record<string, CriticOutcome>>,
  ) {
    this.#source = source;
  }

  get signal(): AbortSignal {
    return this.#source.signalFor(this.attempt);
  }

  get budgetMs(): number {
    return this.#source.budgetFor(this.attempt);
  }
}
