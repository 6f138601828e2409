// Plain JSON data for records: what critics produced, converted leniently (the store then checks it strictly).

/**
 * `value` as plain JSON data, keys sorted: lone surrogates become U+FFFD, non-finite numbers null, bigints strings, Dates ISO
 * strings, functions, symbols and undefined members are dropped, a repeated reference becomes '[circular]'.
 */
export function toJsonData(value: unknown, seen = new Set<object>()): unknown {
  switch (typeof value) {
    case 'string':
      return value.isWellFormed() ? value : value.toWellFormed();
    case 'number':
      return Number.isFinite(value) ? value : null;
    case 'boolean':
      return value;
    case 'bigint':
      return value.toString();
    case 'object':
      break;
    default:
      return undefined;
  }
  if (value === null) return null;
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.toISOString();
  if (seen.has(value)) return '[circular]';
  seen.add(value);
  let out: unknown;
  if (Array.isArray(value)) out = value.map((item) => toJsonData(item, seen) ?? null);
  else {
    // Keys inserted in canonical order, so the record is canonicalised by the native JSON.stringify.
    const obj: Record<string, unknown> = {};
    for (const key of sortedKeys(value)) {
      const data = toJsonData((value as Record<string, unknown>)[key], seen);
      if (data === undefined) continue;
      // Plain assignment keeps the object fast; an own '__proto__' key must stay a key, not become the prototype.
      if (key === '__proto__')
        Object.defineProperty(obj, key, { value: data, enumerable: true, writable: true, configurable: true });
      else obj[key] = data;
    }
    out = obj;
  }
  seen.delete(value);
  return out;
}

/** The object's own keys in code-unit order; most engine objects are built sorted already, so sorting is rare. */
function sortedKeys(value: object): string[] {
  const keys = Object.keys(value);
  for (let i = 1; i < keys.length; i++) if (keys[i - 1]! > keys[i]!) return keys.sort();
  return keys;
}
