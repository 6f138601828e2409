// Runs the `eleanor` command from source (tsx) in any working folder, with none of the test's own ELEANOR_* variables.
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const ROOT = process.cwd();
const TSX = pathToFileURL(join(ROOT, 'node_modules/tsx/dist/loader.mjs')).href;
const MAIN = join(ROOT, 'src/cli/main.ts');

/** A fresh, empty working folder (the default store would be its ./data/eleanor.db). */
export function emptyFolder(): string {
  return mkdtempSync(join(tmpdir(), 'eleanor-cli-'));
}

export function eleanorFromSource(
  args: readonly string[],
  options: { cwd: string; input?: string; env?: Record<string, string> },
) {
  const env: Record<string, string | undefined> = { ...process.env };
  for (const name of Object.keys(env)) if (name.startsWith('ELEANOR_')) delete env[name];
  return spawnSync(process.execPath, ['--import', TSX, MAIN, ...args], {
    encoding: 'utf8',
    cwd: options.cwd,
    input: options.input ?? '',
    env: { ...env, ...options.env },
  });
}
