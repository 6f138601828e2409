// A critic built from a versioned ruleset of phrase rules plus optional detectors (e.g. PII formats).
import type { CriticInput, EscalationSignal, Finding, Violation } from '../core/types.js';
import type { BuiltinCritic, RuleTarget } from './critic.js';
import { clauseTier } from './doctrine.js';
import { PhraseSet } from './text/phrases.js';
import { tokenize, type Token } from './text/tokens.js';

export interface PhraseRule {
  /** e.g. 'rights.dehumanisation' */
  readonly id: string;
  readonly message: string;
  /** 0..3 */
  readonly severity: number;
  /** The doctrine clause, e.g. 'D2'. */
  readonly clause?: string;
  /** Emit an escalation signal at the clause's tier when the rule fires. */
  readonly escalate?: boolean;
  readonly patterns: readonly string[];
  /** Fires only if one of these also occurs in the same sentence. */
  readonly requires?: readonly string[];
  /**
   * Cancelled in any sentence where one of these also occurs: for sentences that talk about a harm rather than
   * do it ("… is illegal", "the law forbids …"), hedges ("in trials"), or a clinician in the loop.
   */
  readonly unless?: readonly string[];
  /** Words that cancel a match when they occur up to 3 words before it in the sentence. @default NEGATIONS; false for none */
  readonly negations?: readonly string[] | false;
  /** @default 'response' */
  readonly target?: RuleTarget;
}

export interface Ruleset {
  readonly version: string;
  readonly rules: readonly PhraseRule[];
}

/** Finds violations a phrase rule cannot express (formats with checksums, secrets, encodings). */
export interface Detector {
  readonly id: string;
  readonly target: RuleTarget;
  /** Every regular expression the detector uses. */
  readonly regexes?: readonly RegExp[];
  /** `input` gives the whole request (e.g. its context) to detectors that need it. */
  detect(text: string, tokens: readonly Token[], input: CriticInput): Violation[];
}

export interface RuleCriticDefinition {
  readonly name: string;
  readonly version: string;
  readonly principle: string;
  readonly description: string;
  readonly ruleset: Ruleset;
  readonly detectors?: readonly Detector[];
}

export const NEGATIONS: readonly string[] = Object.freeze([
  'not',
  'never',
  'no',
  "don't",
  "doesn't",
  "didn't",
  "won't",
  "shouldn't",
  "mustn't",
  "can't",
  'cannot',
  'avoid',
  'without',
]);
const NEGATION_WINDOW = 3;

interface CompiledRule {
  readonly rule: PhraseRule;
  readonly requires: PhraseSet<null> | undefined;
  readonly unless: PhraseSet<null> | undefined;
  readonly negations: ReadonlySet<string>;
}

function negated(tokens: readonly Token[], first: number, negations: ReadonlySet<string>): boolean {
  const sentence = tokens[first]!.sentence;
  for (let t = first - 1; t >= 0 && t >= first - NEGATION_WINDOW; t--) {
    const token = tokens[t]!;
    if (token.sentence !== sentence) return false;
    if (negations.has(token.norm)) return true;
  }
  return false;
}

function applies(target: RuleTarget, text: 'response' | 'input'): boolean {
  return target === 'both' || target === text;
}

/** Turns a critic's violations into its finding: worst severity, clause-aware escalation. */
export function findingFrom(
  principle: string,
  violations: Violation[],
  rationaleOf: (v: Violation) => string,
): Finding {
  violations.sort((a, b) => (a.span?.start ?? 0) - (b.span?.start ?? 0) || b.severity - a.severity);
  const severity = violations.reduce((max, v) => Math.max(max, v.severity), 0);
  let escalation: EscalationSignal | undefined;
  for (const v of violations) {
    const tier = v['escalate'] === true && typeof v.clause === 'string' ? clauseTier(v.clause) : undefined;
    if (tier !== undefined && (escalation === undefined || tier > escalation.tier)) {
      escalation = { tier, clause: v.clause!, rationale: rationaleOf(v) };
    }
  }
  const finding: Finding = {
    score: Math.min(1, severity / 3),
    severity,
    violations,
    principle,
    justification:
      violations.length === 0
        ? 'no rule matched'
        : `${violations.length} violation(s): ${[...new Set(violations.map((v) => v.rule))].join(', ')}`,
  };
  if (escalation) finding.escalation = escalation;
  return finding;
}

