// One analysis per text (words, features, mean word vector), shared by every model that reads that text.
import { meanVector } from './embeddings.js';
import { featurize, modelTokens, stripInvisible, type Features } from './features.js';
import { loadEmbeddings } from './load.js';

export interface TextAnalysis extends Features {
  readonly mean: Float32Array;
}

/** Texts analysed most recently: an evaluation's critics all read the same one or two texts, one after another. */
const RECENT = 4;
const recent = new Map<string, TextAnalysis>();

export function analyse(text: string): TextAnalysis {
  const hit = recent.get(text);
  if (hit !== undefined) return hit;
  const tokens = modelTokens(stripInvisible(text));
  const analysis: TextAnalysis = { ...featurize(tokens), mean: meanVector(loadEmbeddings(), tokens) };
  if (recent.size >= RECENT) recent.delete(recent.keys().next().value!);
  recent.set(text, analysis);
  return analysis;
}
