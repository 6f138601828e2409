// Phrase patterns over tokens: word-bounded by construction and linear in the text (no regex backtracking).
//
// Pattern syntax, elements separated by spaces:
//   word        the exact word (case-insensitive)
//   a|b|c       one of these words
//   stem*       a word starting with `stem` (at least 3 letters)
//   *           any one word
//   ...         up to 3 words (never first or last)
import { statesOf, type State } from './phrase-states.js';
import type { Token } from './tokens.js';

/** One element of a pattern, as compiled from its source (every element has every field: one object shape). */
interface Element {
  readonly kind: 'words' | 'prefix' | 'any' | 'gap';
  /** 'words': the words. */
  readonly words: ReadonlySet<string> | null;
  /** 'prefix': the stems by their first STEM_KEY letters, so a token is checked only against those it could start with. */
  readonly stems: ReadonlyMap<string, readonly string[]> | null;
}

export interface CompiledPattern<T> {
  readonly source: string;
  readonly elements: readonly Element[];
  readonly tag: T;
}

export interface PhraseMatch<T> {
  readonly tag: T;
  readonly source: string;
  /** Index of the first and last matched token. */
  readonly first: number;
  readonly last: number;
}

const MAX_GAP = 3;
/** Stems are at least this long, so they are indexed by their first letters. */
const STEM_KEY = 3;

function compileElement(raw: string, pattern: string): Element {
  if (raw === '*') return { kind: 'any', words: null, stems: null };
  if (raw === '...') return { kind: 'gap', words: null, stems: null };
  const options = raw.toLowerCase().split('|');
  if (options.some((o) => o.length === 0)) throw new Error(`pattern '${pattern}': empty alternative in '${raw}'`);
  if (options.every((o) => o.endsWith('*'))) {
    const prefixes = options.map((o) => o.slice(0, -1));
    if (prefixes.some((p) => p.length < STEM_KEY))
      throw new Error(`pattern '${pattern}': a stem needs at least ${STEM_KEY} letters`);
    const stems = new Map<string, string[]>();
    for (const p of prefixes) stems.set(p.slice(0, STEM_KEY), [...(stems.get(p.slice(0, STEM_KEY)) ?? []), p]);
    return { kind: 'prefix', words: null, stems };
  }
  if (options.some((o) => o.includes('*'))) throw new Error(`pattern '${pattern}': mix of stems and words in '${raw}'`);
  return { kind: 'words', words: new Set(options), stems: null };
}

export function compilePattern<T>(source: string, tag: T): CompiledPattern<T> {
  const elements = source
    .trim()
    .split(/\s+/)
    .map((raw) => compileElement(raw, source));
  const first = elements[0];
  const last = elements.at(-1);
  if (!first || first.kind === 'any' || first.kind === 'gap')
    throw new Error(`pattern '${source}': must start with a word or stem`);
  if (last?.kind === 'gap') throw new Error(`pattern '${source}': must not end with '...'`);
  return { source, elements, tag };
}

/** An element as a set matches it: its words as ids in the set's vocabulary (a number compares faster than a string). */
interface Matcher {
  readonly kind: Element['kind'];
  readonly ids: ReadonlySet<number> | null;
  readonly stems: Element['stems'];
}

interface IndexedPattern<T> {
  readonly source: string;
  readonly matchers: readonly Matcher[];
  readonly tag: T;
  /** Its place in the set: matches at one token are reported in this order. */
  readonly order: number;
}

function addTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list === undefined) map.set(key, [value]);
  else list.push(value);
}

/**
 * Every word any pattern of any set names, numbered once for all sets: a text's tokens are looked up in it once per
 * text (`idsOf`), not once per set, and each set finds a token's patterns by that number.
 */
const vocabulary = new Map<string, number>();

function wordId(word: string): number {
  let n = vocabulary.get(word);
  if (n === undefined) vocabulary.set(word, (n = vocabulary.size));
  return n;
}

/** A token array's ids (-1: a word no pattern names), with the vocabulary size they were read at. */
const knownIds = new WeakMap<readonly Token[], { readonly ids: Int32Array; readonly size: number }>();

/** The ids of every token; computed once per token array (the tokeniser caches arrays by text), again if a set added words. */
function idsOf(tokens: readonly Token[]): Int32Array {
  const known = knownIds.get(tokens);
  if (known !== undefined && known.size === vocabulary.size) return known.ids;
  const ids = new Int32Array(tokens.length);
  for (let t = 0; t < tokens.length; t++) ids[t] = vocabulary.get(tokens[t]!.norm) ?? -1;
  knownIds.set(tokens, { ids, size: vocabulary.size });
  return ids;
}

/** The words being matched: the tokens and their ids. */
interface Words {
  readonly tokens: readonly Token[];
  readonly ids: Int32Array;
}

function matches(matcher: Matcher, words: Words, t: number): boolean {
  switch (matcher.kind) {
    case 'words':
      return matcher.ids!.has(words.ids[t]!);
    case 'prefix': {
      const norm = words.tokens[t]!.norm;
      return matcher.stems!.get(norm.slice(0, STEM_KEY))?.some((p) => norm.startsWith(p)) ?? false;
    }
    case 'any':
      return true;
    case 'gap':
      return false;
  }
}

