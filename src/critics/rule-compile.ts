// Compiles a ruleset once, when its critic is made: one phrase set for every pattern and frame, shared phrase lists.
import type { RuleTarget } from './critic.js';
import type { PhraseRule } from './rule-types.js';
import { PhraseSet, startsWithStem } from './text/phrases.js';
import { NEGATIONS } from './text/spans.js';

export interface CompiledRule {
  readonly rule: PhraseRule;
  readonly target: RuleTarget;
  readonly negations: ReadonlySet<string>;
  /** Ids of the rule's `requires`, `requiresAlso` and `unless` lists (see CompiledRuleset.lists). */
  readonly requires: number | undefined;
  readonly requiresAlso: number | undefined;
  readonly unless: number | undefined;
  readonly notFollowedBy: ReadonlySet<string> | undefined;
}

/**
 * One rule's use of a pattern or framed phrase. `order` ranks the rule's patterns that match at the same word, as the
 * phrase matcher meets them: word-first patterns in ruleset order, then stem-first ones.
 */
export interface PatternUse {
  readonly rule: CompiledRule;
  readonly order: number;
}

/** What a pattern of the critic's single phrase set stands for. */
export type Tag =
  | { readonly kind: 'pattern'; readonly uses: PatternUse[] }
  | { readonly kind: 'frame'; readonly group: number }
  | { readonly kind: 'framed'; readonly group: number; readonly use: PatternUse };

export interface CompiledRuleset {
  readonly phrases: PhraseSet<Tag>;
  /** Every pattern of the rules' `requires`, `requiresAlso` and `unless` lists, tagged with the ids of the lists that hold it. */
  readonly lists: PhraseSet<readonly number[]>;
  /** How many distinct lists there are (ids 0 to listCount - 1). */
  readonly listCount: number;
  /** How many groups of framed phrases there are. */
  readonly groups: number;
}

/** Adds `value` to what `source` stands for; the first time, adds the pattern itself, tagged by `tagOf`. */
function addShared<V, T>(
  seen: Map<string, V[]>,
  patterns: Array<{ source: string; tag: T }>,
  source: string,
  value: V,
  tagOf: (values: V[]) => T,
): void {
  const known = seen.get(source);
  if (known) known.push(value);
  else {
    const values = [value];
    seen.set(source, values);
    patterns.push({ source, tag: tagOf(values) });
  }
}

/** Patterns and list entries are matched as written: "[optional]" and "{SLOT}" would be read as words, never matching. */
function assertExpanded(sources: readonly string[], what: string): void {
  const unexpanded = sources.find((source) => /[[\]{}]/.test(source));
  if (unexpanded !== undefined) {
    throw new Error(`${what} '${unexpanded}': expand() its [optional] elements and {SLOT}s first`);
  }
}

export function compileRuleset(rules: readonly PhraseRule[]): CompiledRuleset {
  // Rules that share a `requires`, `requiresAlso` or `unless` list (hedges, domain words) share its id, and a pattern in several
  // lists is matched once, for all of them.
  const lists = new Map<string, number>();
  const listTags = new Map<string, number[]>();
  const listPatterns: Array<{ source: string; tag: readonly number[] }> = [];
  const listId = (sources: readonly string[] | undefined): number | undefined => {
    if (!sources?.length) return undefined;
    assertExpanded(sources, 'requires/requiresAlso/unless entry');
    const key = JSON.stringify(sources);
    let id = lists.get(key);
    if (id === undefined) {
      lists.set(key, (id = lists.size));
      for (const source of sources) addShared(listTags, listPatterns, source, id, (ids) => ids);
    }
    return id;
  };
  const total = rules.reduce(
    (n, r) => n + r.patterns.length + (r.framed ?? []).reduce((k, g) => k + g.phrases.length, 0),
    0,
  );
  let seq = 0;
  const nextUse = (rule: CompiledRule, source: string): PatternUse => {
    return { rule, order: seq++ + (startsWithStem(source) ? total : 0) };
  };

  const patterns: Array<{ source: string; tag: Tag }> = [];
  // A pattern several rules share (certainty markers, domain words) is matched once, for all of them.
  const shared = new Map<string, PatternUse[]>();
  let groups = 0;
  for (const rule of rules) {
    const c: CompiledRule = {
      rule,
      target: rule.target ?? 'response',
      negations: new Set(rule.negations === false ? [] : (rule.negations ?? NEGATIONS)),
      requires: listId(rule.requires),
      requiresAlso: listId(rule.requiresAlso),
      unless: listId(rule.unless),
      notFollowedBy: rule.notFollowedBy?.length ? new Set(rule.notFollowedBy.map((w) => w.toLowerCase())) : undefined,
    };
    assertExpanded(rule.patterns, `${rule.id} pattern`);
    for (const source of rule.patterns) {
      addShared(shared, patterns, source, nextUse(c, source), (uses): Tag => ({ kind: 'pattern', uses }));
    }
    for (const g of rule.framed ?? []) {
      assertExpanded([...g.frames, ...g.phrases], `${rule.id} framed phrase`);
      const group = groups++;
      for (const source of g.frames) patterns.push({ source, tag: { kind: 'frame', group } });
      for (const source of g.phrases)
        patterns.push({ source, tag: { kind: 'framed', group, use: nextUse(c, source) } });
    }
  }
  return { phrases: new PhraseSet(patterns), lists: new PhraseSet(listPatterns), listCount: lists.size, groups };
}
