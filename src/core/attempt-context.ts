// The context a critic's attempt receives; its AbortSignal is made only if the critic reads it.
import type { CriticContext, CriticOutcome } from './types.js';

export interface SignalSource {
  signalFor(attempt: number): AbortSignal;
}

export class AttemptContext implements CriticContext {
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
}
