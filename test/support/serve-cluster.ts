// Test support for `eleanor serve --workers N`: the built CLI in its own process, its output, and who answered.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { request as httpRequest } from 'node:http';
import { join } from 'node:path';
import Database from 'better-sqlite3';

export const BIN = join(process.cwd(), 'dist/cli/main.js');

/** Builds the CLI when it is missing (`npm test` builds before the tests). */
export function ensureBuilt(): void {
  if (existsSync(BIN) && existsSync(join(process.cwd(), 'dist/ui/public/app.js'))) return;
  const build = spawnSync('npm', ['run', 'build', '--silent'], { encoding: 'utf8' });
  if (build.status !== 0) throw new Error(build.stdout + build.stderr);
}

/** An environment of its own: a fresh SQLite evidence file, no configuration or keys from the caller's. */
export function isolatedEnv(): { dir: string; db: string; env: NodeJS.ProcessEnv } {
  const dir = mkdtempSync(join(tmpdir(), 'eleanor-cluster-'));
  const db = join(dir, 'e.db');
  const env = {
    ...process.env,
    ELEANOR_CONFIG: undefined,
    ELEANOR_API_KEYS: undefined,
    ELEANOR_API_KEY_SECRET: undefined,
    ELEANOR_EVIDENCE_PATH: db,
  };
  return { dir, db, env };
}

export interface Served {
  readonly child: ChildProcess;
  readonly url: string;
  readonly exit: Promise<number | null>;
  /** stdout and stderr so far. */
  output(): string;
}

const pause = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 20));

/** Waits until `check` holds, polling; the test's own timeout bounds the wait. */
export async function until(check: () => boolean | Promise<boolean>): Promise<void> {
  while (!(await check())) await pause();
}

const started = new Set<ChildProcess>();

/** For afterAll: a test that failed before its SIGTERM leaves no server behind (its workers end with the primary). */
export function killLeftovers(): void {
  for (const child of started) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
}

/** `eleanor serve --insecure-local --port 0 …args`, resolved once the banner names its URL. */
export async function serve(args: readonly string[], env: NodeJS.ProcessEnv, cwd: string): Promise<Served> {
  const child = spawn(process.execPath, [BIN, 'serve', '--insecure-local', '--port', '0', ...args], { cwd, env });
  started.add(child);
  let out = '';
  child.stdout.on('data', (c: Buffer) => (out += c.toString()));
  child.stderr.on('data', (c: Buffer) => (out += c.toString()));
  const exit = new Promise<number | null>((done) => child.on('exit', done));
  let ended = false;
  void exit.then(() => (ended = true));
  await until(() => ended || /try it:/.test(out));
  const url = /serving on (http:\/\/\S+)/.exec(out)?.[1];
  if (url === undefined) throw new Error(`eleanor serve did not start:\n${out}`);
  return { child, url, exit, output: () => out };
}

export interface Answer {
  readonly status: number;
  readonly worker: string;
  readonly body: Record<string, unknown>;
}

/**
 * One request on a connection of its own: the primary hands each new connection to the next worker, so a kept-alive
 * one would always reach the same worker.
 */
export function call(url: string, method: 'GET' | 'POST', body?: unknown): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const request = httpRequest(
      url,
      { method, agent: false, headers: { 'content-type': 'application/json' } },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('error', reject);
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            worker: String(res.headers['x-eleanor-worker'] ?? ''),
            body: JSON.parse(text) as Record<string, unknown>,
          }),
        );
      },
    );
    request.on('error', reject);
    request.end(body === undefined ? undefined : JSON.stringify(body));
  });
}

/** One evaluation, answered by some worker. */
export function evaluate(url: string, n: number): Promise<Answer> {
  return call(`${url}/v1/evaluations`, 'POST', {
    inputText: `question ${n}`,
    modelResponse: `Your card is 4111 1111 1111 1111 (${n}).`,
  });
}

/** The trace ids of every evaluation the store holds. */
export function recordedTraceIds(db: string): Set<string> {
  const sqlite = new Database(db, { readonly: true });
  try {
    const rows = sqlite.prepare<[], { traceId: string }>(
      "SELECT trace_id AS traceId FROM evidence WHERE kind = 'evaluation'",
    );
    return new Set(rows.all().map((r) => r.traceId));
  } finally {
    sqlite.close();
  }
}
