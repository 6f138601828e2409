// The layering of docs/architecture.md, held: core imports no other layer, no layer imports one above it, a layer
// reaches another only through its index.ts, no cycles.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { firstCycle, importGraph, layerOf, SRC, type ImportEdge } from './import-graph.js';

/** Bottom to top: a layer may import only layers before it (and itself). */
export const LAYERS = [
  'core',
  'verdict',
  'models',
  'critics',
  'infra',
  'evidence',
  'distributed',
  'engine',
  'ui',
  'http',
  'entry',
  'cli',
] as const;

/**
 * The files the dashboard's browser code is typechecked against — http/schemas.ts (the wire shapes) and what it imports,
 * transitively. The browser has no Node types, so these import the browser-safe files they need directly: a layer's
 * index.ts would bring the whole layer, Node APIs included.
 */
function browserTyped(edges: readonly ImportEdge[]): Set<string> {
  const seen = new Set<string>();
  const stack = ['http/schemas.ts'];
  while (stack.length > 0) {
    const file = stack.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    for (const e of edges) if (e.from === file) stack.push(e.to);
  }
  return seen;
}

const rank = (file: string): number => LAYERS.indexOf(layerOf(file) as (typeof LAYERS)[number]);
const show = (edges: readonly ImportEdge[]): string[] => edges.map((e) => `${e.from} -> ${e.to}`);

describe('the layering', () => {
  const edges = importGraph();

  it('reads a real graph: every import resolves to a file of src/, in a known layer', () => {
    expect(edges.length).toBeGreaterThan(500);
    expect(show(edges.filter((e) => !existsSync(join(SRC, e.to))))).toEqual([]);
    expect([...new Set([...edges.map((e) => e.from), ...edges.map((e) => e.to)].filter((f) => rank(f) < 0))]).toEqual(
      [],
    );
  });

  it('core imports nothing outside core', () => {
    expect(show(edges.filter((e) => layerOf(e.from) === 'core' && layerOf(e.to) !== 'core'))).toEqual([]);
  });

  it('no layer imports a layer above it', () => {
    expect(show(edges.filter((e) => rank(e.to) > rank(e.from)))).toEqual([]);
  });

  it("a layer reaches another only through that layer's index.ts (the package's entry: also its public.ts)", () => {
    const wire = browserTyped(edges);
    expect(wire.size).toBeLessThan(20); // the wire module stays a small, browser-safe corner of the graph
    const through = (e: ImportEdge): boolean =>
      e.to === `${layerOf(e.to)}/index.ts` ||
      (layerOf(e.from) === 'entry' && e.to === `${layerOf(e.to)}/public.ts`) ||
      wire.has(e.from);
    const deep = edges.filter((e) => layerOf(e.from) !== layerOf(e.to) && layerOf(e.to) !== 'entry' && !through(e));
    expect(show(deep)).toEqual([]);
  });

  it('no files import each other in a circle', () => {
    expect(firstCycle(edges)).toBeNull();
  });

  it('the checks can fail: an upward import and a circle are caught', () => {
    const upward = { from: 'core/run.ts', to: 'engine/engine.ts' };
    expect(rank(upward.to) > rank(upward.from)).toBe(true);
    expect(firstCycle([...edges, { from: 'verdict/decide.ts', to: 'engine/engine.ts' }])).not.toBeNull();
    const deep = { from: 'engine/engine.ts', to: 'core/orchestrator.ts' };
    expect(layerOf(deep.from) !== layerOf(deep.to) && deep.to !== 'core/index.ts').toBe(true);
  });
});
