// Scans one text with a compiled ruleset: matches pass their rule's guards, and one per stretch becomes a violation.
import type { Violation } from '../core/index.js';
import type { RuleTarget } from './critic.js';
import type { CompiledRule, CompiledRuleset, PatternUse, Tag } from './rule-compile.js';
import type { PhraseMatch } from './text/phrases.js';
import { negatedBefore } from './text/spans.js';
import type { Token } from './text/tokens.js';

export type Which = 'response' | 'input';

/**
 * How matches of one rule that overlap become violations. 'start': one per word a match starts at, from the first
 * pattern to match there. 'merge': one per stretch of text, the longest; a match nested in another of the same rule
 * ("way to kill yourself" in "best way to kill yourself") or found by two patterns adds nothing.
 */
export type Overlaps = 'start' | 'merge';

export interface ScanOptions {
  readonly overlaps: Overlaps;
  /** At most this many violations of one rule per text. */
  readonly maxViolationsPerRule: number;
}

/** A match that may become a violation: `anchor` is where negations are looked for and the span starts. */
interface Candidate {
  readonly use: PatternUse;
  readonly anchor: number;
  readonly last: number;
}

export function applies(target: RuleTarget, which: Which): boolean {
  return target === 'both' || target === which;
}

/**
 * Which `requires` / `requiresAlso` / `unless` lists match in a sentence. Only sentences a candidate needs are read, each once for all
 * the lists: a text with few candidates costs next to nothing, one with many no more than a pass over its sentences.
 */
class ListsBySentence {
  /** Per sentence, `stride` bytes: whether it was read, then whether each list matches in it. */
  #found: Uint8Array | undefined;
  readonly #lists: CompiledRuleset['lists'];
  readonly #tokens: readonly Token[];
  readonly #stride: number;
  constructor(ruleset: CompiledRuleset, tokens: readonly Token[]) {
    this.#lists = ruleset.lists;
    this.#tokens = tokens;
    this.#stride = ruleset.listCount + 1;
  }

  /** Whether list `id` matches in the sentence of token `at`. */
  has(id: number, at: number): boolean {
    const tokens = this.#tokens;
    const sentence = tokens[at]!.sentence;
    const found = (this.#found ??= new Uint8Array((tokens.at(-1)!.sentence + 1) * this.#stride));
    const base = sentence * this.#stride;
    if (found[base] === 0) {
      found[base] = 1;
      // Patterns never cross a sentence end, so the sentence's own tokens are all a match can need.
      let from = at;
      while (from > 0 && tokens[from - 1]!.sentence === sentence) from--;
      let to = at + 1;
      while (to < tokens.length && tokens[to]!.sentence === sentence) to++;
      for (const m of this.#lists.findAll(tokens, from, to)) for (const list of m.tag) found[base + 1 + list] = 1;
    }
    return found[base + 1 + id] === 1;
  }
}

/** The rule's guards: target, negation before the anchor, requires, requiresAlso and unless in its sentence, notFollowedBy. */
function accepts(c: Candidate, tokens: readonly Token[], which: Which, lists: ListsBySentence): boolean {
  const rule = c.use.rule;
  if (!applies(rule.target, which) || negatedBefore(tokens, c.anchor, rule.negations)) return false;
  const sentence = tokens[c.anchor]!.sentence;
  if (rule.requires !== undefined && !lists.has(rule.requires, c.anchor)) return false;
  if (rule.requiresAlso !== undefined && !lists.has(rule.requiresAlso, c.anchor)) return false;
  if (rule.unless !== undefined && lists.has(rule.unless, c.anchor)) return false;
  const next = tokens[c.last + 1];
  return !(rule.notFollowedBy && next?.sentence === sentence && rule.notFollowedBy.has(next.norm));
}

/** Candidates that pass their guards: plain patterns in match order, then framed phrases right after a frame. */
function acceptedCandidates(
  ruleset: CompiledRuleset,
  matches: ReadonlyArray<PhraseMatch<Tag>>,
  tokens: readonly Token[],
  which: Which,
): Candidate[] {
  const lists = new ListsBySentence(ruleset, tokens);
  const accepted: Candidate[] = [];
  const consider = (c: Candidate): void => {
    if (accepts(c, tokens, which, lists)) accepted.push(c);
  };
  const frames: Array<PhraseMatch<Tag>> = [];
  const framed: Array<PhraseMatch<Tag>> = [];
  for (const m of matches) {
    const tag = m.tag;
    if (tag.kind === 'pattern') for (const use of tag.uses) consider({ use, anchor: m.first, last: m.last });
    else (tag.kind === 'frame' ? frames : framed).push(m);
  }
  // Frames alone ("you must") are common; they are looked at only when a framed phrase matched.
  if (framed.length === 0) return accepted;
  // The first token of the longest frame of each group that ends at each token, by group * tokens.length + token.
  const frameStarts = new Map<number, number>();
  for (const { tag, first, last } of frames) {
    if (tag.kind !== 'frame') continue;
    const key = tag.group * tokens.length + last;
    const known = frameStarts.get(key);
    if (known === undefined || first < known) frameStarts.set(key, first);
  }
  for (const { tag, first, last } of framed) {
    if (tag.kind !== 'framed' || first === 0) continue;
    const anchor = frameStarts.get(tag.group * tokens.length + first - 1);
    if (anchor !== undefined && tokens[anchor]!.sentence === tokens[first]!.sentence) {
      consider({ use: tag.use, anchor, last });
    }
  }
  return accepted;
}

const BY_START = (a: Candidate, b: Candidate): number => a.anchor - b.anchor || a.use.order - b.use.order;
/** Stable: candidates of equal stretches stay in match order. */
const BY_STRETCH = (a: Candidate, b: Candidate): number => a.anchor - b.anchor || b.last - a.last;

/** The candidates that become violations, in order, under the overlap policy and the per-rule cap. */
function select(accepted: Candidate[], { overlaps, maxViolationsPerRule }: ScanOptions): Candidate[] {
  if (accepted.length === 0) return accepted;
  const merge = overlaps === 'merge';
  accepted.sort(merge ? BY_STRETCH : BY_START);
  // Per rule: how far its last violation reaches ('merge') or the word it starts at ('start').
  const mark = new Map<CompiledRule, number>();
  const count = new Map<CompiledRule, number>();
  const chosen: Candidate[] = [];
  for (const c of accepted) {
    const rule = c.use.rule;
    const seen = mark.get(rule);
    if (seen !== undefined && (merge ? c.last <= seen : c.anchor === seen)) continue;
    const n = count.get(rule) ?? 0;
    if (n >= maxViolationsPerRule) continue;
    mark.set(rule, merge ? c.last : c.anchor);
    count.set(rule, n + 1);
    chosen.push(c);
  }
  return chosen;
}

/** Adds the violations the ruleset's phrase rules find in one text to `out`. */
export function scanRules(
  ruleset: CompiledRuleset,
  text: string,
  tokens: readonly Token[],
  which: Which,
  options: ScanOptions,
  out: Violation[],
): void {
  const matches = ruleset.phrases.findAll(tokens);
  // Most texts match no pattern at all: they cost the phrase matcher and nothing more.
  if (matches.length === 0) return;
  for (const { use, anchor, last } of select(acceptedCandidates(ruleset, matches, tokens, which), options)) {
    const rule = use.rule.rule;
    const start = tokens[anchor]!.start;
    const end = tokens[last]!.end;
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
}
