// The import graph of src/ (the dashboard's browser code aside): every relative import, static or dynamic, by file.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';

export const SRC = resolve(import.meta.dirname, '../../src');

/** Files that are not part of the shipped graph: tests, conformance suites run by tests, the browser bundle's source. */
const NOT_SHIPPED = /\.(test|conformance|property)\.ts$|^ui\/client\//;

export interface ImportEdge {
  /** Paths relative to src/, e.g. 'engine/engine.ts'. */
  readonly from: string;
  readonly to: string;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return name.endsWith('.ts') && !name.endsWith('.d.ts') ? [relative(SRC, path)] : [];
  });
}

/** Every import between files of src/, found by TypeScript's own pre-processor (type-only imports included). */
export function importGraph(): ImportEdge[] {
  const files = sourceFiles(SRC).filter((f) => !NOT_SHIPPED.test(f));
  return files.flatMap((from) => {
    const info = ts.preProcessFile(readFileSync(join(SRC, from), 'utf8'), true, true);
    return info.importedFiles
      .map((i) => i.fileName)
      .filter((spec) => spec.startsWith('.'))
      .map((spec) => ({ from, to: relative(SRC, resolve(dirname(join(SRC, from)), spec)).replace(/\.js$/, '.ts') }));
  });
}

/** The layer of a file: its folder under src/, or 'entry' for the files at src/'s top (the package's entries). */
export function layerOf(file: string): string {
  return file.includes('/') ? file.split('/')[0]! : 'entry';
}

/** The files of the first import cycle found (depth-first), or null. */
export function firstCycle(edges: readonly ImportEdge[]): string[] | null {
  const next = new Map<string, string[]>();
  for (const { from, to } of edges) next.set(from, [...(next.get(from) ?? []), to]);
  const state = new Map<string, 'open' | 'done'>();
  const path: string[] = [];
  const visit = (file: string): string[] | null => {
    if (state.get(file) === 'done') return null;
    if (state.get(file) === 'open') return [...path.slice(path.indexOf(file)), file];
    state.set(file, 'open');
    path.push(file);
    for (const to of next.get(file) ?? []) {
      const cycle = visit(to);
      if (cycle) return cycle;
    }
    path.pop();
    state.set(file, 'done');
    return null;
  };
  for (const file of next.keys()) {
    const cycle = visit(file);
    if (cycle) return cycle;
  }
  return null;
}
