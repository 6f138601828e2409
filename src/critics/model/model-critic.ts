// Adds learned classifiers to a rule critic: each model reads one side, and a confident one reports `<critic>.model`.
import type { CriticInput, Finding, Violation } from '../../core/types.js';
import type { BuiltinCritic, CriticReads } from '../critic.js';
import { findingFrom } from '../rule-critic.js';
import { analyse, PASSAGE_WORDS } from './analysis.js';
import { loadClassifier, modelVersion } from './load.js';

export interface AttachedModel {
  /** The weights file's name, e.g. 'harmful_request'. */
  readonly model: string;
  readonly side: 'input' | 'response';
  /** What a reviewer reads, e.g. 'reads as a request for help with a crime or weapon'. */
  readonly message: string;
  /** The doctrine clause of its violations. */
  readonly clause?: string;
  /** The highest severity it may report. @default 3 */
  readonly maxSeverity?: number;
  /** Fields added to its violations (e.g. a support message). */
  readonly extra?: Readonly<Record<string, unknown>>;
}

/**
 * Severity from a calibrated probability: nothing below the threshold (chosen on held-out data for a low false-positive
 * rate), 2 at the threshold rising to 3 at certainty, so only confident models deny (the deny threshold is 2.5).
 */
export function severityOf(probability: number, threshold: number): number {
  if (probability < threshold) return 0;
  return Math.min(3, 2 + (probability - threshold) / Math.max(1e-9, 1 - threshold));
}

function readsOf(rules: CriticReads, models: readonly AttachedModel[]): CriticReads {
  const input = rules !== 'response' || models.some((m) => m.side === 'input');
  const response = rules !== 'input' || models.some((m) => m.side === 'response');
  return input && response ? 'both' : input ? 'input' : 'response';
}

function modelViolation(critic: string, attached: AttachedModel, text: string): Violation | undefined {
  if (text.length === 0) return undefined;
  const classifier = loadClassifier(attached.model);
  const analysis = analyse(text);
  if (analysis.passages.length === 0) return undefined;
  let best = { logit: -Infinity, probability: 0 };
  let worst = analysis.passages[0]!;
  for (const passage of analysis.passages) {
    const score = classifier.score(passage);
    if (score.logit > best.logit) [best, worst] = [score, passage];
  }
  if (best.logit < classifier.thresholdLogit) return undefined;
  const probability = best.probability;
  const severity = Math.min(attached.maxSeverity ?? 3, Math.max(2, severityOf(probability, classifier.threshold)));
  const violation: Violation = {
    rule: `${critic}.model`,
    message: attached.message,
    severity: Number(severity.toFixed(2)),
    model: attached.model,
    probability: Number(probability.toFixed(4)),
    threshold: Number(classifier.threshold.toFixed(4)),
    side: attached.side,
    source: attached.side,
    ...attached.extra,
  };
  if (attached.clause !== undefined) violation.clause = attached.clause;
  // A reviewer sees where: the run of words that pushed hardest towards harmful.
  const words = analysis.tokens.slice(worst.first, worst.first + PASSAGE_WORDS);
  const window = classifier.indicativeWindow(words);
  if (window !== undefined) {
    const start = words[window.first]!.start;
    const end = words[window.last]!.end;
    violation.span = { start, end, text: text.slice(start, end) };
  }
  return violation;
}

/** The critic with its models: rule and model violations together make one finding (worst severity, escalation). */
export function withModels(critic: BuiltinCritic, models: readonly AttachedModel[]): BuiltinCritic {
  const version = modelVersion(models.map((m) => m.model));
  return {
    ...critic,
    reads: readsOf(critic.reads, models),
    modelVersion: version,
    ruleCount: critic.ruleCount + 1,
    ruleIds: [...critic.ruleIds, `${critic.name}.model`],
    evaluate(input: CriticInput): Finding {
      const ruled = critic.evaluate(input);
      const violations = [...ruled.violations];
      for (const attached of models) {
        const text = attached.side === 'input' ? input.inputText : input.modelResponse;
        const found = modelViolation(critic.name, attached, text);
        if (found !== undefined) violations.push(found);
      }
      if (violations.length === ruled.violations.length) return ruled;
      const finding = findingFrom(critic.principle, violations, (v) => `${v.rule}: ${v.message}`);
      return ruled.escalation !== undefined && finding.escalation === undefined
        ? { ...ruled, ...finding, escalation: ruled.escalation }
        : { ...ruled, ...finding };
    },
  };
}
