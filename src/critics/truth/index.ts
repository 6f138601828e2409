// The truth critic: fabricated-looking citations, unhedged medical/legal/financial claims and unattributed claims.
import type { SyncBuiltinCritic } from '../critic.js';
import { createRuleCritic, MAX_VIOLATIONS_PER_RULE } from '../rule-critic.js';
import { createCitationDetectors } from './detectors.js';
import { TRUTH_RULES, TRUTH_RULESET_VERSION } from './rules.js';

export interface TruthCriticOptions {
  /**
   * The clock for the reference year when the input's `context.now` is missing or invalid; pass one for
   * determinism across a new year. @default () => new Date()
   */
  readonly now?: () => Date;
}

export function createTruthCritic(options: TruthCriticOptions = {}): SyncBuiltinCritic {
  return createRuleCritic({
    name: 'truth',
    version: '1.0.0',
    principle: 'Truthfulness',
    description:
      'Flags citations whose form cannot be real (invalid DOIs, future or pre-journal dates, impossible pages), ' +
      'medical, legal and financial claims stated as certain, and claims credited to unnamed studies or experts.',
    ruleset: { version: TRUTH_RULESET_VERSION, rules: TRUTH_RULES },
    detectors: createCitationDetectors(options.now ?? (() => new Date())),
    overlaps: 'merge',
    maxViolationsPerRule: MAX_VIOLATIONS_PER_RULE,
  });
}
