// The fairness critic: protected attributes in high-stakes decisions, differential terms and proxy screening.
import type { SyncBuiltinCritic } from '../critic.js';
import { createRuleCritic } from '../rule-critic.js';
import { fairnessRules, FAIRNESS_RULESET_VERSION } from './rules.js';

export function createFairnessCritic(): SyncBuiltinCritic {
  return createRuleCritic({
    name: 'fairness',
    version: '1.0.0',
    principle: 'Fairness & Non-Discrimination',
    description:
      'Flags decisions on employment, lending, housing, insurance or care that use a protected attribute, different prices or terms by group, and screening by proxies such as postcode, name, accent, "culture fit" or age-coded terms.',
    ruleset: { version: FAIRNESS_RULESET_VERSION, rules: fairnessRules() },
  });
}
