// The built-in critics by name, each made by its factory.
import { EleanorError } from '../core/index.js';
import { createAutonomyCritic } from './autonomy/index.js';
import type { BuiltinCritic } from './critic.js';
import { createFairnessCritic } from './fairness/index.js';
import { createHateCritic } from './hate/index.js';
import { createJailbreakCritic } from './jailbreak/index.js';
import { createOperationsCritic } from './operations/index.js';
import { createPrivacyCritic } from './privacy/index.js';
import { createPromptInjectionCritic } from './prompt-injection/index.js';
import { createRightsCritic } from './rights/index.js';
import { createRiskCritic } from './risk/index.js';
import { createSelfHarmCritic } from './self-harm/index.js';
import { createTruthCritic } from './truth/index.js';

/**
 * In the default priority order: rights > autonomy > privacy > fairness > truth > risk > operations > prompt_injection
 * > self_harm > hate > jailbreak.
 */
export const BUILTIN_CRITICS: Readonly<Record<string, () => BuiltinCritic>> = Object.freeze({
  rights: createRightsCritic,
  autonomy: createAutonomyCritic,
  privacy: createPrivacyCritic,
  fairness: createFairnessCritic,
  truth: createTruthCritic,
  risk: createRiskCritic,
  operations: createOperationsCritic,
  prompt_injection: createPromptInjectionCritic,
  self_harm: createSelfHarmCritic,
  hate: createHateCritic,
  jailbreak: createJailbreakCritic,
});

export function builtinCritic(name: string, options?: Record<string, unknown>): BuiltinCritic {
  const factory = BUILTIN_CRITICS[name];
  if (!factory) {
    throw new EleanorError(
      'INVALID_CONFIG',
      `critics.${name}: unknown built-in critic '${name}' (built-ins: ${Object.keys(BUILTIN_CRITICS).join(', ')}); give it evaluate, module or judge to define your own`,
    );
  }
  if (options !== undefined && Object.keys(options).length > 0) {
    throw new EleanorError('INVALID_CONFIG', `critics.${name}.options: built-in '${name}' takes no options yet`);
  }
  return factory();
}
