// The layering of docs/architecture.md, held: core imports no other layer, no layer imports one above it, no cycles.
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

  it('no files import each other in a circle', () => {
    expect(firstCycle(edges)).toBeNull();
  });

  it('the checks can fail: an upward import and a circle are caught', () => {
    const upward = { from: 'core/run.ts', to: 'engine/engine.ts' };
    expect(rank(upward.to) > rank(upward.from)).toBe(true);
    expect(firstCycle([...edges, { from: 'verdict/decide.ts', to: 'engine/engine.ts' }])).not.toBeNull();
  });
});
