// The dashboard's assets as the server sends them: all from this server (no CDN), locked down by headers, bundled from source.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { CANONICAL_STATEMENTS } from '../../src/verdict/doctrine.js';
import { createEngine } from '../../src/engine/engine.js';
import { createHttpServer, type HttpServer } from '../../src/http/server.js';
import { dashboard } from '../../src/ui/dashboard.js';
import { TEST_API_KEYS, TEST_KEY_SECRET } from '../support/http.js';

let server: HttpServer;
let url: string;
beforeAll(async () => {
  server = await createHttpServer({
    engine: createEngine({ evidence: { store: 'memory' } }),
    http: { apiKeys: TEST_API_KEYS },
    keySecret: TEST_KEY_SECRET,
    logger: false,
    plugins: [dashboard()],
  });
  url = await server.app.listen({ host: '127.0.0.1', port: 0 });
});
afterAll(() => server.close());

describe('dashboard assets', () => {
  it('serves the page, its styles and its bundled script without a key, with a strict content policy', async () => {
    const page = await fetch(`${url}/ui/`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    expect(page.headers.get('content-security-policy')).toMatch(/default-src 'none'; script-src 'self'/);
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
    const html = await page.text();
    const assets = [...html.matchAll(/(?:src|href)="([^"#]+)"/g)].map((m) => m[1]!);
    expect(assets.sort()).toEqual(['app.js', 'favicon.svg', 'styles.css']); // relative: nothing from elsewhere
    for (const asset of assets) {
      const res = await fetch(`${url}/ui/${asset}`);
      expect(res.status, asset).toBe(200);
    }
    const script = await (await fetch(`${url}/ui/app.js`)).text();
    expect(script).toMatch(/Sign in to review/); // the bundle holds the page's code…
    expect(script).not.toMatch(/^\s*import\s/m); // …in one file: no module left to fetch from anywhere
    const redirect = await fetch(`${url}/ui`, { redirect: 'manual' });
    expect(redirect.status).toBe(301);
    expect(redirect.headers.get('location')).toBe('/ui/');
  });

  it("serves the doctrine's canonical statements, and keeps the data routes behind a key", async () => {
    expect(await (await fetch(`${url}/ui/doctrine.json`)).json()).toEqual({ statements: CANONICAL_STATEMENTS });
    expect((await fetch(`${url}/v1/reviews`)).status).toBe(401);
    expect((await fetch(`${url}/v1/stats`)).status).toBe(401);
  });

  it('answers 503 with what to do, and keeps serving the API, when the script cannot be bundled', async () => {
    vi.resetModules();
    vi.doMock('../../src/ui/bundle.js', () => ({ bundleClient: () => Promise.reject(new Error('no esbuild')) }));
    const { dashboard: broken } = await import('../../src/ui/dashboard.js');
    const other = await createHttpServer({
      engine: createEngine({ evidence: { store: 'memory' } }),
      insecureLocal: true,
      logger: false,
      plugins: [broken()],
    });
    try {
      const res = await other.app.inject({ url: '/ui/' });
      expect(res.statusCode).toBe(503);
      expect(res.body).toMatch(/run `npm run build`/);
      expect((await other.app.inject({ url: '/healthz' })).statusCode).toBe(200);
    } finally {
      vi.doUnmock('../../src/ui/bundle.js');
      await other.close();
    }
  });
});
