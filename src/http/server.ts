// createHttpServer(): the Fastify service around an engine — auth, rate limits, routes, OpenAPI, metrics, graceful close.
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { LogController, type FastifyError, type FastifyInstance, type FastifyRequest } from 'fastify';
import { Registry } from 'prom-client';
import type { Engine } from '../engine/index.js';
import type { HttpConfig } from '../engine/index.js';
import type { ProxyConfig } from '../engine/index.js';
import { INSECURE_PRINCIPAL, authorize, type Access, type Principal } from './auth.js';
import { AuthFailures } from './auth-failures.js';
import { clientErrorHandler } from './client-error.js';
import { keyringOf, legacyKeyWarning } from './keyring-setup.js';
import { MethodTable } from './method-table.js';
import { MAX_URL_LENGTH, requestGate } from './request-gate.js';
import { DEFAULT_HTTP_SETTINGS, Inflight, type HttpSettings, type ServerContext } from './context.js';
import { HttpError, errorHandler } from './errors.js';
import { Drain } from './drain.js';
import { attachHttpMetrics } from './http-metrics.js';
import { useJsonBodies } from './json-body.js';
import { LiveFeed } from './live/live-feed.js';
import { openApiDocument } from './openapi.js';
import { evaluationRoutes } from './routes/evaluations.js';
import { liveRoutes } from './routes/live.js';
import { chatCompletionRoutes } from './routes/chat-completions.js';
import { createUpstream } from './proxy/upstream.js';
import { evidenceRoutes } from './routes/evidence.js';
import { reviewRoutes } from './routes/reviews.js';
import { systemRoutes } from './routes/system.js';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Who may call the route; routes without it need an admin key (docs and dashboard assets are public). */
    access?: Access;
  }
}

export interface HttpServerOptions {
  readonly engine: Engine;
  /** The configuration's `http` section. @default {} */
  readonly http?: HttpConfig;
  /**
   * No API keys: every request acts as the local admin. Only for a server bound to 127.0.0.1; requests whose Host
   * header is not a loopback name are refused with 421 (DNS rebinding). @default false
   */
  readonly insecureLocal?: boolean;
  /**
   * The secret the keys' `hmac` entries were made with (at least 32 bytes of text).
   * @default process.env.ELEANOR_API_KEY_SECRET, else the file http.keySecretFile (relative to `baseDir`)
   */
  readonly keySecret?: string;
  /** Where relative paths of the `http` section are resolved from. @default process.cwd() */
  readonly baseDir?: string;
  /** Where the service logs (pino options, or false for nothing). @default { level: 'warn' } */
  readonly logger?: boolean | { readonly level: string };
  /** Reported in /openapi.json. @default '0.0.0' */
  readonly version?: string;
  /**
   * What GET /metrics answers, in the registry's text format (a cluster worker asks its primary for every worker's
   * series). @default the series of this process's registry
   */
  readonly metricsText?: () => Promise<string>;
  /** The configuration's `proxy` section: `POST /v1/chat/completions` governs and forwards to its upstream. @default off */
  readonly proxy?: ProxyConfig;
  /** Extra routes (the dashboard), registered after the API's. */
  readonly plugins?: readonly ((app: FastifyInstance, ctx: ServerContext) => void | Promise<void>)[];
}

export interface HttpServer {
  readonly app: FastifyInstance;
  readonly context: ServerContext;
  /** Where this server's series are: the engine's registry, else one of its own (HTTP series only). */
  readonly registry: Registry;
  /** Every route registered, as 'METHOD /path' (HEAD routes left out). */
  readonly routes: readonly string[];
  /** What the configuration should change, found at start (also logged at warn): e.g. keys stored as bare SHA-256. */
  readonly warnings: readonly string[];
  /**
   * Graceful close: refuses new requests (503), lets in-flight ones finish for up to `shutdownGraceMs`, then cancels
   * the rest (each still answered and recorded), closes the engine (flushing evidence) and the listener.
   */
  close(): Promise<void>;
}

/** After the grace period and the cancellations, how long answers may take before connections are cut. */
const HARD_STOP_AFTER_GRACE_MS = 5_000;

const delay = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms).unref());

