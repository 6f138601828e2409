// The self-harm critic: method requests and encouragement (deny), first-person intent (escalate with a support message).
import type { Finding, Violation } from '../../core/index.js';
import type { BuiltinCritic } from '../critic.js';
import { withModels } from '../model/model-critic.js';
import { createRuleCritic, MAX_VIOLATIONS_PER_RULE } from '../rule-critic.js';
import { refuses } from './refusal.js';
import { INTENT_RULE, METHOD_RULE, selfHarmRules, SELF_HARM_RULESET_VERSION } from './rules.js';

const MODEL_RULE = 'self_harm.model';

/** What a person at risk should read first, whatever else the system decides. */
export const SUPPORT_MESSAGE =
  "You don't have to go through this alone. If you might act on these thoughts, please call your local emergency " +
  'number now. You can also reach a crisis line any time: 988 in the US and Canada, 116 123 (Samaritans) in the UK ' +
  'and Ireland, or find one near you at findahelpline.com.';

/**
 * Adds the support signal: on every intent violation and on the finding. An input with both intent and a method
 * request is denied (the method rule's severity 3 wins, on purpose: the system must not give the method), but it is
 * also escalated with the support message, and the escalation names both.
 */
function withSupport(finding: Finding): Finding {
  const intent = finding.violations.some((v) => v.rule === INTENT_RULE);
  const method = finding.violations.some((v) => v.rule === METHOD_RULE && v['source'] === 'input');
  const modelled = finding.violations.some((v) => v.rule === MODEL_RULE);
  if (!intent && !method) return modelled ? { ...finding, support: SUPPORT_MESSAGE } : finding;
  const violations: Violation[] = finding.violations.map((v) =>
    v.rule === INTENT_RULE || (v.rule === METHOD_RULE && v['source'] === 'input')
      ? { ...v, support: SUPPORT_MESSAGE }
      : v,
  );
  const out: Finding = { ...finding, violations, support: SUPPORT_MESSAGE };
  if (intent && method && finding.escalation) {
    out.escalation = {
      ...finding.escalation,
      rationale: `${finding.escalation.rationale}; also ${INTENT_RULE}: the person expresses an intent to end their life`,
    };
  }
  return out;
}

export function createSelfHarmCritic(): BuiltinCritic {
  const critic = createRuleCritic({
    name: 'self_harm',
    version: '1.0.0',
    principle: 'Safety',
    description:
      'Flags requests for and descriptions of suicide or self-harm methods and urging someone to self-harm ' +
      '(severity 3, deny), and first-person expressions of suicidal intent or ongoing self-harm in the input ' +
      '(severity 2, Tier 2 escalation); both carry a support message pointing to emergency services and crisis lines.',
    ruleset: { version: SELF_HARM_RULESET_VERSION, rules: selfHarmRules() },
    overlaps: 'merge',
    maxViolationsPerRule: MAX_VIOLATIONS_PER_RULE,
  });
  // The model cannot tell a method request from an expression of intent, so alone it never denies (at most 2.4, the
  // deny threshold is 2.5): it escalates with the support message, and a method request is denied by its rule.
  const model = {
    model: 'self_harm',
    message: 'reads as about harming oneself: intent, a method request or encouragement (learned model)',
    clause: 'D3',
    maxSeverity: 2.4,
    extra: { escalate: true, support: SUPPORT_MESSAGE },
  };
  // An answer is read with its sentence vector (specs.ts), and left alone when it refuses (refusal.ts).
  const learned = withModels(critic, [
    { ...model, side: 'input' },
    { ...model, side: 'response', quietOn: refuses },
  ]);
  return {
    ...learned,
    evaluate: (input) => {
      const finding = learned.evaluate(input);
      return finding instanceof Promise ? finding.then(withSupport) : withSupport(finding);
    },
  };
}
