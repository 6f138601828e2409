// The package's version, as `eleanor --version` and the HTTP service report it.
import { readFileSync } from 'node:fs';

/** The `version` of package.json (from src/cli or dist/cli alike), or '0.0.0' when it cannot be read. */
export function packageVersion(): string {
  try {
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
      version?: string;
    };
    return pkg.version ?? '0.0.0';
  } catch {
    return '0.0.0';
  }
}
