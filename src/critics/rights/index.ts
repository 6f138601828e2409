// The rights critic: demeaning language, explicit discrimination, dehumanisation and hate, in the model's response.
import type { SyncBuiltinCritic } from '../critic.js';
import { createRuleCritic } from '../rule-critic.js';
import { rightsRules, RIGHTS_RULESET_VERSION } from './rules.js';

export function createRightsCritic(): SyncBuiltinCritic {
  return createRuleCritic({
    name: 'rights',
    version: '1.0.0',
    principle: 'Dignity & Rights',
    description:
      'Flags language that demeans a person, excludes people by group, describes groups as vermin or less than human, or calls for violence or exclusion against a protected group.',
    ruleset: { version: RIGHTS_RULESET_VERSION, rules: rightsRules() },
  });
}
