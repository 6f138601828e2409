// The hate critic: dehumanisation, calls for violence or exclusion, contempt and stereotypes about protected groups.
import type { BuiltinCritic } from '../critic.js';
import { withModels } from '../model/model-critic.js';
import { createRuleCritic, MAX_VIOLATIONS_PER_RULE } from '../rule-critic.js';
import { withGroupReferences } from './reference.js';
import { hateRules, HATE_RULESET_VERSION } from './rules.js';

export function createHateCritic(): BuiltinCritic {
  const rules = createRuleCritic({
    name: 'hate',
    version: '1.0.0',
    principle: 'Dignity & non-discrimination',
    description:
      'Flags hateful statements and questions about protected groups (religion, ethnicity, nationality, LGBTQ+, ' +
      'disability, sex, migration) in the input or the response: dehumanisation and calls for violence or exclusion ' +
      '(severity 3, escalating), contempt and inferiority (2.5), requests for texts that demean or mock a group (2.5) ' +
      'and stereotype questions (2). Counter-speech, ' +
      'quotation, reported speech and negation are not flagged.',
    ruleset: { version: HATE_RULESET_VERSION, rules: hateRules() },
    overlaps: 'merge',
    maxViolationsPerRule: MAX_VIOLATIONS_PER_RULE,
    reading: withGroupReferences,
  });
  const model = { model: 'hate', message: 'reads as hateful or demeaning towards a protected group (learned model)' };
  return withModels(rules, [
    { ...model, side: 'input', clause: 'D2' },
    { ...model, side: 'response', clause: 'D2' },
  ]);
}
