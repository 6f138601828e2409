// The learned classifiers: which corpus categories each is trained on and which side of the conversation it reads.

export interface ModelSpec {
  /** The weights file is weights/<name>.bin. */
  readonly name: string;
  /** Corpus categories whose harmful rows are the positives; every benign row the model reads is a negative. */
  readonly categories: readonly string[];
  readonly sides: ReadonlyArray<'input' | 'response'>;
}

export const MODEL_SPECS: readonly ModelSpec[] = [
  { name: 'harmful_request', categories: ['harmful_request'], sides: ['input'] },
  { name: 'harmful_response', categories: ['harmful_response'], sides: ['response'] },
  { name: 'hate', categories: ['hate'], sides: ['input', 'response'] },
  { name: 'jailbreak', categories: ['jailbreak'], sides: ['input'] },
  { name: 'prompt_injection', categories: ['prompt_injection'], sides: ['input'] },
  { name: 'self_harm', categories: ['self_harm'], sides: ['input', 'response'] },
  { name: 'pii', categories: ['pii'], sides: ['input', 'response'] },
];
