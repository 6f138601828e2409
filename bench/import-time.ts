// Import time of the built entries (issue 17, point 5): a fresh Node process per sample, median of the samples.
// Usage: npm run build && tsx bench/import-time.ts [--dir <checkout with a built dist/>] [--runs N]
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { emit, isMain, median, round } from './support.js';

const RUNS = 11;

/** One sample: ms from the start of `import(specifier)` to its settling, in a new process started in `dir`. */
function sample(dir: string, specifier: string): number {
  const code = `const t = performance.now(); await import(${JSON.stringify(specifier)}); console.log(performance.now() - t);`;
  const out = execFileSync(process.execPath, ['--input-type=module', '-e', code], { cwd: dir, encoding: 'utf8' });
  return Number(out.trim());
}

export function importTimeBench(dir: string, runs = RUNS): void {
  const pkg = JSON.parse(readFileSync(resolve(dir, 'package.json'), 'utf8')) as {
    name: string;
    exports: Record<string, unknown>;
  };
  // Entries by the package's own name (self-reference through `exports`), as a user imports them.
  for (const subpath of Object.keys(pkg.exports)) {
    const specifier = subpath === '.' ? pkg.name : `${pkg.name}${subpath.slice(1)}`;
    const ms = Array.from({ length: runs }, () => sample(dir, specifier));
    emit({
      bench: 'import-time',
      entry: specifier,
      runs,
      medianMs: round(median(ms), 1),
      minMs: round(Math.min(...ms), 1),
      maxMs: round(Math.max(...ms), 1),
    });
  }
}

if (isMain(import.meta.url)) {
  const arg = (name: string): string | undefined => {
    const at = process.argv.indexOf(name);
    return at < 0 ? undefined : process.argv[at + 1];
  };
  const dir = resolve(arg('--dir') ?? fileURLToPath(new URL('..', import.meta.url)));
  importTimeBench(dir, Number(arg('--runs') ?? RUNS));
}
