// Logistic regression by AdaGrad over sparse hashed features plus a dense mean word vector; seeded and deterministic.
import { BUCKETS } from '../../src/critics/model/features.js';
import { rawLogit, sigmoid } from '../../src/critics/model/classifier.js';

export interface Example {
  readonly indices: Int32Array;
  readonly values: Float32Array;
  readonly mean: Float32Array;
  readonly y: 0 | 1;
  /** The example's own weight (before class balancing). @default 1 */
  readonly weight?: number;
}

export interface TrainOptions {
  readonly epochs: number;
  readonly rate: number;
  /** L2 penalty, applied to the coordinates an example touches. */
  readonly l2: number;
  readonly seed: number;
}

export interface Trained {
  bias: number;
  readonly sparse: Float32Array;
  readonly dense: Float32Array;
}

/** mulberry32: a small seeded generator, so that every run shuffles the same way. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function train(examples: readonly Example[], dims: number, options: TrainOptions): Trained {
  const model: Trained = { bias: 0, sparse: new Float32Array(BUCKETS), dense: new Float32Array(dims) };
  const gSparse = new Float32Array(BUCKETS).fill(1e-6);
  const gDense = new Float32Array(dims).fill(1e-6);
  let gBias = 1e-6;
  let positives = 0;
  let negatives = 0;
  for (const e of examples) {
    if (e.y === 1) positives += e.weight ?? 1;
    else negatives += e.weight ?? 1;
  }
  // Each class carries half the total weight, so a rare label is not drowned.
  const total = positives + negatives;
  const weightOf = [total / (2 * negatives), total / (2 * positives)] as const;
  const order = examples.map((_, i) => i);
  const random = seeded(options.seed);
  const { rate, l2 } = options;
  for (let epoch = 0; epoch < options.epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    for (const k of order) {
      const e = examples[k]!;
      const g = (e.weight ?? 1) * weightOf[e.y] * (sigmoid(rawLogit(model, e.indices, e.values, e.mean)) - e.y);
      for (let i = 0; i < e.indices.length; i++) {
        const j = e.indices[i]!;
        const grad = g * e.values[i]! + l2 * model.sparse[j]!;
        gSparse[j]! += grad * grad;
        model.sparse[j]! -= (rate * grad) / Math.sqrt(gSparse[j]!);
      }
      for (let d = 0; d < dims; d++) {
        const grad = g * e.mean[d]! + l2 * model.dense[d]!;
        gDense[d]! += grad * grad;
        model.dense[d]! -= (rate * grad) / Math.sqrt(gDense[d]!);
      }
      gBias += g * g;
      model.bias -= (rate * g) / Math.sqrt(gBias);
    }
  }
  return model;
}

/** Platt scaling: fits a, b so that sigmoid(a * logit + b) matches the labels (Newton's method, 50 steps). */
export function platt(logits: readonly number[], labels: readonly (0 | 1)[]): { a: number; b: number } {
  const pos = labels.filter((y) => y === 1).length;
  const neg = labels.length - pos;
  // Platt's smoothed targets keep the fit finite on separable data.
  const hi = (pos + 1) / (pos + 2);
  const lo = 1 / (neg + 2);
  let a = 1;
  let b = 0;
  for (let step = 0; step < 50; step++) {
    let gA = 0;
    let gB = 0;
    let hAA = 1e-9;
    let hAB = 0;
    let hBB = 1e-9;
    logits.forEach((z, i) => {
      const t = labels[i] === 1 ? hi : lo;
      const p = sigmoid(a * z + b);
      const w = p * (1 - p);
      gA += (p - t) * z;
      gB += p - t;
      hAA += w * z * z;
      hAB += w * z;
      hBB += w;
    });
    const det = hAA * hBB - hAB * hAB;
    if (Math.abs(det) < 1e-12) break;
    // Bounded steps: a held-out set that the model separates almost perfectly would send the slope to infinity.
    a = Math.min(5, Math.max(0.05, a - (hBB * gA - hAB * gB) / det));
    b = Math.min(20, Math.max(-20, b - (hAA * gB - hAB * gA) / det));
  }
  return { a, b };
}
