// The `eleanor/http` entry: the HTTP service for embedding in a program of one's own (`eleanor serve` uses the same).
export { createHttpServer, type HttpServer, type HttpServerOptions } from './server.js';
export { generateApiKey, sha256Hex, type Principal } from './auth.js';
export { HTTP_ERROR_CODES, type ErrorBody, type HttpErrorCode } from './errors.js';
export { openApiDocument } from './openapi.js';
export { dashboard } from '../ui/index.js';
export type { LiveEvaluation } from './live/live-feed.js';
export type { WindowStats } from './live/stats-window.js';
export type { ServerContext, HttpSettings } from './context.js';
export type { ApiKeyConfig, ApiRole, HttpConfig } from '../engine/index.js';
