// The risk critic: weapon and drug instructions, self-harm, stopping medication and irreversible actions.
import type { BuiltinCritic } from '../critic.js';
import { withModels } from '../model/model-critic.js';
import { createRuleCritic, MAX_VIOLATIONS_PER_RULE } from '../rule-critic.js';
import { destructiveCommand } from './detectors.js';
import { riskRules, RISK_RULESET_VERSION } from './rules.js';

export function createRiskCritic(): BuiltinCritic {
  const rules = createRuleCritic({
    name: 'risk',
    version: '1.0.0',
    principle: 'Safety',
    description:
      'Flags instructions for weapons and dangerous drugs and self-harm methods or encouragement (severity 3, ' +
      'escalating), advice to stop prescribed medication, and irreversible financial or operational actions.',
    ruleset: { version: RISK_RULESET_VERSION, rules: riskRules() },
    detectors: [destructiveCommand],
    overlaps: 'merge',
    maxViolationsPerRule: MAX_VIOLATIONS_PER_RULE,
  });
  return withModels(rules, [
    {
      model: 'harmful_request',
      side: 'input',
      message: 'reads as a request for help with a weapon, a crime, a scam, an intrusion or violence (learned model)',
      clause: 'U2',
    },
    {
      model: 'harmful_response',
      side: 'response',
      message: 'reads as an answer that helps with a harmful request (learned model)',
      clause: 'U2',
    },
  ]);
}