/** Paths served to anyone: the API docs and the dashboard's page and assets (its data still needs a key). */
const PUBLIC_PREFIXES = ['/docs', '/ui'];

function settingsOf(http: HttpConfig): HttpSettings {
  return {
    bodyLimitBytes: http.bodyLimitBytes ?? DEFAULT_HTTP_SETTINGS.bodyLimitBytes,
    maxBatch: http.maxBatch ?? DEFAULT_HTTP_SETTINGS.maxBatch,
    batchConcurrency: http.batchConcurrency ?? DEFAULT_HTTP_SETTINGS.batchConcurrency,
    shutdownGraceMs: http.shutdownGraceMs ?? DEFAULT_HTTP_SETTINGS.shutdownGraceMs,
    rateLimit: {
      max: http.rateLimit?.max ?? DEFAULT_HTTP_SETTINGS.rateLimit.max,
      windowMs: http.rateLimit?.windowMs ?? DEFAULT_HTTP_SETTINGS.rateLimit.windowMs,
    },
    authFailureLimit: {
      max: http.authFailureLimit?.max ?? DEFAULT_HTTP_SETTINGS.authFailureLimit.max,
      windowMs: http.authFailureLimit?.windowMs ?? DEFAULT_HTTP_SETTINGS.authFailureLimit.windowMs,
    },
  };
}

function accessOf(request: FastifyRequest): Access {
  // No route matched: the answer is 404 or 405 whoever asks (the public OpenAPI document lists the routes anyway).
  if (request.is404) return { public: true };
  const configured = request.routeOptions.config.access;
  if (configured) return configured;
  const url = request.routeOptions.url ?? '';
  return PUBLIC_PREFIXES.some((p) => url === p || url.startsWith(`${p}/`)) ? { public: true } : { roles: ['admin'] };
}

/**
 * The HTTP service around an engine (routes, auth, OpenAPI, metrics, graceful close).
 * @example
 * const server = await createHttpServer({ engine: createEngine(), insecureLocal: true });
 * await server.app.listen({ host: '127.0.0.1', port: 8080 });
 */
