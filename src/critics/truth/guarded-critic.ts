// A superset of rule-critic.ts, to be merged there: framed phrases, notFollowedBy, one token pass, capped findings.
import type { CriticInput, Finding, Violation } from '../../core/types.js';
import type { BuiltinCritic, RuleTarget } from '../critic.js';
import { findingFrom, NEGATIONS, type Detector, type PhraseRule, type RuleCriticDefinition } from '../rule-critic.js';
import { PhraseSet, type PhraseMatch } from '../text/phrases.js';
import { tokenize, type Token } from '../text/tokens.js';
import { negatedBefore } from './spans.js';

/**
 * Phrases that count only right after one of their frames: frame "how to|do i" + phrase "make a pipe bomb".
 * Frames and phrases are matched separately, so the pattern count is frames + phrases, not their product.
 * Negations are looked for before the frame, and the reported span starts at the frame.
 */
export interface FramedPhrases {
  readonly frames: readonly string[];
  readonly phrases: readonly string[];
}

export interface GuardedRule extends PhraseRule {
  readonly framed?: readonly FramedPhrases[];
  /** Cancels a match when the word right after it is one of these ("build a bomb shelter"). */
  readonly notFollowedBy?: readonly string[];
}

export interface GuardedCriticDefinition extends Omit<RuleCriticDefinition, 'ruleset'> {
  readonly ruleset: { readonly version: string; readonly rules: readonly GuardedRule[] };
}

type Which = 'response' | 'input';

/**
 * At most this many violations of one rule per text: more add nothing to the decision and would make a
 * repetitive 100 KB text cost a finding of thousands of spans in the evidence record.
 */
export const MAX_VIOLATIONS_PER_RULE = 50;

interface CompiledRule {
  readonly rule: GuardedRule;
  readonly target: RuleTarget;
  readonly negations: ReadonlySet<string>;
  /** Ids of requires/unless lists. */
  readonly requires: number | undefined;
  readonly unless: number | undefined;
  readonly notFollowedBy: ReadonlySet<string> | undefined;
}

/** What a pattern of the critic's single phrase set stands for. */
type Tag =
  | { readonly kind: 'pattern'; readonly rules: CompiledRule[] }
  | { readonly kind: 'frame'; readonly group: number }
  | { readonly kind: 'framed'; readonly group: number; readonly rule: CompiledRule }
  | { readonly kind: 'list'; readonly lists: number[] };

/** A match that may become a violation: `anchor` is where negations are looked for and the span starts. */
interface Candidate {
  readonly rule: CompiledRule;
  readonly anchor: number;
  readonly first: number;
  readonly last: number;
}

function applies(target: RuleTarget, which: Which): boolean {
  return target === 'both' || target === which;
}

