// Plain JSON data for records: what critics produced, converted leniently (the store then checks it strictly).

/**
 * `value` as plain JSON data: lone surrogates become U+FFFD, non-finite numbers null, bigints strings, Dates ISO
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
    const obj: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) {
      const data = toJsonData(item, seen);
      if (data !== undefined) obj[key] = data;
    }
    out = obj;
  }
  seen.delete(value);
  return out;
}
