// The checks every request passes before routing matters: a URL of at most 8 KiB (414), and under --insecure-local a loopback Host (421).
import type { FastifyRequest } from 'fastify';
import { HttpError } from './errors.js';
import { requireLoopbackHost } from './loopback-host.js';

/** Longest request target (path and query) served, in characters; a longer one is 414 `URI_TOO_LONG`. */
export const MAX_URL_LENGTH = 8_192;

/** Throws 414 `URI_TOO_LONG` for a request target over MAX_URL_LENGTH. */
export function checkUrlLength(request: FastifyRequest): void {
  const length = request.raw.url?.length ?? 0;
  if (length > MAX_URL_LENGTH) {
    throw new HttpError(
      414,
      'URI_TOO_LONG',
      `url: expected at most ${MAX_URL_LENGTH} characters (path and query), got ${length}`,
      'url',
    );
  }
}

/**
 * The gate as one function: run first for every request (an onRequest hook registered before all others) and for
 * the requests Fastify's router refuses itself (frameworkErrors), which never reach the hooks.
 */
export function requestGate(insecureLocal: boolean): (request: FastifyRequest) => void {
  return insecureLocal
    ? (request) => {
        requireLoopbackHost(request); // first: a rebound name learns nothing, not even that its URL is too long
        checkUrlLength(request);
      }
    : checkUrlLength;
}
