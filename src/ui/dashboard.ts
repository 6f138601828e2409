// dashboard(): the review dashboard at /ui — page, styles and script all served by this server (no CDN); its data comes from the API, with a reviewer key.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { CANONICAL_STATEMENTS } from '../verdict/index.js';

/** src/ui/public when run from source, dist/ui/public once built (the build copies the page and adds app.js). */
const PUBLIC_DIR = fileURLToPath(new URL('./public/', import.meta.url));

/**
 * The page holds an API key in session storage, so nothing but this server's own files may run or load in it;
 * the data calls go to this server too.
 */
const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'content-security-policy':
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'cache-control': 'no-cache',
};

/** The Fastify plugin serving the dashboard; pass it in `createHttpServer({ plugins: [dashboard()] })`. */
export function dashboard(): (app: FastifyInstance) => Promise<void> {
  return async (app) => {
    const built = existsSync(`${PUBLIC_DIR}app.js`);
    let script: string | undefined;
    try {
      // From source there is no app.js: bundle the client now (once), so `npm start` needs no build step.
      if (!built) script = await (await import('./bundle.js')).bundleClient();
    } catch (error) {
      // A half-built checkout must still serve the API: the page says what is missing instead.
      app.log.warn({ err: error }, 'eleanor: the review dashboard could not be prepared');
      const unavailable = (_request: unknown, reply: FastifyReply): FastifyReply =>
        reply
          .code(503)
          .type('text/plain; charset=utf-8')
          .send('The review dashboard is not built here: run `npm run build` (the server log says more).\n');
      app.get('/ui', unavailable);
      app.get('/ui/*', unavailable);
      return;
    }
    await app.register(async (ui) => {
      ui.addHook('onRequest', (_request, reply, done) => {
        void reply.headers(SECURITY_HEADERS);
        done();
      });
      await ui.register(fastifyStatic, {
        root: PUBLIC_DIR,
        prefix: '/ui/',
        wildcard: false,
        redirect: true,
        decorateReply: false,
        cacheControl: false,
      });
      if (script !== undefined) {
        ui.get('/ui/app.js', (_request, reply) => reply.type('text/javascript; charset=utf-8').send(script));
      }
      // The statements a review must carry, word for word: from the doctrine itself, so page and server never differ.
      ui.get('/ui/doctrine.json', () => ({ statements: CANONICAL_STATEMENTS }));
    });
  };
}
