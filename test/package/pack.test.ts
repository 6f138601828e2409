// What `npm pack` ships: the Apache-2.0 LICENSE, the README and the built dist/ (prepack builds it), nothing of src/ or test/.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
  license: string;
  scripts: Record<string, string>;
  exports: Record<string, { import: string; types: string }>;
  bin: Record<string, string>;
};

describe('npm pack', () => {
  it('has the Apache License 2.0 that package.json names, in full', () => {
    expect(pkg.license).toBe('Apache-2.0');
    const license = readFileSync(join(ROOT, 'LICENSE'), 'utf8');
    expect(license).toMatch(/^\s+Apache License\n\s+Version 2\.0, January 2004\n/);
    expect(license).toContain('TERMS AND CONDITIONS FOR USE, REPRODUCTION, AND DISTRIBUTION');
    expect(license).toContain('END OF TERMS AND CONDITIONS');
  });

  it('builds before packing, so a pack from an unbuilt clone ships dist/', () => {
    expect(pkg.scripts['prepack']).toBe('npm run build');
  });

  it('lists LICENSE, README, every exported entry and the CLI, and no source or test file (needs `npm run build`)', () => {
    if (!existsSync(join(ROOT, 'dist/index.js'))) throw new Error('dist/ is missing: run `npm run build` first');
    // --ignore-scripts: the build is prepack's (checked above); here the pack of the dist/ already built.
    const out = execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], {
      cwd: ROOT,
      encoding: 'utf8',
      timeout: 60_000,
    });
    const [report] = JSON.parse(out) as [{ files: { path: string }[] }];
    const files = report.files.map((f) => f.path);
    expect(files).toEqual(expect.arrayContaining(['LICENSE', 'README.md', 'package.json']));
    for (const entry of Object.values(pkg.exports)) {
      expect(files).toContain(entry.import.slice(2));
      expect(files).toContain(entry.types.slice(2));
    }
    for (const bin of Object.values(pkg.bin)) expect(files).toContain(bin.slice(2));
    expect(
      files.filter((f) => !f.startsWith('dist/') && !['LICENSE', 'README.md', 'package.json'].includes(f)),
    ).toEqual([]);
    expect(files.filter((f) => /\.test\.[jt]s$/.test(f))).toEqual([]);
  }, 90_000);
});
