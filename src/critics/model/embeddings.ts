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
  const quantised = decoded.section('vectors') as Int8Array;
  // Widened once at load (about 17 MB for 43k words) so that summing vectors is plain float arithmetic.
  const vectors = new Float32Array(quantised.length);
  for (let i = 0; i < quantised.length; i++) vectors[i] = quantised[i]! * scales[Math.floor(i / dims)]!;
  const rows = new Map<string, number>();
  words.forEach((w, i) => rows.set(w, i));
  return {
    dims,
    size: words.length,
    row: (word) => rows.get(word) ?? -1,
    addRow(row, weight, out) {
      const base = row * dims;
      for (let d = 0; d < dims; d++) out[d]! += vectors[base + d]! * weight;
    },
  };
}

// Per-row counts for one text: a long text repeats its words, and each distinct word's vector is added once.
let counts = new Int32Array(0);

/** The L2-normalised mean of the vectors of the words the table holds (zeros when it holds none). */
export function meanVector(table: EmbeddingTable, tokens: readonly ModelToken[]): Float32Array {
  const out = new Float32Array(table.dims);
  if (counts.length < table.size) counts = new Int32Array(table.size);
  const seen: number[] = [];
  for (const token of tokens) {
    const row = table.row(token.word);
    if (row < 0) continue;
    if (counts[row] === 0) seen.push(row);
    counts[row]!++;
  }
  if (seen.length === 0) return out;
  for (const row of seen) {
    table.addRow(row, counts[row]!, out);
    counts[row] = 0;
  }
  let norm = 0;
  for (let d = 0; d < out.length; d++) norm += out[d]! * out[d]!;
  const scale = norm > 0 ? 1 / Math.sqrt(norm) : 0;
  for (let d = 0; d < out.length; d++) out[d]! *= scale;
  return out;
}
