// The learned classifiers and the side of the conversation each reads (what each learns from: scripts/train/positives.ts).
import type { ModelSide } from './classifier.js';

export interface ModelSpec {
  /** The weights file is weights/<name>.bin. */
  readonly name: string;
  readonly sides: readonly ModelSide[];
  /**
   * The sides whose texts it reads with their sentence vector. `harmful_response` reads the response's: with it, the
   * held-out harmful answers 79.7 → 84.6 % caught, a probe of ours of plain harmful answers 22 → 23 of 60 (docs/critics.md).
   * `hate` and `self_harm` read only the input's: given the response's too, their held-out recall on inputs fell (hate
   * 58.6 → 56.7 %, self-harm 82.3 → 68.1 %), a refusal among self-harm's look-alikes then scoring high.
   */
  readonly sentenceSides: readonly ModelSide[];
}

export const MODEL_SPECS: readonly ModelSpec[] = [
  { name: 'harmful_request', sides: ['input'], sentenceSides: ['input'] },
  { name: 'harmful_response', sides: ['response'], sentenceSides: ['response'] },
  { name: 'hate', sides: ['input', 'response'], sentenceSides: ['input'] },
  { name: 'jailbreak', sides: ['input'], sentenceSides: ['input'] },
  { name: 'prompt_injection', sides: ['input'], sentenceSides: ['input'] },
  { name: 'self_harm', sides: ['input', 'response'], sentenceSides: ['input'] },
  { name: 'pii_request', sides: ['input'], sentenceSides: ['input'] },
];
