// A distilled word-vector table (int8, one scale per word) and the mean vector of a text's words.
import type { ModelToken } from './features.js';
import { decodeWeights } from './weights-file.js';

export interface EmbeddingTable {
  readonly dims: number;
  readonly size: number;
  /** Row of a word, or -1 when the table does not hold it. */
  row(word: string): number;
  /** Adds row `row` times `weight` into `out`. */
  addRow(row: number, weight: number, out: Float32Array): void;
}

export function embeddingTableFrom(buffer: Uint8Array, what: string): EmbeddingTable {
  const decoded = decodeWeights(buffer, what);
  const dims = decoded.header['dims'] as number;
  const words = (decoded.header['words'] as string).split('\n');
  const scales = decoded.section('scales') as Float32Array;
  const vectors = decoded.section('vectors') as Int8Array;
  const rows = new Map<string, number>();
  words.forEach((w, i) => rows.set(w, i));
  return {
    dims,
    size: words.length,
    row: (word) => rows.get(word) ?? -1,
    addRow(row, weight, out) {
      const scale = scales[row]! * weight;
      const base = row * dims;
      for (let d = 0; d < dims; d++) out[d]! += vectors[base + d]! * scale;
    },
  };
}

/** The L2-normalised mean of the vectors of the words the table holds (zeros when it holds none). */
export function meanVector(table: EmbeddingTable, tokens: readonly ModelToken[]): Float32Array {
  const out = new Float32Array(table.dims);
  let found = 0;
  for (const token of tokens) {
    const row = table.row(token.word);
    if (row < 0) continue;
    table.addRow(row, 1, out);
    found++;
  }
  if (found === 0) return out;
  let norm = 0;
  for (let d = 0; d < out.length; d++) norm += out[d]! * out[d]!;
  const scale = norm > 0 ? 1 / Math.sqrt(norm) : 0;
  for (let d = 0; d < out.length; d++) out[d]! *= scale;
  return out;
}
