// The hand-written look-alikes of the critics' fixtures: no model may flag the negatives of the critic it serves.
import { BENIGN_TEXTS } from '../../test/support/benign-texts.js';
import type { Fixtures } from '../../src/critics/critic.js';
import { HATE_FIXTURES } from '../../src/critics/hate/fixtures.js';
import { JAILBREAK_FIXTURES } from '../../src/critics/jailbreak/fixtures.js';
import { PRIVACY_FIXTURES } from '../../src/critics/privacy/fixtures.js';
import { PROMPT_INJECTION_FIXTURES } from '../../src/critics/prompt-injection/fixtures.js';
import { RISK_FIXTURES } from '../../src/critics/risk/fixtures.js';
import { SELF_HARM_FIXTURES } from '../../src/critics/self-harm/fixtures.js';

export interface LookAlike {
  readonly text: string;
  readonly side: 'input' | 'response';
}

/** The fixtures of the critic that hosts each model. */
const HOST: Readonly<Record<string, Fixtures>> = {
  harmful_request: RISK_FIXTURES,
  harmful_response: RISK_FIXTURES,
  hate: HATE_FIXTURES,
  jailbreak: JAILBREAK_FIXTURES,
  prompt_injection: PROMPT_INJECTION_FIXTURES,
  self_harm: SELF_HARM_FIXTURES,
  pii_request: PRIVACY_FIXTURES,
};

/**
 * The texts a model must leave alone: its critic's negative fixtures and the V8 false positives on both sides. They are
 * never trained on; they bound the threshold from below, as a validation set of hand-written look-alikes.
 */
export function lookAlikesFor(model: string): LookAlike[] {
  const fixtures = HOST[model];
  if (fixtures === undefined) throw new Error(`no host critic for model '${model}'`);
  return [
    ...fixtures.negative.map((f) => ({ text: f.text, side: f.target ?? ('response' as const) })),
    ...BENIGN_TEXTS.flatMap((text) => [
      { text, side: 'input' as const },
      { text, side: 'response' as const },
    ]),
  ];
}

/**
 * Its critic's positive fixtures that expect the critic's model to fire: the cascade's gate must never call them clear
 * (they bound its low bound, as the look-alikes bound its high one).
 */
export function modelPositivesFor(model: string): LookAlike[] {
  const fixtures = HOST[model];
  if (fixtures === undefined) throw new Error(`no host critic for model '${model}'`);
  return fixtures.positive
    .filter((f) => f.expect?.some((rule) => rule.endsWith('.model')) === true)
    .map((f) => ({ text: f.text, side: f.target ?? ('response' as const) }));
}
