// What each model learns as harmful: the harmful rows of its corpus category (pii_request: requests for a person's data).
import type { Row } from './data.js';

/** A harmful request that asks for someone's personal data (the corpus's harmful_request rows hold a few). */
const PERSONAL_DATA_REQUEST =
  /\b(home address|phone number|personal (?:information|data|details)|social security|date of birth|where (?:he|she|they) lives?|whereabouts|dox+(?:ing)?|track (?:down|someone)|locate (?:someone|a person|my))\b/i;

const POSITIVES: Readonly<Record<string, (row: Row) => boolean>> = {
  harmful_request: (r) => r.category === 'harmful_request',
  harmful_response: (r) => r.category === 'harmful_response',
  hate: (r) => r.category === 'hate',
  jailbreak: (r) => r.category === 'jailbreak',
  prompt_injection: (r) => r.category === 'prompt_injection',
  self_harm: (r) => r.category === 'self_harm',
  // The corpus's pii rows are texts that carry personal data (the privacy detectors' job); requests for someone's
  // data are our hand-written pii rows on the input side and the corpus's harmful requests that ask for it.
  pii_request: (r) =>
    (r.category === 'pii' && r.side === 'input' && r.source.startsWith('handwritten:')) ||
    (r.category === 'harmful_request' && PERSONAL_DATA_REQUEST.test(r.text)),
};

/** Whether a row is a positive (harmful) example for the model `name`. */
export function isPositiveFor(name: string, row: Row): boolean {
  const select = POSITIVES[name];
  if (select === undefined) throw new Error(`no positives defined for model '${name}'`);
  return row.label === 'harmful' && select(row);
}

/** The rows a model's own false-positive rate is measured on: benign rows of its category. */
export function isOwnBenign(name: string, row: Row): boolean {
  const category = name === 'pii_request' ? 'pii' : name;
  return row.label === 'benign' && row.category === category;
}
