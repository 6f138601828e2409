// Errors Node's HTTP parser raises before Fastify sees a request (431 headers too large, 408, malformed HTTP), answered as { code, message, path }.
import { STATUS_CODES, maxHeaderSize } from 'node:http';
import type { Socket } from 'node:net';
import type { ConnectionError } from 'fastify';
import type { HttpErrorCode } from './errors.js';

/** The status, code and message for a parser error, by Node's error code. */
function answerFor(code: string): [number, HttpErrorCode, string] {
  switch (code) {
    case 'HPE_HEADER_OVERFLOW':
      return [
        431,
        'HEADERS_TOO_LARGE',
        `the request line and header fields are larger than ${maxHeaderSize} bytes (Node's limit)`,
      ];
    case 'ERR_HTTP_REQUEST_TIMEOUT':
      return [408, 'REQUEST_TIMEOUT', 'the request was not received in time'];
    default:
      return [400, 'MALFORMED_REQUEST', `the request is not valid HTTP/1.1 (${code})`];
  }
}

/**
 * Fastify's `clientErrorHandler`: writes the answer straight to the socket (no request exists yet) and closes it, as
 * Node itself would, but with a body in the service's error format instead of an empty one.
 */
export function clientErrorHandler(error: ConnectionError, socket: Socket): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return; // the client is gone: there is no one to answer
  const [status, code, message] = answerFor(error.code);
  const body = JSON.stringify({ code, message, path: '' });
  if (socket.writable) {
    socket.write(
      `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nContent-Type: application/json; charset=utf-8\r\n` +
        `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    );
  }
  socket.destroy(error);
}
