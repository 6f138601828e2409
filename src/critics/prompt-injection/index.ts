// The prompt-injection critic: instruction overrides, jailbreak personas, system-prompt exfiltration in the input.
import type { BuiltinCritic, SyncBuiltinCritic } from '../critic.js';
import { withModels } from '../model/model-critic.js';
import { createRuleCritic, type RuleCriticDefinition } from '../rule-critic.js';
import { createEncodedPayloadDetector } from './encoded.js';
import { PROMPT_INJECTION_RULES } from './rules.js';

export function createPromptInjectionCritic(): BuiltinCritic {
  const definition: RuleCriticDefinition = {
    name: 'prompt_injection',
    version: '1.0.0',
    principle: 'Instruction integrity',
    description:
      "Flags attempts in the user's input to override the system's instructions, hijack the model's role, " +
      'extract its system prompt or forge chat-template turns, also when hidden in base64 or hex.',
    ruleset: PROMPT_INJECTION_RULES,
  };
  // Decoded payloads are re-read with the same phrase rules (and only those: one level of decoding, no recursion).
  const phrasesOnly = createRuleCritic(definition);
  const scanDecoded = (decoded: string) =>
    phrasesOnly.evaluate({ inputText: decoded, modelResponse: '', context: {}, traceId: 'decoded-payload' }).violations;
  const critic = createRuleCritic({ ...definition, detectors: [createEncodedPayloadDetector(scanDecoded)] });
  // Every rule reads the input; the rule critic would still tokenise and phrase-match the response, so it gets none.
  const inputOnly: SyncBuiltinCritic = {
    ...critic,
    evaluate: (input) => critic.evaluate({ ...input, modelResponse: '' }),
  };
  return withModels(inputOnly, [
    {
      model: 'prompt_injection',
      side: 'input',
      message: "reads as an attempt to override the system's instructions (learned model)",
    },
  ]);
}
