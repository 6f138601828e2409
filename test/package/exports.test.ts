// package.json `exports`: every feature subpath is a folder's index.ts, and resolves by the package's own name once built.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const RECORDER = fileURLToPath(new URL('../support/load-recorder.mjs', import.meta.url));
const pkg = JSON.parse(readFileSync(`${ROOT}package.json`, 'utf8')) as {
  name: string;
  exports: Record<string, { types: string; import: string }>;
};

/** A name each subpath must export: one that says it is the right folder. */
const EXPECTED: Record<string, string> = {
  './core': 'Orchestrator',
  './models': 'createOpenAIModel',
  './critics': 'BUILTIN_CRITICS',
  './infra': 'composeHooks',
  './evidence': 'SqliteEvidenceStore',
  './distributed': 'createBullmqTransport',
  './http': 'createHttpServer',
};
const SUBPATHS = Object.keys(pkg.exports).filter((key) => key !== '.');

describe('package exports', () => {
  it('lists the feature subpaths beside the root', () => {
    expect(SUBPATHS.sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  it.each(SUBPATHS)('%s is dist/<folder>/index.js with its types, built from src/<folder>/index.ts', (subpath) => {
    const folder = subpath.slice(2);
    expect(pkg.exports[subpath]).toEqual({
      types: `./dist/${folder}/index.d.ts`,
      import: `./dist/${folder}/index.js`,
    });
    expect(existsSync(`${ROOT}src/${folder}/index.ts`)).toBe(true);
  });

  it('resolves every subpath by the package name, without loading a driver (needs `npm run build`)', () => {
    if (!existsSync(`${ROOT}dist/index.js`)) throw new Error('dist/ is missing: run `npm run build` first');
    const names = Object.keys(EXPECTED).map((subpath) => `${pkg.name}${subpath.slice(1)}`);
    const code = `for (const name of ${JSON.stringify(names)}) console.log(name, Object.keys(await import(name)).join(','));`;
    const out = execFileSync(process.execPath, ['--import', RECORDER, '--input-type=module', '-e', code], {
      cwd: ROOT,
      encoding: 'utf8',
      timeout: 15_000,
    });
    const lines = out.trim().split('\n');
    for (const [subpath, name] of Object.entries(EXPECTED)) {
      const line = lines.find((l) => l.startsWith(`${pkg.name}${subpath.slice(1)} `));
      expect(line?.split(' ')[1]?.split(','), subpath).toContain(name);
      expect(existsSync(`${ROOT}dist/${subpath.slice(2)}/index.d.ts`), `${subpath} types`).toBe(true);
    }
    // Even every subpath together leaves the database and broker drivers unloaded until used.
    const { packages } = JSON.parse(lines.at(-1)!) as { packages: string[] };
    expect(packages.filter((p) => ['pg', 'better-sqlite3', 'nats', 'openai', 'bullmq', 'ioredis'].includes(p))).toEqual(
      [],
    );
  });
});
