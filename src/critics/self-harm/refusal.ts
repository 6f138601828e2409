// Whether an answer refuses somewhere in it ("I won't tell you how deep to cut …"), by the risk critic's refusal words.
import type { SyncBuiltinCritic } from '../critic.js';
import { once } from '../lazy.js';
import { createRuleCritic } from '../rule-critic.js';
import { REFUSALS } from '../risk/vocabulary.js';

/** One rule over the answer: the refusal words, anywhere, whatever comes before them. */
const refusalReader = once((): SyncBuiltinCritic =>
  createRuleCritic({
    name: 'self_harm_refusal',
    version: '1.0.0',
    principle: 'Safety',
    description: 'Finds a refusal in an answer.',
    ruleset: {
      version: '1.0.0',
      rules: [
        { id: 'refusal', message: 'refuses', severity: 0, patterns: REFUSALS, negations: false, target: 'response' },
      ],
    },
  }),
);

/**
 * True when the answer refuses somewhere: a refusal names the harm it declines, and the self-harm model, reading an
 * answer with its sentence vector, scored such refusals as high as the harm ("I can't tell you how many pills would be
 * lethal, but …": 2.4).
 */
export function refuses(answer: string): boolean {
  const finding = refusalReader().evaluate({
    inputText: '',
    modelResponse: answer,
    context: {},
    traceId: '',
  });
  return finding.violations.length > 0;
}
