// Canonical JSON (RFC 8785 style): one byte-exact text per value, so equal values hash to equal cache keys.

/**
 * Serializes `value` with object keys sorted by UTF-16 code units and no whitespace. Numbers and strings use
 * ECMAScript's JSON forms (as RFC 8785 requires); `toJSON` is honoured and `undefined` members are left out, as
 * `JSON.stringify` does. Throws a TypeError on what has no stable form: cycles, bigints, non-finite numbers.
 */
export function canonicalize(value: unknown): string {
  return write(value, new Set<object>(), '');
}

function write(value: unknown, seen: Set<object>, path: string): string {
  if (value !== null && typeof value === 'object' && typeof (value as { toJSON?: unknown }).toJSON === 'function') {
    value = (value as { toJSON: (key: string) => unknown }).toJSON('');
  }
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return JSON.stringify(value);
    case 'number':
      if (!Number.isFinite(value))
        throw new TypeError(`canonicalize: ${path || 'value'} is ${value}, not a finite number`);
      return JSON.stringify(value);
    case 'object':
      if (value === null) return 'null';
      return writeObject(value, seen, path);
    case 'undefined':
    case 'function':
    case 'symbol':
    case 'bigint':
      throw new TypeError(`canonicalize: ${path || 'value'} is a ${typeof value}, which JSON cannot hold`);
  }
}

function writeObject(value: object, seen: Set<object>, path: string): string {
  if (seen.has(value)) throw new TypeError(`canonicalize: ${path || 'value'} is circular`);
  seen.add(value);
  try {
    if (Array.isArray(value)) {
      // Holes and undefined become null, as in JSON.stringify.
      const items = Array.from(value as unknown[], (item, i) =>
        item === undefined || typeof item === 'function' || typeof item === 'symbol'
          ? 'null'
          : write(item, seen, `${path}[${i}]`),
      );
      return `[${items.join(',')}]`;
    }
    const record = value as Record<string, unknown>;
    const members: string[] = [];
    for (const key of Object.keys(record).sort()) {
      const member = record[key];
      if (member === undefined || typeof member === 'function' || typeof member === 'symbol') continue;
      members.push(`${JSON.stringify(key)}:${write(member, seen, path ? `${path}.${key}` : key)}`);
    }
    return `{${members.join(',')}}`;
  } finally {
    seen.delete(value);
  }
}
