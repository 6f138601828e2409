// latencyChart(): the geometry of one critic's p50/p99 latency chart (SVG paths and ticks), computed without the DOM.
export interface ChartInput {
  /** Bucket start (ms since the epoch) and the two quantiles (ms). */
  readonly points: readonly { t: number; p50: number; p99: number }[];
  /** The window's ends (ms since the epoch): the x axis. */
  readonly from: number;
  readonly to: number;
  /** @default 320 */
  readonly width?: number;
  /** @default 120 */
  readonly height?: number;
}

export interface ChartGeometry {
  width: number;
  height: number;
  /** The plotting area inside the axes. */
  plot: { left: number; top: number; right: number; bottom: number };
  p50: string;
  p99: string;
  dots: { x: number; y50: number; y99: number }[];
  yTicks: { y: number; value: number }[];
}

/** 1, 2 or 5 times a power of ten, at least `value`: a round top for the y axis. */
export function niceCeiling(value: number): number {
  if (!(value > 0)) return 1;
  const power = 10 ** Math.floor(Math.log10(value));
  for (const step of [1, 2, 5, 10]) if (step * power >= value) return step * power;
  return 10 * power;
}

const fixed = (n: number): string => (Math.round(n * 10) / 10).toString();

export function latencyChart(input: ChartInput): ChartGeometry {
  const width = input.width ?? 320;
  const height = input.height ?? 120;
  const plot = { left: 44, top: 8, right: width - 8, bottom: height - 20 };
  const top = niceCeiling(Math.max(0, ...input.points.map((p) => p.p99)));
  const span = Math.max(1, input.to - input.from);
  const x = (t: number): number => plot.left + ((t - input.from) / span) * (plot.right - plot.left);
  const y = (ms: number): number => plot.bottom - (Math.min(ms, top) / top) * (plot.bottom - plot.top);
  const dots = input.points.map((p) => ({ x: x(p.t), y50: y(p.p50), y99: y(p.p99) }));
  const path = (key: 'y50' | 'y99'): string =>
    dots.map((d, i) => `${i === 0 ? 'M' : 'L'}${fixed(d.x)},${fixed(d[key])}`).join(' ');
  return {
    width,
    height,
    plot,
    p50: path('y50'),
    p99: path('y99'),
    dots,
    yTicks: [0, top / 2, top].map((value) => ({ y: y(value), value })),
  };
}
