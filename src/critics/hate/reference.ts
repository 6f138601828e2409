// A group named at the end of one sentence and taken up by "they" at the start of the next ("Don't talk to me about
// immigrants. They are vile."; "Muslims? They are all parasites."): the hate rules read that "they" as the group.
import { GROUP_ADJECTIVES, GROUP_NOUNS } from '../rights/vocabulary.js';
import type { Token } from '../text/tokens.js';
import { MORE_ADJECTIVES, MORE_NOUNS } from './vocabulary.js';

const NOUNS: ReadonlySet<string> = new Set(`${GROUP_NOUNS}|${MORE_NOUNS}`.split('|'));
/** Adjectives whose plural noun is not the adjective with an "s" or the adjective itself. */
const IRREGULAR: Readonly<Record<string, string>> = {
  jewish: 'jews',
  gypsy: 'gypsies',
  polish: 'poles',
  kurdish: 'kurds',
};
/** "gay people" → "gays": a group named by an adjective, as the one-word noun the rules know. */
const NOUN_OF: ReadonlyMap<string, string> = new Map(
  `${GROUP_ADJECTIVES}|${MORE_ADJECTIVES}`
    .split('|')
    .map((adjective) => [adjective, IRREGULAR[adjective] ?? [`${adjective}s`, adjective].find((n) => NOUNS.has(n))])
    .filter((pair): pair is [string, string] => pair[1] !== undefined),
);
/** Only a group as a whole: "gay people", not "gay neighbours" or "older patients". */
const COLLECTIVE: ReadonlySet<string> = new Set(['people', 'folks', 'persons']);
/** The group must be among the last words of its sentence, so "they" is likely to mean it and nothing after it. */
const TAIL = 3;

/** The group that ends the sentence whose tokens run from `from` to `to` (exclusive), as a one-word noun. */
function groupAtEnd(tokens: readonly Token[], from: number, to: number): string | undefined {
  for (let i = to - 1; i >= Math.max(from, to - TAIL); i--) {
    const word = tokens[i]!.norm;
    if (COLLECTIVE.has(word) && i > from) {
      const noun = NOUN_OF.get(tokens[i - 1]!.norm);
      if (noun !== undefined) return noun;
    }
    if (NOUNS.has(word)) return word;
  }
  return undefined;
}

/**
 * The tokens with each sentence-opening "they" that follows a sentence ending with a group replaced by that group's
 * noun (same offsets, so a match's span still covers "They …"). The same array when there is none: one pass, no copy.
 */
export function withGroupReferences(tokens: readonly Token[]): readonly Token[] {
  let out: Token[] | undefined;
  let sentenceStart = 0;
  for (let i = 1; i < tokens.length; i++) {
    const token = tokens[i]!;
    if (token.sentence === tokens[i - 1]!.sentence) continue;
    const previousStart = sentenceStart;
    sentenceStart = i;
    if (token.norm !== 'they') continue;
    const group = groupAtEnd(tokens, previousStart, i);
    if (group === undefined) continue;
    out ??= [...tokens];
    out[i] = { ...token, norm: group };
  }
  return out ?? tokens;
}
