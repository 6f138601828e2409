// A learned text classifier: logistic regression over hashed n-grams plus the mean word vector, Platt-calibrated.
import { BUCKETS, forEachFeature, type ModelToken } from './features.js';
import { decodeWeights } from './weights-file.js';

/** A side of the conversation a model reads. */
export type ModelSide = 'input' | 'response';

export interface ModelScore {
  /** Calibrated probability that the text is harmful in the model's category. */
  readonly probability: number;
  /** The calibrated logit (a * raw + b): what the threshold is compared with. */
  readonly logit: number;
}

export interface TextClassifier {
  /** e.g. 'hate' */
  readonly category: string;
  /** The probability at and above which the text counts as a violation (severity >= 2). */
  readonly threshold: number;
  /** The same threshold as a calibrated logit (exact where probabilities round to 1). */
  readonly thresholdLogit: number;
  /**
   * The sides whose texts it reads with their sentence vector, after the word vector in `mean` (none: it reads no
   * sentence vector; on the other sides that part of `mean` is zeros).
   */
  readonly sentenceSides: readonly ModelSide[];
  /** The n-gram gate of a model that reads the sentence vector: decides the clear cases without it (see `Gate`). */
  readonly gate?: Gate;
  score(features: {
    readonly indices: Int32Array;
    readonly values: Float32Array;
    readonly mean: Float32Array;
  }): ModelScore;
  /** The run of up to `width` words that pushes hardest towards harmful (undefined only for a text without words). */
  indicativeWindow(tokens: readonly ModelToken[], width?: number): { first: number; last: number } | undefined;
}

/**
 * A cascade's first stage: a second logistic regression over the same n-grams and word vector but no sentence vector,
 * trained on the same rows. Below `low` the full model never fired on the held-out split (nor on its critic's positive
 * fixtures), above `high` it always did (and no look-alike reaches it): there the encoder, most of an input's cost, is
 * not run. In between the full model decides.
 */
export interface Gate {
  /** The gate's calibrated logit for a passage's features (the word-vector part of `mean` only). */
  logit(features: { readonly indices: Int32Array; readonly values: Float32Array; readonly mean: Float32Array }): number;
  readonly low: number;
  readonly high: number;
}

/** A gate's learned parameters and bounds (calibrated logits). */
export interface GateParameters {
  readonly bias: number;
  readonly sparse: Float32Array;
  /** One weight per word-vector dimension. */
  readonly dense: Float32Array;
  readonly plattA: number;
  readonly plattB: number;
  readonly low: number;
  readonly high: number;
}

/** The learned parameters, as training produces them and the weights file stores them. */
export interface ClassifierParameters {
  readonly category: string;
  readonly bias: number;
  /** One weight per hash bucket. */
  readonly sparse: Float32Array;
  /** One weight per word-vector dimension, then one per sentence-vector dimension if it reads the sentence vector. */
  readonly dense: Float32Array;
  /** The sentence vector's width (0: the model reads none). */
  readonly sentenceDims: number;
  /** The sides it was trained to read with their sentence vector (weights before this field: the input only). */
  readonly sentenceSides: readonly ModelSide[];
  /** Platt scaling: probability = sigmoid(a * logit + b). */
  readonly plattA: number;
  readonly plattB: number;
  readonly threshold: number;
  readonly thresholdLogit: number;
  /** The cascade's n-gram gate (models that read the sentence vector). */
  readonly gate?: GateParameters;
}

export const sigmoid = (z: number): number => 1 / (1 + Math.exp(-z));

/** The raw logit of the parameters for features and a mean vector (shared by training and inference). */
export function rawLogit(
  p: Pick<ClassifierParameters, 'bias' | 'sparse' | 'dense'>,
  indices: Int32Array,
  values: Float32Array,
  mean: Float32Array,
): number {
  let z = p.bias;
  for (let i = 0; i < indices.length; i++) z += p.sparse[indices[i]!]! * values[i]!;
  for (let d = 0; d < mean.length; d++) z += p.dense[d]! * mean[d]!;
  return z;
}

