// Test support for the HTTP service: a server on a free port with known keys, and small fetch helpers.
import type { EngineConfig } from '../../src/engine/config.js';
import type { HttpConfig } from '../../src/engine/config/http-schema.js';
import type { ProxyConfig } from '../../src/engine/config/proxy-schema.js';
import { createEngine } from '../../src/engine/engine.js';
import { keyedHash } from '../../src/engine/config/api-key-secret.js';
import { createHttpServer, type HttpServer } from '../../src/http/server.js';

/** One key per role, plus one bound to the chain 'tenant-a' (32 characters or more, as configured keys must be). */
export const KEYS = {
  evaluator: 'test-key-evaluator-0123456789abcdef',
  reviewer: 'test-key-reviewer-0123456789abcdef',
  admin: 'test-key-admin-0123456789abcdef',
  tenant: 'test-key-tenant-a-0123456789abcdef',
} as const;

/** The key secret the test keys' hashes are made with (pass it as createHttpServer's `keySecret`). */
export const TEST_KEY_SECRET = 'test-key-secret-0123456789abcdef0123456789';
const hmac = (key: string): string => keyedHash(Buffer.from(TEST_KEY_SECRET), key);

export const TEST_API_KEYS: NonNullable<HttpConfig['apiKeys']> = [
  { id: 'eve', roles: ['evaluator'], hmac: hmac(KEYS.evaluator) },
  { id: 'rita', roles: ['reviewer'], hmac: hmac(KEYS.reviewer) },
  { id: 'ada', roles: ['admin'], hmac: hmac(KEYS.admin) },
  { id: 'tess', roles: ['evaluator', 'reviewer'], hmac: hmac(KEYS.tenant), chain: 'tenant-a' },
];

export interface TestServer {
  readonly url: string;
  readonly server: HttpServer;
  close(): Promise<void>;
}

/** A real server listening on 127.0.0.1 with an in-memory evidence store unless the config names one. */
export async function startTestServer(
  config: EngineConfig = {},
  http: HttpConfig = {},
  extra: { insecureLocal?: boolean; keySecret?: string; proxy?: ProxyConfig } = {},
): Promise<TestServer> {
  const engine = createEngine({ evidence: { store: 'memory' }, infrastructure: { metrics: true }, ...config });
  const server = await createHttpServer({
    engine,
    http: { apiKeys: TEST_API_KEYS, ...http },
    keySecret: extra.keySecret ?? TEST_KEY_SECRET,
    logger: false,
    ...(extra.insecureLocal !== undefined && { insecureLocal: extra.insecureLocal }),
    ...(extra.proxy && { proxy: extra.proxy }),
  });
  const url = await server.app.listen({ host: '127.0.0.1', port: 0 });
  return { url, server, close: () => server.close() };
}

/** fetch with JSON in and out; `key` sets the bearer token. */
export async function call(
  url: string,
  options: { method?: string; key?: string; body?: unknown; headers?: Record<string, string> } = {},
): Promise<{ status: number; headers: Headers; body: any }> {
  const headers: Record<string, string> = { ...options.headers };
  if (options.key !== undefined) headers['authorization'] = `Bearer ${options.key}`;
  let body: string | undefined;
  if (options.body !== undefined) {
    headers['content-type'] ??= 'application/json';
    body = typeof options.body === 'string' ? options.body : JSON.stringify(options.body);
  }
  const response = await fetch(url, {
    method: options.method ?? (body === undefined ? 'GET' : 'POST'),
    headers,
    ...(body !== undefined && { body }),
  });
  const text = await response.text();
  let parsed: unknown = text;
  try {
    parsed = JSON.parse(text);
  } catch {
    // Not JSON (metrics, NDJSON): the text as it is.
  }
  return { status: response.status, headers: response.headers, body: parsed };
}

export const CARD_REQUEST = {
  inputText: 'What card is on file?',
  modelResponse: 'Your card is 4111 1111 1111 1111.',
} as const;

export const BENIGN_REQUEST = {
  inputText: 'How do I reset my router?',
  modelResponse: 'Unplug it for ten seconds, then plug it back in.',
} as const;
