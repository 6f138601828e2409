// The jailbreak critic: unrestricted personas, dropped rules and suppressed refusals in the user's input.
import type { BuiltinCritic, SyncBuiltinCritic } from '../critic.js';
import { withModels } from '../model/model-critic.js';
import { createRuleCritic } from '../rule-critic.js';
import { jailbreakRules, JAILBREAK_RULESET_VERSION } from './rules.js';

export function createJailbreakCritic(): BuiltinCritic {
  const critic = createRuleCritic({
    name: 'jailbreak',
    version: '1.0.0',
    principle: 'Instruction integrity',
    description:
      "Flags jailbreak framings in the user's input: unrestricted personas (DAN, an AI without ethics, a jailbroken " +
      'mode) and requests to act as if the rules did not apply (severity 2.5, escalating), and forbidding refusals, ' +
      'warnings or disclaimers (2). Ordinary role-play, personas and tone changes are not flagged.',
    ruleset: { version: JAILBREAK_RULESET_VERSION, rules: jailbreakRules() },
    overlaps: 'merge',
  });
  // Every rule reads the input; the rule critic would still tokenise the response, so it gets none.
  const inputOnly: SyncBuiltinCritic = {
    ...critic,
    evaluate: (input) => critic.evaluate({ ...input, modelResponse: '' }),
  };
  return withModels(inputOnly, [
    {
      model: 'jailbreak',
      side: 'input',
      message: 'reads as an attempt to talk the model out of its rules (learned model)',
      clause: 'U3',
    },
  ]);
}
