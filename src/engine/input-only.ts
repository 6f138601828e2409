// An input-only evaluation (no response) runs only the critics that read the input; the others are reported skipped.
import type { CriticOutcome } from '../core/index.js';
import type { CriticInfo } from '../verdict/index.js';

const INPUT_ONLY_SKIP = 'reads only the response; this evaluation is input-only';

export interface InputOnlyView {
  /** The critics an input-only run runs; undefined when every critic reads the input. */
  readonly inputReaders: string[] | undefined;
  /** An outcome as an input-only evaluation reports it: a skipped response reader says why. */
  readonly inputOnlyOutcome: (outcome: CriticOutcome) => CriticOutcome;
}

export function inputOnlyView(info: readonly CriticInfo[]): InputOnlyView {
  const responseOnly = new Set(info.filter((c) => c.reads === 'response').map((c) => c.name));
  return {
    inputReaders:
      responseOnly.size === 0 ? undefined : info.filter((c) => !responseOnly.has(c.name)).map((c) => c.name),
    inputOnlyOutcome: (outcome) =>
      outcome.status === 'skipped' && responseOnly.has(outcome.critic)
        ? { ...outcome, finding: { ...outcome.finding, justification: INPUT_ONLY_SKIP } }
        : outcome,
  };
}
