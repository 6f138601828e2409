// The learned classifiers and the side of the conversation each reads (what each learns from: scripts/train/positives.ts).

export interface ModelSpec {
  /** The weights file is weights/<name>.bin. */
  readonly name: string;
  readonly sides: ReadonlyArray<'input' | 'response'>;
}

export const MODEL_SPECS: readonly ModelSpec[] = [
  { name: 'harmful_request', sides: ['input'] },
  { name: 'harmful_response', sides: ['response'] },
  { name: 'hate', sides: ['input', 'response'] },
  { name: 'jailbreak', sides: ['input'] },
  { name: 'prompt_injection', sides: ['input'] },
  { name: 'self_harm', sides: ['input', 'response'] },
  { name: 'pii_request', sides: ['input'] },
];