export function createGuardedCritic(def: GuardedCriticDefinition): BuiltinCritic {
  const patterns: Array<{ source: string; tag: Tag }> = [];
  // A pattern shared by rules or lists (certainty markers, domain words) is matched once, for all of them.
  const patternTags = new Map<string, CompiledRule[]>();
  const listTags = new Map<string, number[]>();
  const shared = <T>(tags: Map<string, T[]>, source: string, value: T, tag: (all: T[]) => Tag): void => {
    const known = tags.get(source);
    if (known) known.push(value);
    else {
      const all = [value];
      tags.set(source, all);
      patterns.push({ source, tag: tag(all) });
    }
  };
  // Each distinct requires/unless list gets an id: rules share lists such as the hedges.
  const lists = new Map<readonly string[], number>();
  const listId = (sources: readonly string[] | undefined): number | undefined => {
    if (!sources || sources.length === 0) return undefined;
    let id = lists.get(sources);
    if (id === undefined) {
      lists.set(sources, (id = lists.size));
      for (const source of sources) shared(listTags, source, id, (all) => ({ kind: 'list', lists: all }));
    }
    return id;
  };
  let groups = 0;
  for (const rule of def.ruleset.rules) {
    const compiled: CompiledRule = {
      rule,
      target: rule.target ?? 'response',
      negations: new Set(rule.negations === false ? [] : (rule.negations ?? NEGATIONS)),
      requires: listId(rule.requires),
      unless: listId(rule.unless),
      notFollowedBy: rule.notFollowedBy?.length ? new Set(rule.notFollowedBy.map((w) => w.toLowerCase())) : undefined,
    };
    for (const source of rule.patterns)
      shared(patternTags, source, compiled, (all) => ({ kind: 'pattern', rules: all }));
    for (const g of rule.framed ?? []) {
      const group = groups++;
      for (const source of g.frames) patterns.push({ source, tag: { kind: 'frame', group } });
      for (const source of g.phrases) patterns.push({ source, tag: { kind: 'framed', group, rule: compiled } });
    }
  }
  const phrases = new PhraseSet(patterns);
  const detectors: readonly Detector[] = def.detectors ?? [];
  // A text no rule or detector reads is not scanned at all (rule-critic.ts matches both, then filters).
  const targets = [...def.ruleset.rules.map((r) => r.target ?? 'response'), ...detectors.map((d) => d.target)];
  const readsText = {
    response: targets.some((t) => applies(t, 'response')),
    input: targets.some((t) => applies(t, 'input')),
  };

  const scan = (text: string, tokens: readonly Token[], which: Which): Violation[] => {
    const sentencesOf = Array.from({ length: lists.size }, () => new Set<number>());
    const frameEnds = Array.from({ length: groups }, () => new Map<number, number>());
    const candidates: Candidate[] = [];
    const framed: Array<PhraseMatch<Tag>> = [];
    for (const m of phrases.findAll(tokens)) {
      const tag = m.tag;
      if (tag.kind === 'list') for (const list of tag.lists) sentencesOf[list]!.add(tokens[m.first]!.sentence);
      else if (tag.kind === 'pattern') {
        for (const rule of tag.rules) candidates.push({ rule, anchor: m.first, first: m.first, last: m.last });
      } else if (tag.kind === 'frame') {
        // The longest frame ending at a token.
        const known = frameEnds[tag.group]!.get(m.last);
        if (known === undefined || m.first < known) frameEnds[tag.group]!.set(m.last, m.first);
      } else framed.push(m);
    }
    for (const m of framed) {
      if (m.tag.kind !== 'framed') continue;
      const anchor = frameEnds[m.tag.group]!.get(m.first - 1);
      if (anchor !== undefined && tokens[anchor]!.sentence === tokens[m.first]!.sentence) {
        candidates.push({ rule: m.tag.rule, anchor, first: m.first, last: m.last });
      }
    }
    const accepted: Candidate[] = [];
    for (const candidate of candidates) {
      const { rule: c, anchor, last } = candidate;
      if (!applies(c.target, which) || negatedBefore(tokens, anchor, c.negations)) continue;
      const sentence = tokens[anchor]!.sentence;
      if (c.requires !== undefined && !sentencesOf[c.requires]!.has(sentence)) continue;
      if (c.unless !== undefined && sentencesOf[c.unless]!.has(sentence)) continue;
      const next = tokens[last + 1];
      if (c.notFollowedBy && next?.sentence === sentence && c.notFollowedBy.has(next.norm)) continue;
      accepted.push(candidate);
    }
    // One violation per stretch of text and rule: a match inside another of its rule ("way to kill yourself"
    // inside "best way to kill yourself") or found by two patterns adds nothing.
    accepted.sort((a, b) => a.anchor - b.anchor || b.last - a.last);
    const reach = new Map<CompiledRule, number>();
    const count = new Map<CompiledRule, number>();
    const out: Violation[] = [];
    for (const { rule: c, anchor, last } of accepted) {
      if (last <= (reach.get(c) ?? -1) || (count.get(c) ?? 0) >= MAX_VIOLATIONS_PER_RULE) continue;
      reach.set(c, last);
      count.set(c, (count.get(c) ?? 0) + 1);
      const start = tokens[anchor]!.start;
      const end = tokens[last]!.end;
      const v: Violation = {
        rule: c.rule.id,
        message: c.rule.message,
        severity: c.rule.severity,
        span: { start, end, text: text.slice(start, end) },
        source: which,
      };
      if (c.rule.clause !== undefined) v.clause = c.rule.clause;
      if (c.rule.escalate) v['escalate'] = true;
      out.push(v);
    }
    return out;
  };

  return {
    name: def.name,
    version: def.version,
    rulesetVersion: def.ruleset.version,
    principle: def.principle,
    description: def.description,
    ruleCount: def.ruleset.rules.length + detectors.length,
    ruleIds: [...def.ruleset.rules.map((r) => r.id), ...detectors.map((d) => d.id)],
    regexes: [...new Set(detectors.flatMap((d) => d.regexes ?? []))],
    evaluate(input: CriticInput): Finding {
      const violations: Violation[] = [];
      for (const which of ['response', 'input'] as const) {
        const text = which === 'response' ? input.modelResponse : input.inputText;
        if (text.length === 0 || !readsText[which]) continue;
        const tokens = tokenize(text);
        for (const v of scan(text, tokens, which)) violations.push(v);
        for (const d of detectors) {
          if (!applies(d.target, which)) continue;
          const found = d.detect(text, tokens, input);
          for (const v of found.slice(0, MAX_VIOLATIONS_PER_RULE)) violations.push({ ...v, source: which });
        }
      }
      return findingFrom(def.principle, violations, (v) => `${v.rule}: ${v.message}`);
    },
  };
}
