// Gating policies: whether a ready critic runs, given the input and its dependencies' outcomes.
import type { CriticInput, CriticOutcome, GatingPolicy } from './types.js';

/** Uncertainty at or above which `on_uncertainty` critics run. */
export const UNCERTAINTY_THRESHOLD = 0.7;
/** Severity at or above which a finding counts as a violation for `on_violation`. */
export const VIOLATION_SEVERITY = 2;

function anyDependency(prior: Readonly<Record<string, CriticOutcome>>, test: (o: CriticOutcome) => boolean): boolean {
  for (const key in prior) {
    const outcome = prior[key];
    if (outcome && test(outcome)) return true;
  }
  return false;
}

const reportedViolation = (o: CriticOutcome): boolean =>
  o.finding.severity >= VIOLATION_SEVERITY || o.finding.violations.length > 0;

const reportedUncertainty = (o: CriticOutcome): boolean =>
  typeof o.finding.uncertainty === 'number' && o.finding.uncertainty >= UNCERTAINTY_THRESHOLD;

/**
 * Why the critic is gated, or undefined when it runs.
 * A predicate that throws or returns a non-boolean throws a PolicyError.
 */
export function gatingReason(
  policy: GatingPolicy,
  input: CriticInput,
  prior: Readonly<Record<string, CriticOutcome>>,
): string | undefined {
  switch (policy) {
    case 'always':
      return undefined;
    case 'on_violation':
      return anyDependency(prior, reportedViolation)
        ? undefined
        : `policy on_violation: no dependency reported a violation (severity >= ${VIOLATION_SEVERITY} or violations)`;
    case 'on_high_risk':
      return input.context['riskTier'] === 'high' ? undefined : "policy on_high_risk: context.riskTier is not 'high'";
    case 'on_uncertainty':
      return anyDependency(prior, reportedUncertainty)
        ? undefined
        : `policy on_uncertainty: no dependency reported uncertainty >= ${UNCERTAINTY_THRESHOLD}`;
    default: {
      const verdict: unknown = policy(input, prior);
      if (typeof verdict !== 'boolean')
        throw new PolicyError(`policy predicate returned ${typeof verdict}, expected a boolean`);
      return verdict ? undefined : 'policy predicate returned false';
    }
  }
}

export class PolicyError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PolicyError';
  }
}
