// Phrase patterns over tokens: word-bounded by construction and linear in the text (no regex backtracking).
//
// Pattern syntax, elements separated by spaces:
//   word        the exact word (case-insensitive)
//   a|b|c       one of these words
//   stem*       a word starting with `stem` (at least 3 letters)
//   *           any one word
//   ...         up to 3 words (never first or last)
import type { Token } from './tokens.js';

type Element =
  | { readonly kind: 'words'; readonly words: ReadonlySet<string> }
  | { readonly kind: 'prefix'; readonly prefixes: readonly string[] }
  | { readonly kind: 'any' }
  | { readonly kind: 'gap' };

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

function compileElement(raw: string, pattern: string): Element {
  if (raw === '*') return { kind: 'any' };
  if (raw === '...') return { kind: 'gap' };
  const options = raw.toLowerCase().split('|');
  if (options.some((o) => o.length === 0)) throw new Error(`pattern '${pattern}': empty alternative in '${raw}'`);
  if (options.every((o) => o.endsWith('*'))) {
    const prefixes = options.map((o) => o.slice(0, -1));
    if (prefixes.some((p) => p.length < 3)) throw new Error(`pattern '${pattern}': a stem needs at least 3 letters`);
    return { kind: 'prefix', prefixes };
  }
  if (options.some((o) => o.includes('*'))) throw new Error(`pattern '${pattern}': mix of stems and words in '${raw}'`);
  return { kind: 'words', words: new Set(options) };
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

function elementMatches(element: Element, token: Token): boolean {
  switch (element.kind) {
    case 'words':
      return element.words.has(token.norm);
    case 'prefix':
      return element.prefixes.some((p) => token.norm.startsWith(p));
    case 'any':
      return true;
    case 'gap':
      return false;
  }
}

/** The index of the last token matched, or -1. Tokens must stay in one sentence. */
function matchFrom(
  elements: readonly Element[],
  e: number,
  tokens: readonly Token[],
  t: number,
  sentence: number,
): number {
  if (e === elements.length) return t - 1;
  const element = elements[e]!;
  if (element.kind === 'gap') {
    for (let skip = 0; skip <= MAX_GAP; skip++) {
      const at = t + skip;
      if (at > tokens.length || (skip > 0 && tokens[at - 1]?.sentence !== sentence)) break;
      const end = matchFrom(elements, e + 1, tokens, at, sentence);
      if (end >= 0) return end;
    }
    return -1;
  }
  const token = tokens[t];
  if (!token || token.sentence !== sentence || !elementMatches(element, token)) return -1;
  return matchFrom(elements, e + 1, tokens, t + 1, sentence);
}

/** Whether a pattern starts with a stem (`stem*`): a set tries those at a token after the ones starting with a word. */
export function startsWithStem(source: string): boolean {
  return (source.trim().split(/\s+/)[0] ?? '').split('|').every((o) => o.endsWith('*'));
}

/** A set of patterns indexed by their first word, matched in one pass over the tokens. */
export class PhraseSet<T> {
  readonly #byWord = new Map<string, CompiledPattern<T>[]>();
  readonly #byPrefix: CompiledPattern<T>[] = [];
  readonly size: number;

  constructor(patterns: ReadonlyArray<{ source: string; tag: T }>) {
    for (const { source, tag } of patterns) {
      const compiled = compilePattern(source, tag);
      const first = compiled.elements[0]!;
      if (first.kind === 'words') {
        for (const word of first.words) {
          const list = this.#byWord.get(word) ?? [];
          list.push(compiled);
          this.#byWord.set(word, list);
        }
      } else this.#byPrefix.push(compiled);
    }
    this.size = patterns.length;
  }

  /** Every match starting at a token in [from, to) (longest per pattern and start), in token order. */
  findAll(tokens: readonly Token[], from = 0, to = tokens.length): PhraseMatch<T>[] {
    const matches: PhraseMatch<T>[] = [];
    for (let t = from; t < to; t++) {
      const token = tokens[t]!;
      const candidates = this.#byWord.get(token.norm);
      if (candidates) for (const p of candidates) this.#try(p, tokens, t, matches);
      for (const p of this.#byPrefix) this.#try(p, tokens, t, matches);
    }
    return matches;
  }

  #try(p: CompiledPattern<T>, tokens: readonly Token[], t: number, out: PhraseMatch<T>[]): void {
    const last = matchFrom(p.elements, 0, tokens, t, tokens[t]!.sentence);
    if (last >= 0) out.push({ tag: p.tag, source: p.source, first: t, last });
  }
}
