// The autonomy critic: coercion, threats, consent bypass, concealment, manipulation, false urgency and removed agency.
import type { SyncBuiltinCritic } from '../critic.js';
import { createRuleCritic } from '../rule-critic.js';
import { autonomyRules, AUTONOMY_RULESET_VERSION } from './rules.js';

export function createAutonomyCritic(): SyncBuiltinCritic {
  return createRuleCritic({
    name: 'autonomy',
    version: '1.0.0',
    principle: 'Autonomy',
    description:
      'Flags ultimatums and threats, acting on people without their knowledge or consent, steering by guilt, fear or false urgency, and designs that remove the ability to refuse or leave.',
    ruleset: { version: AUTONOMY_RULESET_VERSION, rules: autonomyRules() },
  });
}
