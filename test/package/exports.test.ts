// package.json `exports`: every feature subpath is a folder's public.ts (its index.ts adds what only the layers above share), and resolves by the package's own name once built — imported or required.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const RECORDER = fileURLToPath(new URL('../support/load-recorder.mjs', import.meta.url));
const pkg = JSON.parse(readFileSync(`${ROOT}package.json`, 'utf8')) as {
  name: string;
  exports: Record<string, { types: string; import: string; require: string; default: string }>;
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

  it.each(SUBPATHS)('%s is dist/<folder>/public.js with its types, built from src/<folder>/public.ts', (subpath) => {
    const folder = subpath.slice(2);
    // One ES module for import and require alike (Node >= 20.19 requires ES modules without top-level await).
    expect(pkg.exports[subpath]).toEqual({
      types: `./dist/${folder}/public.d.ts`,
      import: `./dist/${folder}/public.js`,
      require: `./dist/${folder}/public.js`,
      default: `./dist/${folder}/public.js`,
    });
    expect(existsSync(`${ROOT}src/${folder}/public.ts`)).toBe(true);
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
      expect(existsSync(`${ROOT}dist/${subpath.slice(2)}/public.d.ts`), `${subpath} types`).toBe(true);
    }
    // Even every subpath together leaves the database and broker drivers unloaded until used.
    const { packages } = JSON.parse(lines.at(-1)!) as { packages: string[] };
    expect(packages.filter((p) => ['pg', 'better-sqlite3', 'nats', 'openai', 'bullmq', 'ioredis'].includes(p))).toEqual(
      [],
    );
  });
});

describe('the package in a consumer', () => {
  /** Each entry and a name it must export, the root's public API included. */
  const WANTED: Record<string, string[]> = {
    [pkg.name]: ['createEngine', 'Orchestrator', 'EleanorError', 'isEleanorError'],
    ...Object.fromEntries(
      Object.entries(EXPECTED).map(([subpath, name]) => [`${pkg.name}${subpath.slice(1)}`, [name]]),
    ),
  };
  const dirs: string[] = [];
  afterAll(() => {
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });

  /** A scratch package of the given type whose node_modules/eleanor is this repository (as an install would be). */
  function consumer(type: 'commonjs' | 'module', code: string): string {
    if (!existsSync(`${ROOT}dist/index.js`)) throw new Error('dist/ is missing: run `npm run build` first');
    const dir = mkdtempSync(join(tmpdir(), `eleanor-consumer-${type}-`));
    dirs.push(dir);
    writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'consumer', version: '1.0.0', type }));
    mkdirSync(join(dir, 'node_modules'));
    symlinkSync(ROOT, join(dir, 'node_modules', pkg.name), 'dir');
    writeFileSync(join(dir, 'index.js'), code);
    return execFileSync(process.execPath, ['index.js'], { cwd: dir, encoding: 'utf8', timeout: 30_000 });
  }

  const report = `Object.fromEntries(Object.entries(wanted).map(([name, names]) => [name, names.filter((n) => typeof loaded[name][n] === 'function' || typeof loaded[name][n] === 'object')]))`;

  it('is required from a CommonJS package, the root and every subpath (needs `npm run build`)', () => {
    const out = consumer(
      'commonjs',
      `const wanted = ${JSON.stringify(WANTED)};
const loaded = Object.fromEntries(Object.keys(wanted).map((name) => [name, require(name)]));
console.log(JSON.stringify(${report}));`,
    );
    expect(JSON.parse(out)).toEqual(WANTED);
  });

  it('is imported from an ES module package, the root and every subpath (needs `npm run build`)', () => {
    const out = consumer(
      'module',
      `const wanted = ${JSON.stringify(WANTED)};
const loaded = Object.fromEntries(await Promise.all(Object.keys(wanted).map(async (name) => [name, await import(name)])));
console.log(JSON.stringify(${report}));`,
    );
    expect(JSON.parse(out)).toEqual(WANTED);
  });
});
