// A critic built from a versioned ruleset of phrase rules plus optional detectors (e.g. PII formats).
import type { CriticInput, EscalationSignal, Finding, Violation } from '../core/index.js';
import type { RuleTarget, SyncBuiltinCritic } from './critic.js';
import { clauseTier } from '../verdict/index.js';
import { compileRuleset, type CompiledRuleset } from './rule-compile.js';
import type { PhraseRule, Ruleset } from './rule-types.js';
import { applies, scanRules, type Overlaps, type ScanOptions, type Which } from './rule-scan.js';
import { foldedStretches } from './text/normalize-leet.js';
import { normalized, type NormalizedText } from './text/normalize.js';
import { tokenize, type Token } from './text/tokens.js';

export { NEGATIONS } from './text/spans.js';
export type { Overlaps } from './rule-scan.js';
export type { FramedPhrases, PhraseRule, Ruleset } from './rule-types.js';

/** Finds violations a phrase rule cannot express (formats with checksums, secrets, encodings). */
export interface Detector {
  readonly id: string;
  readonly target: RuleTarget;
  /** Every regular expression the detector uses. */
  readonly regexes?: readonly RegExp[];
  /**
   * `text` is the normalised text of one side (text/normalize.ts: NFKC, no invisible characters, Latin look-alikes,
   * ASCII digits; no leet folding) and `tokens` its tokens; spans are offsets in it, and the rule critic maps them
   * back to the original text. `input` gives the whole request (e.g. its context) to detectors that need it.
   */
  detect(text: string, tokens: readonly Token[], input: CriticInput): Violation[];
}

export interface RuleCriticDefinition {
  readonly name: string;
  readonly version: string;
  readonly principle: string;
  readonly description: string;
  readonly ruleset: Ruleset;
  readonly detectors?: readonly Detector[];
  /** How overlapping matches of one rule become violations (see `Overlaps`). @default 'start' */
  readonly overlaps?: Overlaps;
  /**
   * At most this many violations of one rule, and of one detector, per text; MAX_VIOLATIONS_PER_RULE suits
   * critics whose rules can fire on every sentence of a long text. @default Infinity
   */
  readonly maxViolationsPerRule?: number;
  /**
   * The critic's own reading of a side's tokens before its rules run (same offsets, so spans stay right; the plain text's
   * tokens, not the leet reading's): the hate critic reads a sentence-opening "they" as the group the sentence before
   * ended with. @default the tokens as they are
   */
  readonly reading?: (tokens: readonly Token[]) => readonly Token[];
}

/**
 * The per-rule cap for critics that opt in: more violations add nothing to the decision and would make a repetitive
 * 100 KB text cost a finding of thousands of spans in the evidence record.
 */
export const MAX_VIOLATIONS_PER_RULE = 50;

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

/** The violation with its side and its span in that side's original text. */
/**
 * Gives a violation its side and its span in that side's original text, in place (the violation is the scan's own).
 * `reread`: the span's text came from another form than the base one (leet folding can change an ASCII text whose
 * base form is the identity), so it is read again from the original even when offsets stay.
 */
function attribute(v: Violation, which: Which, text: NormalizedText, reread: boolean): Violation {
  v['source'] = which;
  v['side'] = which;
  if (v.span && (reread || text.changed)) v.span = text.originalSpan(v.span.start, v.span.end);
  return v;
}

/** The violations of `more` whose rule has none at the same place in `found`, at most `cap` per rule in all. */
function newOnes(found: readonly Violation[], more: readonly Violation[], cap: number): Violation[] {
  if (more.length === 0) return [];
  // Only the rules and places `more` has are looked up in `found`, which may hold thousands of violations.
  const rules = new Set(more.map((v) => v.rule));
  const starts = new Set(more.map((v) => v.span?.start));
  const seen = new Set<string>();
  const count = new Map<string, number>();
  for (const v of found) {
    if (!rules.has(v.rule)) continue;
    count.set(v.rule, (count.get(v.rule) ?? 0) + 1);
    if (starts.has(v.span?.start)) seen.add(`${v.rule}@${v.span?.start}`);
  }
  const out: Violation[] = [];
  for (const v of more) {
    const n = count.get(v.rule) ?? 0;
    if (n >= cap || seen.has(`${v.rule}@${v.span?.start}`)) continue;
    count.set(v.rule, n + 1);
    out.push(v);
  }
  return out;
}

/**
 * Compiled rule lists, by the list they came from: the built-ins' lists are built once per process (../lazy.ts), so
 * every engine's critics share one compiled copy — megabytes for the larger critics (77 MB of heap for all built-ins
 * together, docs/benchmarks.md), which an engine per test server or per tenant would otherwise hold again.
 */
const compiled = new WeakMap<readonly PhraseRule[], Record<Which, CompiledRuleset>>();

/** One compiled set per side: a text is matched only against the rules that read it. */
function compiledFor(rules: readonly PhraseRule[]): Record<Which, CompiledRuleset> {
  let sets = compiled.get(rules);
  if (sets === undefined) {
    const rulesFor = (which: Which) => rules.filter((r) => applies(r.target ?? 'response', which));
    sets = { input: compileRuleset(rulesFor('input')), response: compileRuleset(rulesFor('response')) };
    compiled.set(rules, sets);
  }
  return sets;
}