function phraseSetOf(patterns: readonly string[] | undefined): PhraseSet<null> | undefined {
  return patterns && patterns.length > 0 ? new PhraseSet(patterns.map((source) => ({ source, tag: null }))) : undefined;
}

/** Sentences in which a rule's `requires` / `unless` set matches, computed once per text and set. */
class SentenceSets {
  readonly #cache = new Map<PhraseSet<null>, Set<number>>();
  constructor(readonly tokens: readonly Token[]) {}
  has(set: PhraseSet<null>, sentence: number): boolean {
    let sentences = this.#cache.get(set);
    if (!sentences) this.#cache.set(set, (sentences = set.sentencesWithMatch(this.tokens)));
    return sentences.has(sentence);
  }
}

export function createRuleCritic(def: RuleCriticDefinition): BuiltinCritic {
  // Rules that share a `requires` or `unless` list share one phrase set, so it is scanned once per text.
  const shared = new Map<string, PhraseSet<null> | undefined>();
  const sharedSet = (patterns: readonly string[] | undefined): PhraseSet<null> | undefined => {
    const key = JSON.stringify(patterns ?? []);
    if (!shared.has(key)) shared.set(key, phraseSetOf(patterns));
    return shared.get(key);
  };
  const compiled: CompiledRule[] = def.ruleset.rules.map((rule) => ({
    rule,
    requires: sharedSet(rule.requires),
    unless: sharedSet(rule.unless),
    negations: new Set(rule.negations === false ? [] : (rule.negations ?? NEGATIONS)),
  }));
  const phrases = new PhraseSet(compiled.flatMap((c) => c.rule.patterns.map((source) => ({ source, tag: c }))));
  const detectors = def.detectors ?? [];
  const targets = [...def.ruleset.rules.map((r) => r.target ?? 'response'), ...detectors.map((d) => d.target)];
  /** A text no rule or detector reads is not even tokenised. */
  const reads = {
    response: targets.some((t) => applies(t, 'response')),
    input: targets.some((t) => applies(t, 'input')),
  };

  const scanText = (text: string, which: 'response' | 'input', input: CriticInput, out: Violation[]): void => {
    if (text.length === 0) return;
    const tokens = tokenize(text);
    const seen = new Set<string>();
    const sentences = new SentenceSets(tokens);
    for (const match of phrases.findAll(tokens)) {
      const { rule, requires, unless, negations } = match.tag;
      if (!applies(rule.target ?? 'response', which) || negated(tokens, match.first, negations)) continue;
      const sentence = tokens[match.first]!.sentence;
      if (requires && !sentences.has(requires, sentence)) continue;
      if (unless && sentences.has(unless, sentence)) continue;
      const start = tokens[match.first]!.start;
      const end = tokens[match.last]!.end;
      const key = `${rule.id}:${start}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const violation: Violation = {
        rule: rule.id,
        message: rule.message,
        severity: rule.severity,
        span: { start, end, text: text.slice(start, end) },
        source: which,
      };
      if (rule.clause !== undefined) violation.clause = rule.clause;
      if (rule.escalate) violation['escalate'] = true;
      out.push(violation);
    }
    for (const detector of detectors) {
      if (!applies(detector.target, which)) continue;
      for (const v of detector.detect(text, tokens, input)) out.push({ ...v, source: which });
    }
  };

  return {
    name: def.name,
    version: def.version,
    rulesetVersion: def.ruleset.version,
    principle: def.principle,
    description: def.description,
    ruleCount: def.ruleset.rules.length + detectors.length,
    ruleIds: [...def.ruleset.rules.map((r) => r.id), ...detectors.map((d) => d.id)],
    regexes: detectors.flatMap((d) => d.regexes ?? []),
    evaluate(input: CriticInput): Finding {
      const violations: Violation[] = [];
      if (reads.response) scanText(input.modelResponse, 'response', input, violations);
      if (reads.input) scanText(input.inputText, 'input', input, violations);
      return findingFrom(def.principle, violations, (v) => `${v.rule}: ${v.message}`);
    },
  };
}
