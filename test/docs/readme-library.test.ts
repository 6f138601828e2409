// The README's library snippet, run as written in a package made by `npm init -y` (CommonJS): it prints what its comments show.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const README = readFileSync(join(ROOT, 'README.md'), 'utf8');

/** The first ```js block after a heading. */
function snippetAfter(heading: string): string {
  const start = README.indexOf(`\n${heading}\n`);
  expect(start, heading).toBeGreaterThan(-1);
  const block = /```js\n([\s\S]*?)```/.exec(README.slice(start));
  expect(block, `a js block under ${heading}`).not.toBeNull();
  return block![1]!;
}

/** What each `console.log(...); // <output>` line says it prints, in order. */
function documentedOutput(code: string): string[] {
  return [...code.matchAll(/^\s*console\.log\(.*\); \/\/ (.*)$/gm)].map((m) => m[1]!);
}

describe('README: the engine in code', () => {
  const dir = mkdtempSync(join(tmpdir(), 'eleanor-readme-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('runs as index.js of an `npm init -y` package and prints what its comments show (needs `npm run build`)', () => {
    if (!existsSync(join(ROOT, 'dist/index.js'))) throw new Error('dist/ is missing: run `npm run build` first');
    execFileSync('npm', ['init', '-y'], { cwd: dir, stdio: 'ignore', timeout: 30_000 });
    const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { type?: string };
    expect(manifest.type ?? 'commonjs').toBe('commonjs');
    mkdirSync(join(dir, 'node_modules'));
    symlinkSync(ROOT, join(dir, 'node_modules', 'eleanor'), 'dir'); // as `npm install eleanor` would place it
    const code = snippetAfter('## The engine in code');
    writeFileSync(join(dir, 'index.js'), code);
    const expected = documentedOutput(code);
    expect(expected.length).toBeGreaterThanOrEqual(5);
    const out = execFileSync(process.execPath, ['index.js'], { cwd: dir, encoding: 'utf8', timeout: 60_000 });
    expect(out.trimEnd().split('\n')).toEqual(expected);
    expect(existsSync(join(dir, 'data', 'eleanor.db')), 'the evidence store the comment names').toBe(true);
  }, 90_000);
});