/**
 * A built-in-style critic from versioned phrase rules (and detectors), scanning normalised text.
 * @example
 * const shouting = createRuleCritic({
 *   name: 'shouting', version: '1.0.0', principle: 'dignity', description: 'all-caps insults',
 *   ruleset: { version: '1.0.0', rules: [{ id: 'shouting.idiot', message: 'an insult', severity: 1, patterns: ['idiot'] }] },
 * });
 * shouting.evaluate({ inputText: '', modelResponse: 'You idiot.', context: {}, traceId: 't' }).severity; // 1
 */
export function createRuleCritic(def: RuleCriticDefinition): SyncBuiltinCritic {
  const rulesets = compiledFor(def.ruleset.rules);
  const options: ScanOptions = {
    overlaps: def.overlaps ?? 'start',
    maxViolationsPerRule: def.maxViolationsPerRule ?? Infinity,
  };
  const cap = options.maxViolationsPerRule;
  const detectors = def.detectors ?? [];
  const reading = def.reading ?? ((tokens: readonly Token[]) => tokens);
  const targets = [...def.ruleset.rules.map((r) => r.target ?? 'response'), ...detectors.map((d) => d.target)];
  /** A text no rule or detector reads is not even tokenised. */
  const reads = {
    response: targets.some((t) => applies(t, 'response')),
    input: targets.some((t) => applies(t, 'input')),
  };

  const hasRules = {
    input: def.ruleset.rules.some((r) => applies(r.target ?? 'response', 'input')),
    response: def.ruleset.rules.some((r) => applies(r.target ?? 'response', 'response')),
  };
  /** The rules' violations in the stretches of `folded` around its leet tokens, with offsets in `folded`. */
  const scanFolded = (text: string, folded: string, which: Which): Violation[] => {
    const stretches = foldedStretches(text, folded);
    // One scan of the stretches joined by newlines (a newline ends a sentence, so no match spans two of them).
    const joined = stretches.map(([start, end]) => folded.slice(start, end)).join('\n');
    const found: Violation[] = [];
    // Not `reading`: the stretches are pieces of the text, so a stretch's first "they" does not follow the one before.
    scanRules(rulesets[which], joined, tokenize(joined), which, options, found);
    const offsets: number[] = [];
    let at = 0;
    for (const [start, end] of stretches) {
      offsets.push(at);
      at += end - start + 1;
    }
    for (const v of found) {
      if (v.span === undefined) continue;
      // The last stretch that starts at or before the span.
      let lo = 0;
      let hi = offsets.length - 1;
      while (lo < hi) {
        const mid = (lo + hi + 1) >>> 1;
        if (offsets[mid]! <= v.span.start) lo = mid;
        else hi = mid - 1;
      }
      const k = lo;
      const shift = stretches[k]![0] - offsets[k]!;
      v.span = { start: v.span.start + shift, end: v.span.end + shift, text: v.span.text };
    }
    return found;
  };
  const scanText = (original: string, which: Which, input: CriticInput, out: Violation[]): void => {
    if (original.length === 0) return;
    // Rules and detectors read the normalised text; their spans are mapped back to `original` (see normalize.ts).
    const base = normalized(original);
    const tokens = tokenize(base.text);
    const found: Violation[] = [];
    if (hasRules[which]) {
      scanRules(rulesets[which], base.text, reading(tokens), which, options, found);
      // Leetspeak is read by the phrase rules only, as a second reading: nothing the plain text matches is lost.
      const leet = normalized(original, { leet: true });
      const more = leet.text === base.text ? [] : newOnes(found, scanFolded(base.text, leet.text, which), cap);
      for (const v of found) out.push(attribute(v, which, base, false));
      for (const v of more) out.push(attribute(v, which, base, true));
    }
    for (const detector of detectors) {
      if (!applies(detector.target, which)) continue;
      const detected = detector.detect(base.text, tokens, input);
      for (const v of detected.length > cap ? detected.slice(0, cap) : detected) {
        out.push(attribute({ ...v }, which, base, false));
      }
    }
  };

  return {
    name: def.name,
    version: def.version,
    rulesetVersion: def.ruleset.version,
    principle: def.principle,
    description: def.description,
    reads: reads.input && reads.response ? 'both' : reads.input ? 'input' : 'response',
    ruleCount: def.ruleset.rules.length + detectors.length,
    ruleIds: [...def.ruleset.rules.map((r) => r.id), ...detectors.map((d) => d.id)],
    // Detectors may share regular expressions (one scan read by several detectors): each is listed once.
    regexes: [...new Set(detectors.flatMap((d) => d.regexes ?? []))],
    evaluate(input: CriticInput): Finding {
      const violations: Violation[] = [];
      if (reads.response) scanText(input.modelResponse, 'response', input, violations);
      if (reads.input) scanText(input.inputText, 'input', input, violations);
      return findingFrom(def.principle, violations, (v) => `${v.rule}: ${v.message}`);
    },
  };
}
