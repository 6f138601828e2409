// The root entry stays light: importing it loads no database, broker or model driver (they load on first use).
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const RECORDER = fileURLToPath(new URL('../test/support/load-recorder.mjs', import.meta.url));

/** Drivers and heavy parsers that must wait for first use. */
const DEFERRED = [
  'pg',
  'better-sqlite3',
  'nats',
  'openai',
  'bullmq',
  'ioredis',
  'prom-client',
  '@opentelemetry/api',
  'lru-cache',
  'yaml',
  'validator',
  'libphonenumber-js',
];

/** The packages a fresh Node process loads while running `code` (an ES module body) on the sources. */
function packagesLoadedBy(code: string): string[] {
  const out = execFileSync(
    process.execPath,
    ['--import', 'tsx', '--import', RECORDER, '--input-type=module', '-e', code],
    { cwd: ROOT, encoding: 'utf8', timeout: 15_000 },
  );
  const last = out.trim().split('\n').pop() ?? '';
  return (JSON.parse(last) as { packages: string[] }).packages;
}

describe('the root entry', () => {
  it('loads no driver when imported', () => {
    const loaded = packagesLoadedBy("await import('./src/index.ts');");
    expect(loaded).toContain('zod'); // the recorder sees the entry's own dependencies
    expect(loaded.filter((name) => DEFERRED.includes(name))).toEqual([]);
  });

  it('loads a driver once it is used: an in-memory SQLite store brings in better-sqlite3 only', () => {
    const loaded = packagesLoadedBy(
      "const { SqliteEvidenceStore } = await import('./src/index.ts'); await new SqliteEvidenceStore({ path: ':memory:' }).close();",
    );
    expect(loaded).toContain('better-sqlite3');
    expect(loaded.filter((name) => DEFERRED.includes(name))).toEqual(['better-sqlite3']);
  });
});
