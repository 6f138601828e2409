// A one-hidden-layer network over the pooled word vectors: the part of a model that carries meaning across paraphrase.
import { seeded } from './sgd.js';

export interface Mlp {
  readonly inputs: number;
  readonly hidden: number;
  /** hidden × inputs, row-major. */
  readonly w1: Float32Array;
  readonly b1: Float32Array;
  readonly w2: Float32Array;
  b2: number;
}

export interface MlpOptions {
  readonly hidden: number;
  readonly epochs: number;
  readonly rate: number;
  readonly l2: number;
  readonly seed: number;
}

export function mlpLogit(m: Mlp, x: Float32Array, h = new Float32Array(m.hidden)): number {
  let z = m.b2;
  for (let j = 0; j < m.hidden; j++) {
    let a = m.b1[j]!;
    const base = j * m.inputs;
    for (let i = 0; i < m.inputs; i++) a += m.w1[base + i]! * x[i]!;
    h[j] = a > 0 ? a : 0;
    z += m.w2[j]! * h[j]!;
  }
  return z;
}

/** Trains by AdaGrad on the logistic loss with balanced class weights (seeded initialisation and order). */
export function trainMlp(xs: readonly Float32Array[], ys: readonly (0 | 1)[], options: MlpOptions): Mlp {
  const inputs = xs[0]!.length;
  const { hidden } = options;
  const random = seeded(options.seed);
  const m: Mlp = {
    inputs,
    hidden,
    w1: Float32Array.from({ length: hidden * inputs }, () => (random() - 0.5) * 2 * Math.sqrt(6 / (inputs + hidden))),
    b1: new Float32Array(hidden),
    w2: Float32Array.from({ length: hidden }, () => (random() - 0.5) * 2 * Math.sqrt(6 / (hidden + 1))),
    b2: 0,
  };
  const g1 = new Float32Array(m.w1.length).fill(1e-6);
  const gb1 = new Float32Array(hidden).fill(1e-6);
  const g2 = new Float32Array(hidden).fill(1e-6);
  let gb2 = 1e-6;
  const positives = ys.filter((y) => y === 1).length;
  const weightOf = [ys.length / (2 * (ys.length - positives)), ys.length / (2 * positives)] as const;
  const order = xs.map((_, i) => i);
  const h = new Float32Array(hidden);
  const { rate, l2 } = options;
  for (let epoch = 0; epoch < options.epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    for (const k of order) {
      const x = xs[k]!;
      const y = ys[k]!;
      const z = mlpLogit(m, x, h);
      const g = weightOf[y] * (1 / (1 + Math.exp(-z)) - y);
      for (let j = 0; j < hidden; j++) {
        const hj = h[j]!;
        const gw2 = g * hj + l2 * m.w2[j]!;
        const back = hj > 0 ? g * m.w2[j]! : 0;
        g2[j]! += gw2 * gw2;
        m.w2[j]! -= (rate * gw2) / Math.sqrt(g2[j]!);
        if (back === 0) continue;
        const base = j * inputs;
        for (let i = 0; i < inputs; i++) {
          const gw = back * x[i]! + l2 * m.w1[base + i]!;
          g1[base + i]! += gw * gw;
          m.w1[base + i]! -= (rate * gw) / Math.sqrt(g1[base + i]!);
        }
        gb1[j]! += back * back;
        m.b1[j]! -= (rate * back) / Math.sqrt(gb1[j]!);
      }
      gb2 += g * g;
      m.b2 -= (rate * g) / Math.sqrt(gb2);
    }
  }
  return m;
}
