// JSON request bodies: any object with too many keys is refused by a scan of the raw text, before JSON.parse builds it.
import type { FastifyInstance } from 'fastify';
import { MAX_CONTEXT_KEYS } from './context-schema.js';
import { HttpError } from './errors.js';

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_OBJECT = 0x7b;
const CLOSE_OBJECT = 0x7d;
const OPEN_ARRAY = 0x5b;
const CLOSE_ARRAY = 0x5d;
const COLON = 0x3a;
const COMMA = 0x2c;

interface Frame {
  readonly object: boolean;
  keys: number;
  index: number;
  expectKey: boolean;
  /** Where the current key's text is (objects): named only when a path is reported. */
  keyStart: number;
  keyEnd: number;
}

/** Where the string opened at `start` (a quote) closes. */
function stringEnd(text: string, start: number): number {
  let at = start + 1;
  for (;;) {
    const close = text.indexOf('"', at);
    if (close === -1) return text.length;
    let slashes = 0;
    while (text.charCodeAt(close - 1 - slashes) === BACKSLASH) slashes++;
    if (slashes % 2 === 0) return close;
    at = close + 1;
  }
}

/**
 * The path of the first object in the JSON text holding more than `max` keys (e.g. ['context']), or null. One pass,
 * no values built: malformed text is left to JSON.parse, which reports it.
 */
export function oversizedObject(text: string, max: number): (string | number)[] | null {
  const stack: Frame[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const top = stack[stack.length - 1];
    if (c === QUOTE) {
      const end = stringEnd(text, i);
      if (top?.object && top.expectKey) {
        top.keys += 1;
        if (top.keys > max) return stack.slice(0, -1).map((f) => pathStep(text, f));
        top.keyStart = i + 1;
        top.keyEnd = end;
        top.expectKey = false;
      }
      i = end;
    } else if (c === OPEN_OBJECT || c === OPEN_ARRAY) {
      stack.push({ object: c === OPEN_OBJECT, keys: 0, index: 0, expectKey: true, keyStart: 0, keyEnd: 0 });
    } else if (c === CLOSE_OBJECT || c === CLOSE_ARRAY) {
      stack.pop();
    } else if (c === COMMA && top !== undefined) {
      if (top.object) top.expectKey = true;
      else top.index += 1;
    } else if (c === COLON && top?.object) {
      top.expectKey = false;
    }
  }
  return null;
}

function pathStep(text: string, frame: Frame): string | number {
  if (!frame.object) return frame.index;
  try {
    return JSON.parse(`"${text.slice(frame.keyStart, frame.keyEnd)}"`) as string;
  } catch {
    return text.slice(frame.keyStart, frame.keyEnd);
  }
}

/** application/json: the raw text scanned for an object of more than MAX_CONTEXT_KEYS keys, then Fastify's parser. */
export function useJsonBodies(app: FastifyInstance): void {
  const parse = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    const path = oversizedObject(body as string, MAX_CONTEXT_KEYS);
    if (path === null) return parse(request, body as string, done);
    const where = ['body', ...path].join('.');
    done(
      new HttpError(
        400,
        'INVALID_INPUT',
        `${where}: expected at most ${MAX_CONTEXT_KEYS} keys, got more than ${MAX_CONTEXT_KEYS}`,
        where,
      ),
      undefined,
    );
  });
}
