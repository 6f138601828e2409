// The learned classifiers and the side of the conversation each reads (what each learns from: scripts/train/positives.ts).
import type { ModelSide } from './classifier.js';

export interface ModelSpec {
  /** The weights file is weights/<name>.bin. */
  readonly name: string;
  readonly sides: readonly ModelSide[];
  /**
   * The sides whose texts it is trained (and reads) with their sentence vector. `harmful_response` reads the response's:
   * with it, the held-out harmful answers 79.7 → 84.6 % caught, a probe of ours of plain harmful answers 22 → 23 of 60
   * (docs/critics.md). `hate` and `self_harm` are trained with the input's only: given the response's too, their
   * held-out recall on inputs fell (hate 58.6 → 56.7 %, self-harm 82.3 → 68.1 %), a refusal among self-harm's
   * look-alikes then scoring high.
   */
  readonly sentenceSides: readonly ModelSide[];
  /**
   * Sides it reads with their sentence vector at run time although it was trained without it there. `hate` reads an
   * answer's: a hateful statement reads the same whoever makes it, and with its input-trained weights an answer's vector
   * took a probe of ours of hateful answers from 8 to 25 of 45 caught, none of its 45 look-alikes nor any of the
   * corpus's 5,420 benign answers flagged (docs/critics.md). `self_harm` too (9 → 20 of 35 self-harm answers, none of
   * 35 look-alikes), but only with its critic leaving refusals alone: "I won't tell you how deep to cut …" scored 2.4.
   */
  readonly sentenceAlsoOn?: readonly ModelSide[];
}

export const MODEL_SPECS: readonly ModelSpec[] = [
  { name: 'harmful_request', sides: ['input'], sentenceSides: ['input'] },
  { name: 'harmful_response', sides: ['response'], sentenceSides: ['response'] },
  { name: 'hate', sides: ['input', 'response'], sentenceSides: ['input'], sentenceAlsoOn: ['response'] },
  { name: 'jailbreak', sides: ['input'], sentenceSides: ['input'] },
  { name: 'prompt_injection', sides: ['input'], sentenceSides: ['input'] },
  { name: 'self_harm', sides: ['input', 'response'], sentenceSides: ['input'], sentenceAlsoOn: ['response'] },
  { name: 'pii_request', sides: ['input'], sentenceSides: ['input'] },
];

/** The sides a model reads with their sentence vector at run time (and is scored so when its threshold is chosen). */
export function sentenceSidesAtRun(spec: ModelSpec): readonly ModelSide[] {
  return [...spec.sentenceSides, ...(spec.sentenceAlsoOn ?? [])];
}

/** The spec of a model by its weights file's name. */
export function modelSpec(name: string): ModelSpec {
  const spec = MODEL_SPECS.find((s) => s.name === name);
  if (spec === undefined) throw new Error(`no learned model is named '${name}'`);
  return spec;
}
