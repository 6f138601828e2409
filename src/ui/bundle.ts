// bundleClient(): the dashboard's browser code (src/ui/client, TypeScript) as one ES module, built with esbuild.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { EleanorError } from '../core/index.js';

/** The browser entry, next to this file in the source tree (dist/ holds the built bundle instead). */
const ENTRY = fileURLToPath(new URL('./client/main.ts', import.meta.url));

/**
 * Bundles the client in memory. Used by `npm start` (which runs from source, without a build step) and by
 * `npm run build` (which writes the result to dist/ui/public/app.js). esbuild is a development dependency: an
 * installed package never comes here, its bundle is already built.
 */
export async function bundleClient(): Promise<string> {
  if (!existsSync(ENTRY)) {
    throw new EleanorError(
      'INVALID_CONFIG',
      `the dashboard's script is missing: there is no built ui/public/app.js and no source at ${ENTRY} — run \`npm run build\``,
    );
  }
  const { build } = await import('esbuild');
  const result = await build({
    entryPoints: [ENTRY],
    bundle: true,
    format: 'esm',
    target: 'es2022',
    platform: 'browser',
    write: false,
    legalComments: 'none',
    logLevel: 'silent',
  });
  return result.outputFiles[0]!.text;
}
