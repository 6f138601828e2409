// The hash chain: RFC 8785 canonical JSON of each record, hash = sha256(prevHash + record).
import { createHash } from 'node:crypto';
import type { EntryKind } from './types.js';

/** The `prevHash` of a chain's first record. */
export const GENESIS_HASH = '0'.repeat(64);

/**
 * RFC 8785 canonical JSON of plain JSON data, checked in the same pass: keys sorted by UTF-16 code units, numbers and
 * strings as ECMAScript serialises them. Throws a TypeError naming the path of anything JSON cannot carry faithfully
 * (non-finite numbers, lone surrogates, functions, class instances). Written here rather than taken from the
 * `canonicalize` package (the reference, which a property test compares it with) because it validates and
 * serialises in one walk, about 5× faster, and records are canonicalised on every evaluation.
 */
export function canonicalJson(value: unknown): string {
  const shape = inspect(value);
  // Keys already in canonical order (the engine builds its records so): the native serialiser gives the same text.
  if (shape === SORTED) return JSON.stringify(value);
  const text = shape === INVALID ? undefined : serialise(value);
  if (text === undefined) throw new TypeError(firstProblem(value, 'payload') ?? 'payload: not JSON data');
  return text;
}

const INVALID = 0;
const UNSORTED = 1;
const SORTED = 2;

/** Whether `value` is JSON data (no path strings built), and whether every object's keys are in canonical order. */
function inspect(value: unknown): number {
  switch (typeof value) {
    case 'string':
      return value.isWellFormed() ? SORTED : INVALID;
    case 'number':
      return Number.isFinite(value) ? SORTED : INVALID;
    case 'boolean':
      return SORTED;
    case 'object': {
      if (value === null) return SORTED;
      let shape = SORTED;
      if (Array.isArray(value)) {
        for (const item of value) {
          const inner = inspect(item);
          if (inner === INVALID) return INVALID;
          if (inner < shape) shape = inner;
        }
        return shape;
      }
      if (Object.getPrototypeOf(value) !== Object.prototype) return INVALID;
      const keys = Object.keys(value);
      for (let i = 0; i < keys.length; i += 1) {
        const item = (value as Record<string, unknown>)[keys[i]!];
        if (item === undefined) continue; // skipped by both serialisers
        if (i > 0 && keys[i]! < keys[i - 1]!) shape = UNSORTED;
        const inner = inspect(item);
        if (inner === INVALID) return INVALID;
        if (inner < shape) shape = inner;
      }
      return shape;
    }
    default:
      return INVALID;
  }
}

/** The fast path: no path strings are built; `undefined` means "not JSON data" (the slow path then says where). */
function serialise(value: unknown): string | undefined {
  switch (typeof value) {
    case 'string':
      return value.isWellFormed() ? JSON.stringify(value) : undefined;
    case 'number':
      return Number.isFinite(value) ? JSON.stringify(value) : undefined;
    case 'boolean':
      return value ? 'true' : 'false';
    case 'object':
      if (value === null) return 'null';
      if (Array.isArray(value)) return serialiseArray(value);
      return Object.getPrototypeOf(value) === Object.prototype
        ? serialiseObject(value as Record<string, unknown>)
        : undefined;
    default:
      return undefined;
  }
}

function serialiseArray(value: readonly unknown[]): string | undefined {
  let out = '[';
  for (let i = 0; i < value.length; i += 1) {
    const item = serialise(value[i]);
    if (item === undefined) return undefined;
    out += i === 0 ? item : `,${item}`;
  }
  return `${out}]`;
}

function serialiseObject(value: Record<string, unknown>): string | undefined {
  const keys = Object.keys(value).sort();
  let out = '{';
  let first = true;
  for (const key of keys) {
    const raw = value[key];
    if (raw === undefined) continue;
    const item = serialise(raw);
    if (item === undefined) return undefined;
    out += `${first ? '' : ','}${JSON.stringify(key)}:${item}`;
    first = false;
  }
  return `${out}}`;
}

/** Where the first value JSON cannot carry faithfully is, and what it is. */
function firstProblem(value: unknown, path: string): string | undefined {
  if (typeof value === 'string') return value.isWellFormed() ? undefined : `${path}: a string with a lone surrogate`;
  if (typeof value === 'number') return Number.isFinite(value) ? undefined : `${path}: ${value} is not a finite number`;
  if (typeof value === 'boolean' || value === null) return undefined;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i += 1) {
      const problem = firstProblem(value[i], `${path}[${i}]`);
      if (problem) return problem;
    }
    return undefined;
  }
  if (typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    for (const [key, item] of Object.entries(value)) {
      const problem = item === undefined ? undefined : firstProblem(item, `${path}.${key}`);
      if (problem) return problem;
    }
    return undefined;
  }
  return `${path}: ${typeof value === 'object' ? 'a non-plain object' : `a ${typeof value}`}`;
}

export function chainHash(prevHash: string, record: string): string {
  return createHash('sha256').update(prevHash).update(record).digest('hex');
}

/** The parts of a record fixed before its place in the chain is known. */
export interface PendingRecord {
  readonly chain: string;
  readonly createdAt: string;
  readonly kind: EntryKind;
  readonly traceId: string;
  /** Canonical JSON of the payload, computed once outside the write transaction. */
  readonly payloadJson: string;
}

/**
 * The canonical text of `{ chain, createdAt, kind, payload, seq, traceId }` — assembled by hand in RFC 8785 key
 * order so the payload is canonicalised once, before the write lock; a test checks it equals `canonicalJson`.
 */
export function recordText(pending: PendingRecord, seq: number): string {
  return (
    `{"chain":${JSON.stringify(pending.chain)},"createdAt":${JSON.stringify(pending.createdAt)},` +
    `"kind":${JSON.stringify(pending.kind)},"payload":${pending.payloadJson},"seq":${seq},` +
    `"traceId":${JSON.stringify(pending.traceId)}}`
  );
}
