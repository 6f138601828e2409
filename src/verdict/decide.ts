// Aggregation and decision: all violations, escalation signals that cannot be averaged away, failures as unknown.
import type { CriticOutcome } from '../core/index.js';
import type { Decision, DecisionThresholds, Evaluation, FailurePolicy, Gate } from './types.js';
import { FAILED_STATUSES } from './outcomes.js';

export interface DecideInput {
  readonly outcomes: Record<string, CriticOutcome>;
  readonly thresholds: DecisionThresholds;
  /** Critic names, highest priority first; critics not listed follow in their order in `outcomes`. */
  readonly priorityOrder: readonly string[];
  readonly failurePolicyOf: (critic: string) => FailurePolicy;
}

export type DecisionResult = Pick<Evaluation, 'decision' | 'gate' | 'violations' | 'scores' | 'degraded' | 'reasons'>;

const RANK: Record<Decision, number> = { allow: 0, constrained_allow: 1, escalate: 2, deny: 3 };

function orderedCritics(outcomes: Record<string, CriticOutcome>, priorityOrder: readonly string[]): string[] {
  const names = Object.keys(outcomes);
  const rank = new Map(priorityOrder.map((n, i) => [n, i]));
  return names
    .map((name, i) => ({ name, key: rank.get(name) ?? priorityOrder.length + i }))
    .sort((a, b) => a.key - b.key)
    .map((x) => x.name);
}

function describeFailure(o: CriticOutcome): string {
  switch (o.status) {
    case 'timeout':
      return 'timed out';
    case 'error':
      return `failed (${o.error?.message ?? 'error'})`;
    case 'lost':
      return 'was lost';
    case 'circuit_open':
      return 'was skipped by an open circuit breaker';
    case 'cancelled':
      return 'was cancelled before it ran';
    default:
      return o.status;
  }
}

export function decide(input: DecideInput): DecisionResult {
  const { outcomes, thresholds } = input;
  const critics = orderedCritics(outcomes, input.priorityOrder);
  let decision: Decision = 'allow';
  const raise = (to: Decision): void => {
    if (RANK[to] > RANK[decision]) decision = to;
  };
  const reasons: string[] = [];
  const gateReasons: string[] = [];
  const degraded: string[] = [];
  const violations: Evaluation['violations'] = [];
  let signalTier: 0 | 2 | 3 = 0;
  let maxSeverity = 0;
  let maxScore = 0;
  let scoreSum = 0;
  let scored = 0;

  for (const name of critics) {
    const o = outcomes[name]!;
    const failed = FAILED_STATUSES.has(o.status);
    if (failed || o.degraded) degraded.push(`critic:${name}`);
    const counts = o.status === 'success' || o.degraded;
    if (counts) {
      maxSeverity = Math.max(maxSeverity, o.finding.severity);
      maxScore = Math.max(maxScore, o.finding.score);
      scoreSum += o.finding.score;
      scored++;
      for (const v of o.finding.violations) violations.push({ ...v, critic: name });
      const worst = o.finding.violations.reduce((m, v) => Math.max(m, v.severity), o.finding.severity);
      if (worst >= thresholds.denyAt) {
        raise('deny');
        reasons.push(`${name} reported severity ${worst} (deny threshold ${thresholds.denyAt})${firstRule(o)}`);
      }
      const signal = o.finding.escalation;
      if (signal) {
        raise('escalate');
        signalTier = Math.max(signalTier, signal.tier) as 0 | 2 | 3;
        const why = `${name} raised a Tier ${signal.tier} escalation (clause ${signal.clause}): ${signal.rationale}`;
        reasons.push(why);
        gateReasons.push(why);
      }
    }
    if (failed) {
      const policy = input.failurePolicyOf(name);
      const what = `${name} ${describeFailure(o)}${o.degraded ? ', a fallback finding was used' : ''}`;
      if (policy === 'ignore') reasons.push(`${what}; its failure policy is ignore`);
      else {
        raise(policy);
        const why = `${what}; its failure policy is ${policy}: an unknown result is not a safe one`;
        reasons.push(why);
        if (policy === 'escalate') gateReasons.push(why);
      }
    }
  }

  if (maxSeverity >= thresholds.escalateAt && RANK[decision] < RANK.escalate) {
    raise('escalate');
    const why = `maximum severity ${maxSeverity} reaches the escalation threshold ${thresholds.escalateAt}`;
    reasons.push(why);
    gateReasons.push(why);
  } else if (maxSeverity >= thresholds.constrainAt && decision === 'allow') {
    raise('constrained_allow');
    reasons.push(`maximum severity ${maxSeverity} reaches the constraint threshold ${thresholds.constrainAt}`);
  }
  if (decision === 'allow') reasons.push(`no critic reported a violation reaching severity ${thresholds.constrainAt}`);

  return {
    decision,
    gate: gateFor(decision, signalTier, gateReasons),
    violations,
    scores: { max: maxScore, mean: scored === 0 ? 0 : scoreSum / scored },
    degraded,
    reasons,
  };
}

function firstRule(o: CriticOutcome): string {
  const v = [...o.finding.violations].sort((a, b) => b.severity - a.severity)[0];
  return v ? ` — ${v.rule}: ${v.message}${v.span ? ` ("${v.span.text}")` : ''}` : '';
}

/** A Tier-3 signal requires a human determination, Tier 2 an acknowledgment; every escalation has a gate. */
function gateFor(decision: Decision, signalTier: 0 | 2 | 3, reasons: string[]): Gate {
  const tier = decision === 'escalate' && signalTier === 0 ? 2 : signalTier;
  if (tier === 0) return { tier: 0, requiredAction: 'none', reasons: [] };
  return { tier, requiredAction: tier === 3 ? 'HUMAN_DETERMINATION' : 'HUMAN_ACK', reasons };
}