export async function createHttpServer(options: HttpServerOptions): Promise<HttpServer> {
  const http = options.http ?? {};
  const settings = settingsOf(http);
  const keyring = keyringOf(options, http);
  const warnings = keyring.legacyIds.length > 0 ? [legacyKeyWarning(keyring.legacyIds)] : [];
  const gate = requestGate(options.insecureLocal === true);
  let closing = false;
  const inflight = new Inflight();
  const app = Fastify({
    logger: options.logger ?? { level: 'warn' },
    logController: new LogController({ disableRequestLogging: true }),
    bodyLimit: settings.bodyLimitBytes,
    return503OnClosing: false,
    forceCloseConnections: 'idle',
    // A parameter as long as the URL allows: too long a trace id is then a 400 naming params.traceId, not a 414.
    routerOptions: { maxParamLength: MAX_URL_LENGTH },
    clientErrorHandler,
    // The router's own refusals (a malformed %-escape) skip the hooks: the gate runs here, then the error format.
    frameworkErrors: (error, request, reply) => {
      try {
        gate(request);
        errorHandler(error, request, reply);
      } catch (refused) {
        errorHandler(refused as FastifyError, request, reply);
      }
    },
  });
  for (const warning of warnings) app.log.warn(warning);
  const routes: string[] = [];
  const methods = new MethodTable();
  app.addHook('onRoute', (route) => {
    methods.add(route.method, route.url);
    for (const method of [route.method].flat()) if (method !== 'HEAD') routes.push(`${method} ${route.url}`);
  });
  // First of all hooks, public routes included: a rebound name must not reach even the docs or the dashboard.
  app.addHook('onRequest', (request, _reply, done) => {
    try {
      gate(request);
      done();
    } catch (error) {
      done(error as Error);
    }
  });
  // Only JSON bodies: a text/plain body on a JSON route is 415, not a string that fails validation with 400.
  app.removeContentTypeParser('text/plain');
  useJsonBodies(app);
  app.decorateRequest('principal', null);
  app.setErrorHandler(errorHandler);
  app.setNotFoundHandler(methods.notFound);

  const registry = options.engine.infrastructure.metrics ?? new Registry();
  attachHttpMetrics(app, registry, 'eleanor_');

  const failures = new AuthFailures(settings.authFailureLimit);
  /** The key's principal; a client over its failure limit is refused before its key is even looked at. */
  const authenticate = (request: FastifyRequest): Principal => {
    const wait = failures.retryAfterSeconds(request.ip);
    if (wait > 0) {
      const { max, windowMs } = settings.authFailureLimit;
      throw new HttpError(
        429,
        'TOO_MANY_AUTH_FAILURES',
        `too many failed authentications from this address (at most ${max} per ${windowMs / 1000} s, http.authFailureLimit); retry in ${wait} s`,
        'header.authorization',
        { 'retry-after': String(wait) },
      );
    }
    try {
      return keyring.authenticate(request);
    } catch (error) {
      if (error instanceof HttpError && error.status === 401) failures.fail(request.ip);
      throw error;
    }
  };
  const admit = (request: FastifyRequest): void => {
    const access = accessOf(request);
    if (closing && !('public' in access)) {
      throw new HttpError(503, 'SHUTTING_DOWN', 'the server is shutting down; retry on another instance', '', {
        'retry-after': '1',
      });
    }
    if ('public' in access) return;
    request.principal = options.insecureLocal ? INSECURE_PRINCIPAL : authenticate(request);
    authorize(request.principal, access, request);
  };
  const drain = new Drain();
  app.addHook('onRequest', (request, reply, done) => {
    reply.raw.once('close', drain.enter());
    try {
      admit(request);
      done();
    } catch (error) {
      done(error as Error);
    }
  });
  await app.register(rateLimit, {
    hook: 'preHandler',
    keyGenerator: (request) => request.principal?.id ?? request.ip,
    max: (request) => request.principal?.rateLimit?.max ?? settings.rateLimit.max,
    timeWindow: settings.rateLimit.windowMs,
    // Public routes (health, docs) and the local insecure principal are not limited.
    allowList: (request) => request.principal === null || request.principal === INSECURE_PRINCIPAL,
    errorResponseBuilder: (_request, context) => {
      const error = new HttpError(
        429,
        'RATE_LIMITED',
        `rate limit of ${context.max} requests per ${context.after} reached for this key; retry in ${Math.ceil(context.ttl / 1000)} s`,
      );
      return Object.assign(error, { statusCode: 429 });
    },
  });

  const document = openApiDocument(options.version ?? '0.0.0');
  app.get('/openapi.json', { config: { access: { public: true } } }, () => document);
  await app.register(swagger, { mode: 'static', specification: { document: document as never } });
  await app.register(swaggerUi, { routePrefix: '/docs' });

  const live = new LiveFeed(options.engine.infrastructure.events);
  const ctx: ServerContext = { engine: options.engine, settings, inflight, live, closing: () => closing };
  try {
    evaluationRoutes(app, ctx);
    reviewRoutes(app, ctx);
    evidenceRoutes(app, ctx);
    systemRoutes(app, ctx, registry, options.metricsText);
    liveRoutes(app, ctx);
    chatCompletionRoutes(
      app,
      ctx,
      options.proxy && { config: options.proxy, upstream: createUpstream(options.proxy.upstream, process.env) },
    );
    for (const plugin of options.plugins ?? []) await plugin(app, ctx);
  } catch (error) {
    live.close(); // off the engine's bus: the caller closes the engine, not this server
    throw error;
  }

  let closed: Promise<void> | undefined;
  return {
    app,
    context: ctx,
    registry,
    routes,
    warnings,
    close: () =>
      (closed ??= (async () => {
        closing = true;
        live.close(); // live streams never end on their own: end them so the drain below is not held up
        const listening = app.close();
        const grace = setTimeout(() => inflight.cancelAll('the server is shutting down'), settings.shutdownGraceMs);
        try {
          // Every answer is written before the connections go: idle keep-alive ones would otherwise hold close open.
          await Promise.race([drain.idle(), delay(settings.shutdownGraceMs + HARD_STOP_AFTER_GRACE_MS)]);
          app.server.closeAllConnections();
          await listening;
        } finally {
          clearTimeout(grace);
          await options.engine.close();
        }
      })()),
  };
}