/** The index of the last token matched, or -1. Tokens must stay in one sentence. */
function matchFrom(matchers: readonly Matcher[], e: number, words: Words, t: number, sentence: number): number {
  if (e === matchers.length) return t - 1;
  const matcher = matchers[e]!;
  const tokens = words.tokens;
  if (matcher.kind === 'gap') {
    for (let skip = 0; skip <= MAX_GAP; skip++) {
      const at = t + skip;
      if (at > tokens.length || (skip > 0 && tokens[at - 1]?.sentence !== sentence)) break;
      const end = matchFrom(matchers, e + 1, words, at, sentence);
      if (end >= 0) return end;
    }
    return -1;
  }
  const token = tokens[t];
  if (!token || token.sentence !== sentence || !matches(matcher, words, t)) return -1;
  return matchFrom(matchers, e + 1, words, t + 1, sentence);
}

/** Whether a pattern starts with a stem (`stem*`): a set tries those at a token after the ones starting with a word. */
export function startsWithStem(source: string): boolean {
  return (source.trim().split(/\s+/)[0] ?? '').split('|').every((o) => o.endsWith('*'));
}

/**
 * A set of patterns matched in one pass over the tokens: those starting with a word through the states of their leading
 * word lists (phrase-states.ts), those starting with a stem by its first letters.
 */
export class PhraseSet<T> {
  /** Patterns starting with a word: the state each first word leads to. */
  readonly #firstWords: Array<State<IndexedPattern<T>> | undefined>;
  readonly #byStemKey = new Map<string, IndexedPattern<T>[]>();
  readonly size: number;
  #order = 0;

  constructor(patterns: ReadonlyArray<{ source: string; tag: T }>) {
    const listed: Array<IndexedPattern<T>> = [];
    for (const { source, tag } of patterns) {
      const pattern = this.#indexed(compilePattern(source, tag));
      const first = pattern.matchers[0]!;
      if (first.kind === 'prefix') for (const key of first.stems!.keys()) addTo(this.#byStemKey, key, pattern);
      else listed.push(pattern);
    }
    this.#firstWords = statesOf(listed);
    this.size = patterns.length;
  }

  #indexed(pattern: CompiledPattern<T>): IndexedPattern<T> {
    const matchers = pattern.elements.map((e) => ({
      kind: e.kind,
      ids: e.words === null ? null : new Set([...e.words].map(wordId)),
      stems: e.stems,
    }));
    return { source: pattern.source, matchers, tag: pattern.tag, order: this.#order++ };
  }

  /** Every match starting at a token in [from, to) (longest per pattern and start), in token order. */
  findAll(tokens: readonly Token[], from = 0, to = tokens.length): PhraseMatch<T>[] {
    const found: Array<PhraseMatch<T> & Ordered> = [];
    if (from >= to) return found;
    const ids = idsOf(tokens);
    const words: Words = { tokens, ids };
    const stems = this.#byStemKey.size > 0;
    for (let t = from; t < to; t++) {
      const before = found.length;
      const sentence = tokens[t]!.sentence;
      // Down the states while the words lead on, in the sentence: what each matched whole, and what to match on.
      const id = ids[t]!;
      let state = id >= 0 ? this.#firstWords[id] : undefined;
      for (let at = t + 1; state !== undefined; at++) {
        for (const p of state.ends)
          found.push({ tag: p.tag, source: p.source, first: t, last: at - 1, order: p.order });
        for (const p of state.rest) tryFrom(p, state.depth, words, t, at, found);
        state = at < tokens.length && tokens[at]!.sentence === sentence ? state.next.get(ids[at]!) : undefined;
      }
      // The set's order within the patterns starting with a word, then those starting with a stem in theirs.
      if (found.length - before > 1) sortByOrder(found, before);
      if (stems) {
        const stemFirst = this.#byStemKey.get(tokens[t]!.norm.slice(0, STEM_KEY));
        if (stemFirst) for (const p of stemFirst) tryFrom(p, 0, words, t, t, found);
      }
    }
    return found;
  }
}

/** Matches `p` from its element `e` at token `at`, the match starting at token `first`. */
function tryFrom<T>(
  p: IndexedPattern<T>,
  e: number,
  words: Words,
  first: number,
  at: number,
  out: Array<PhraseMatch<T> & Ordered>,
): void {
  const last = matchFrom(p.matchers, e, words, at, words.tokens[first]!.sentence);
  if (last >= 0) out.push({ tag: p.tag, source: p.source, first, last, order: p.order });
}

interface Ordered {
  readonly order: number;
}

/** Puts `found[from..]` back in the patterns' order (they were tried by their second word first). */
function sortByOrder(found: Ordered[], from: number): void {
  const tail = found.splice(from).sort((a, b) => a.order - b.order);
  for (const m of tail) found.push(m);
}
