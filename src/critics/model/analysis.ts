// One analysis per text (words, then features and mean word vector per passage), shared by every model reading it.
import { meanVector, type EmbeddingTable } from './embeddings.js';
import { featurize, modelTokens, stripInvisible, type Features, type ModelToken } from './features.js';
import { loadEmbeddings } from './load.js';
import { SENTENCE_DIMS } from './sentence.js';

/**
 * A long text is judged passage by passage, and its score is its worst passage's: one harmful paragraph in a long
 * document is not diluted by the rest, and the cost stays linear in the text's length.
 */
export const PASSAGE_WORDS = 400;

export interface Passage extends Features {
  readonly mean: Float32Array;
  /** The passage's first word's index in the text's tokens. */
  readonly first: number;
}

export interface TextAnalysis {
  readonly tokens: readonly ModelToken[];
  readonly passages: readonly Passage[];
}

/** Fewer words than this are not judged: a model has nothing to go on in "q" or "ok thanks". */
export const MIN_WORDS = 3;

/** The passages of a text's words: none when too short, whole when short, else consecutive runs of PASSAGE_WORDS. */
export function passagesOf(tokens: readonly ModelToken[], table: EmbeddingTable): Passage[] {
  const passages: Passage[] = [];
  if (tokens.length < MIN_WORDS) return passages;
  for (let first = 0; first === 0 || first < tokens.length; first += PASSAGE_WORDS) {
    const words = tokens.length <= PASSAGE_WORDS ? tokens : tokens.slice(first, first + PASSAGE_WORDS);
    passages.push({ ...featurize(words), mean: meanVector(table, words), first });
    if (words === tokens) break;
  }
  return passages;
}

/**
 * The models read at most the first HEAD_CHARS and the last TAIL_CHARS of a text (about 1,600 words): their cost stays
 * bounded however long the text, while the rules still read all of it. A harmful passage buried deeper in a very long
 * text is left to the rules (docs/critics.md says so).
 */
export const HEAD_CHARS = 8_000;
export const TAIL_CHARS = 2_000;

/** The words the models read, with offsets into the whole text. */
function wordsRead(text: string): ModelToken[] {
  if (text.length <= HEAD_CHARS + TAIL_CHARS) return modelTokens(stripInvisible(text));
  const tailStart = text.length - TAIL_CHARS;
  const tail = modelTokens(stripInvisible(text.slice(tailStart))).map((t) => ({
    word: t.word,
    start: t.start + tailStart,
    end: t.end + tailStart,
  }));
  return [...modelTokens(stripInvisible(text.slice(0, HEAD_CHARS))), ...tail];
}

/** Texts analysed most recently: an evaluation's critics all read the same one or two texts, one after another. */
const RECENT = 4;
const recent = new Map<string, TextAnalysis>();

export function analyse(text: string): TextAnalysis {
  const hit = recent.get(text);
  if (hit !== undefined) return hit;
  const tokens = wordsRead(text);
  const analysis: TextAnalysis = { tokens, passages: passagesOf(tokens, loadEmbeddings()) };
  if (recent.size >= RECENT) recent.delete(recent.keys().next().value!);
  recent.set(text, analysis);
  return analysis;
}

/**
 * A mean word vector followed by the text's sentence vector: what a model reads once its gate is unsure. With none the
 * sentence part is zeros.
 */
export function withSentence(mean: Float32Array, sentence: Float32Array | undefined): Float32Array {
  const out = new Float32Array(mean.length + SENTENCE_DIMS);
  out.set(mean);
  if (sentence !== undefined) out.set(sentence, mean.length);
  return out;
}

const withSentences = new WeakMap<TextAnalysis, { sentence: Float32Array; passages: readonly Passage[] }>();

/**
 * The passages of an analysed text with its sentence vector after each passage's mean word vector: what the models read
 * (one vector for the whole text, as in training).
 */
export function sentencePassages(analysis: TextAnalysis, sentence: Float32Array): readonly Passage[] {
  const known = withSentences.get(analysis);
  if (known !== undefined && known.sentence === sentence) return known.passages;
  const passages = analysis.passages.map((p) => ({ ...p, mean: withSentence(p.mean, sentence) }));
  withSentences.set(analysis, { sentence, passages });
  return passages;
}
