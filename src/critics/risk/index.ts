// The risk critic: weapon and drug instructions, self-harm, stopping medication and irreversible actions.
import type { BuiltinCritic } from '../critic.js';
import { createRuleCritic, MAX_VIOLATIONS_PER_RULE } from '../rule-critic.js';
import { destructiveCommand } from './detectors.js';
import { RISK_RULES, RISK_RULESET_VERSION } from './rules.js';

export function createRiskCritic(): BuiltinCritic {
  return createRuleCritic({
    name: 'risk',
    version: '1.0.0',
    principle: 'Safety',
    description:
      'Flags instructions for weapons and dangerous drugs and self-harm methods or encouragement (severity 3, ' +
      'escalating), advice to stop prescribed medication, and irreversible financial or operational actions.',
    ruleset: { version: RISK_RULESET_VERSION, rules: RISK_RULES },
    detectors: [destructiveCommand],
    overlaps: 'merge',
    maxViolationsPerRule: MAX_VIOLATIONS_PER_RULE,
  });
}
