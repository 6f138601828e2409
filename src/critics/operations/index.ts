// The operations critic: impossible guarantees and advice to bypass regulation, in the model's response.
import type { SyncBuiltinCritic } from '../critic.js';
import { createRuleCritic } from '../rule-critic.js';
import { OPERATIONS_RULES } from './rules.js';

export function createOperationsCritic(): SyncBuiltinCritic {
  return createRuleCritic({
    name: 'operations',
    version: '1.0.0',
    principle: 'Operational integrity',
    description: 'Flags impossible guarantees and advice to evade legal or regulatory controls.',
    ruleset: OPERATIONS_RULES,
  });
}
