// Adds learned classifiers to a rule critic: each model reads one side, and a confident one reports `<critic>.model`.
import type { CriticInput, Finding, Violation } from '../../core/index.js';
import type { BuiltinCritic, SyncBuiltinCritic } from '../critic.js';
import type { CriticReads } from '../../verdict/index.js';
import { findingFrom } from '../rule-critic.js';
import { analyse, PASSAGE_WORDS, sentencePassages, type Passage, type TextAnalysis } from './analysis.js';
import { sigmoid, type TextClassifier } from './classifier.js';
import { loadClassifier, modelVersion } from './load.js';
import { sentenceVector } from './sentence.js';
import { modelSpec, sentenceSidesAtRun } from './specs.js';

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
  /**
   * Texts of its side the model leaves alone, whatever it would score: e.g. an answer that refuses, which names the harm
   * it declines ("I won't tell you how deep to cut"). Checked only when the model would report (so it costs nothing on
   * the texts it passes).
   */
  readonly quietOn?: (text: string) => boolean;
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

/**
 * A gate's call on a text without its sentence vector: 'clear' (the model does not fire), a firing with the gate's
 * logit and worst passage, or 'unsure' (the full model must read the sentence vector).
 */
type GateCall = 'clear' | 'unsure' | { readonly logit: number; readonly passage: Passage };

/** What a model needs for one side's text: its analysis, and that text's sentence vector if the model reads one. */
interface Reading {
  readonly text: string;
  readonly analysis: TextAnalysis;
  readonly sentence?: Float32Array;
  /** The gate's call, for a model with a gate: when it is not 'unsure', it stands whether or not a vector exists. */
  readonly gated?: GateCall;
}

/** The gate's call on the text's passages (scored by its worst passage, as the full model is). */
function gateCall(classifier: TextClassifier, analysis: TextAnalysis): GateCall {
  const gate = classifier.gate!;
  let logit = -Infinity;
  let worst = analysis.passages[0]!;
  for (const passage of analysis.passages) {
    const z = gate.logit(passage);
    if (z > logit) [logit, worst] = [z, passage];
  }
  if (logit < gate.low) return 'clear';
  return logit > gate.high ? { logit: Math.max(logit, classifier.thresholdLogit), passage: worst } : 'unsure';
}

/** The text's worst passage and its calibrated logit, from the gate's call or the full model. */
function worstPassage(classifier: TextClassifier, reading: Reading): { logit: number; passage: Passage } {
  const { gated, analysis } = reading;
  if (gated === 'clear') return { logit: -Infinity, passage: analysis.passages[0]! };
  if (gated !== undefined && gated !== 'unsure') return gated;
  const passages: readonly Passage[] =
    reading.sentence !== undefined ? sentencePassages(analysis, reading.sentence) : analysis.passages;
  let best = { logit: -Infinity, passage: passages[0]! };
  for (const passage of passages) {
    const { logit } = classifier.score(passage);
    if (logit > best.logit) best = { logit, passage };
  }
  return best;
}

function modelViolation(critic: string, attached: AttachedModel, reading: Reading): Violation | undefined {
  const { text, analysis } = reading;
  const classifier = loadClassifier(attached.model);
  const { logit, passage: worst } = worstPassage(classifier, reading);
  if (logit < classifier.thresholdLogit) return undefined;
  const probability = sigmoid(logit);
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

/** The side's text and analysis, or undefined when there is nothing for a model to judge (empty, under three words). */
function readingOf(attached: AttachedModel, input: CriticInput): Reading | undefined {
  const text = attached.side === 'input' ? input.inputText : input.modelResponse;
  if (text.length === 0) return undefined;
  const analysis = analyse(text);
  return analysis.passages.length === 0 ? undefined : { text, analysis };
}

/** The critic with its models: rule and model violations together make one finding (worst severity, escalation). */
export function withModels(critic: SyncBuiltinCritic, models: readonly AttachedModel[]): BuiltinCritic {
  const version = modelVersion(models.map((m) => m.model));
  // Whether each model reads its side with the sentence vector (specs.ts: where trained to, and where told to).
  const vectorSide = models.map((m) => sentenceSidesAtRun(modelSpec(m.model)).includes(m.side));
  return {
    ...critic,
    reads: readsOf(critic.reads, models),
    modelVersion: version,
    ruleCount: critic.ruleCount + 1,
    ruleIds: [...critic.ruleIds, `${critic.name}.model`],
    evaluate(input: CriticInput): Finding | Promise<Finding> {
      const ruled = critic.evaluate(input);
      const readings = models.map((attached, i): Reading | undefined => {
        const reading = readingOf(attached, input);
        const classifier = loadClassifier(attached.model);
        if (reading === undefined || classifier.sentenceSides.length === 0 || !vectorSide[i]!) return reading;
        // The cascade: the gate settles the clear cases; a model without a gate always reads the vector.
        return { ...reading, gated: classifier.gate === undefined ? 'unsure' : gateCall(classifier, reading.analysis) };
      });
      // Only a model its gate left unsure needs its side's sentence vector, the one step that is asynchronous (and
      // costly); each side's text is encoded once per process for every critic that reads it (sentence.ts).
      if (!readings.some((r) => r?.gated === 'unsure')) return combine(critic, ruled, models, readings);
      return Promise.all(
        readings.map((r) =>
          r?.gated === 'unsure' ? sentenceVector(r.text).then((sentence) => ({ ...r, sentence })) : Promise.resolve(r),
        ),
      ).then((read) => combine(critic, ruled, models, read));
    },
  };
}

/** Rule and model violations together make one finding (worst severity; the rules' escalation is kept). */
function combine(
  critic: BuiltinCritic,
  ruled: Finding,
  models: readonly AttachedModel[],
  readings: readonly (Reading | undefined)[],
): Finding {
  const violations = [...ruled.violations];
  models.forEach((attached, i) => {
    const reading = readings[i];
    if (reading === undefined) return;
    const found = modelViolation(critic.name, attached, reading);
    if (found !== undefined && attached.quietOn?.(reading.text) !== true) violations.push(found);
  });
  if (violations.length === ruled.violations.length) return ruled;
  const finding = findingFrom(critic.principle, violations, (v) => `${v.rule}: ${v.message}`);
  return ruled.escalation !== undefined && finding.escalation === undefined
    ? { ...ruled, ...finding, escalation: ruled.escalation }
    : { ...ruled, ...finding };
}
