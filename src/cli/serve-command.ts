// `eleanor serve`: the HTTP service on the configuration's engine; prints where it listens and a curl to try; SIGTERM closes it gracefully.
import { readFileSync } from 'node:fs';
import { EleanorError } from '../core/errors.js';
import type { EngineConfig } from '../engine/config.js';
import { loadConfig } from '../engine/config/load.js';
import { createEngine } from '../engine/engine.js';
import { createHttpServer, type HttpServer } from '../http/server.js';
import { dashboard } from '../ui/dashboard.js';

export interface ServeFlags {
  readonly config?: string;
  readonly port?: number;
  readonly host?: string;
  readonly insecureLocal?: boolean;
  readonly logLevel: string;
}

const LOOPBACK = new Set(['127.0.0.1', '::1', 'localhost']);
const DEFAULT_PORT = 8080;

function packageVersion(): string {
  try {
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
      version?: string;
    };
    return pkg.version ?? '0.0.0';
  } catch {
    return '0.0.0';
  }
}

/** The service measures itself and feeds live views: metrics and the in-process event bus are on unless configured. */
function withServiceDefaults(config: EngineConfig): EngineConfig {
  const infrastructure = config.infrastructure ?? {};
  return {
    ...config,
    infrastructure: {
      ...infrastructure,
      metrics: infrastructure.metrics ?? true,
      events: infrastructure.events ?? {},
    },
  };
}

function listenAddress(config: EngineConfig, flags: ServeFlags): { host: string; port: number } {
  const configuredHost = flags.host ?? config.http?.host;
  const port = flags.port ?? config.http?.port ?? DEFAULT_PORT;
  if (flags.insecureLocal) {
    if (configuredHost !== undefined && !LOOPBACK.has(configuredHost)) {
      throw new EleanorError(
        'INVALID_CONFIG',
        `--insecure-local: the server must bind 127.0.0.1 without auth, not '${configuredHost}'`,
      );
    }
    return { host: '127.0.0.1', port };
  }
  return { host: configuredHost ?? '127.0.0.1', port };
}

function curlFor(url: string, insecure: boolean): string {
  const auth = insecure ? '' : ` -H "authorization: Bearer $ELEANOR_API_KEY"`;
  const body = JSON.stringify({
    inputText: 'What card is on file?',
    modelResponse: 'Your card is 4111 1111 1111 1111.',
  });
  return `curl -s ${url}/v1/evaluations -H 'content-type: application/json'${auth} -d '${body}'`;
}

/** Starts the service; resolves with the exit code once it has been closed by SIGTERM or SIGINT. */
export async function serveCommand(flags: ServeFlags): Promise<number> {
  const config = withServiceDefaults(await loadConfig(flags.config === undefined ? {} : { file: flags.config }));
  const { host, port } = listenAddress(config, flags);
  const engine = createEngine(config);
  let server: HttpServer;
  try {
    server = await createHttpServer({
      engine,
      ...(config.http && { http: config.http }),
      insecureLocal: flags.insecureLocal === true,
      ...(config.baseDir !== undefined && { baseDir: config.baseDir }),
      logger: flags.logLevel === 'silent' ? false : { level: flags.logLevel },
      version: packageVersion(),
      plugins: [dashboard()],
    });
  } catch (error) {
    await engine.close();
    throw error;
  }
  const address = await server.app.listen({ host, port });
  const url = address.replace('[::1]', 'localhost');
  const store = engine.evidence ? engine.evidence.kind : 'off';
  console.log(
    `eleanor: serving on ${url} (evidence: ${store}${flags.insecureLocal ? ', NO AUTH: --insecure-local' : ''})`,
  );
  console.log(`  dashboard: ${url}/ui`);
  console.log(`  API docs:  ${url}/docs`);
  console.log(`  try it:    ${curlFor(url, flags.insecureLocal === true)}`);
  return new Promise((resolve) => {
    let stopping = false;
    const stop = (signal: NodeJS.Signals): void => {
      if (stopping) {
        console.error(`eleanor: ${signal} again — exiting without waiting`);
        process.exit(1);
      }
      stopping = true;
      console.log(`eleanor: ${signal} — finishing in-flight requests, then closing`);
      server.close().then(
        () => {
          console.log('eleanor: closed; every acknowledged evaluation is on record');
          resolve(0);
        },
        (error: unknown) => {
          console.error(`eleanor: close failed — ${String(error)}`);
          resolve(1);
        },
      );
    };
    process.on('SIGTERM', stop);
    process.on('SIGINT', stop);
  });
}