function gateFrom(g: GateParameters): Gate {
  return {
    low: g.low,
    high: g.high,
    // The word vector comes first in `mean`; a gate reads only that part.
    logit: (f) => g.plattA * rawLogit(g, f.indices, f.values, f.mean.subarray(0, g.dense.length)) + g.plattB,
  };
}

export function classifierFrom(p: ClassifierParameters): TextClassifier {
  return {
    category: p.category,
    threshold: p.threshold,
    thresholdLogit: p.thresholdLogit,
    sentenceSides: p.sentenceSides,
    ...(p.gate !== undefined && { gate: gateFrom(p.gate) }),
    score(f) {
      const logit = p.plattA * rawLogit(p, f.indices, f.values, f.mean) + p.plattB;
      return { logit, probability: sigmoid(logit) };
    },
    indicativeWindow(tokens, width = 8) {
      if (tokens.length === 0) return undefined;
      const push = new Float64Array(tokens.length);
      forEachFeature(tokens, (bucket, t) => {
        push[t]! += p.sparse[bucket]!;
      });
      let best = -Infinity;
      let bestFirst = 0;
      let sum = 0;
      const w = Math.min(width, tokens.length);
      for (let t = 0; t < tokens.length; t++) {
        sum += push[t]!;
        if (t >= w) sum -= push[t - w]!;
        if (t >= w - 1 && sum > best) {
          best = sum;
          bestFirst = t - w + 1;
        }
      }
      return { first: bestFirst, last: bestFirst + w - 1 };
    },
  };
}

/** Quantises sparse weights to int16 with one scale (2 bytes a bucket instead of 4). */
export function quantise(sparse: Float32Array): { scale: number; weights: Int16Array } {
  let max = 0;
  for (const w of sparse) max = Math.max(max, Math.abs(w));
  const scale = max > 0 ? max / 32767 : 1;
  const weights = new Int16Array(sparse.length);
  for (let i = 0; i < sparse.length; i++) weights[i] = Math.round(sparse[i]! / scale);
  return { scale, weights };
}

/**
 * Reads a classifier weights file (header: category, bias, platt, threshold, sparseScale, sentenceDims, sentenceSides;
 * sections sparse, dense).
 */
export function classifierFromWeights(buffer: Uint8Array, what: string): ClassifierParameters {
  const decoded = decodeWeights(buffer, what);
  const h = decoded.header;
  const dequantise = (section: string, scale: number): Float32Array => {
    const q = decoded.section(section) as Int16Array;
    if (q.length !== BUCKETS)
      throw new Error(`${what}: expected ${BUCKETS} weights in '${section}', found ${q.length}`);
    const out = new Float32Array(q.length);
    for (let i = 0; i < q.length; i++) out[i] = q[i]! * scale;
    return out;
  };
  const sparse = dequantise('sparse', h['sparseScale'] as number);
  const sentenceDims = (h['sentenceDims'] as number | undefined) ?? 0;
  const g = h['gate'] as (Omit<GateParameters, 'sparse' | 'dense'> & { sparseScale: number }) | undefined;
  const gate: GateParameters | undefined =
    g === undefined
      ? undefined
      : {
          bias: g.bias,
          plattA: g.plattA,
          plattB: g.plattB,
          low: g.low,
          high: g.high,
          sparse: dequantise('gateSparse', g.sparseScale),
          dense: decoded.section('gateDense') as Float32Array,
        };
  return {
    ...(gate !== undefined && { gate }),
    category: h['category'] as string,
    bias: h['bias'] as number,
    sparse,
    dense: decoded.section('dense') as Float32Array,
    sentenceDims,
    sentenceSides: (h['sentenceSides'] as ModelSide[] | undefined) ?? (sentenceDims > 0 ? ['input'] : []),
    plattA: h['plattA'] as number,
    plattB: h['plattB'] as number,
    threshold: sigmoid(h['thresholdLogit'] as number),
    thresholdLogit: h['thresholdLogit'] as number,
  };
}
