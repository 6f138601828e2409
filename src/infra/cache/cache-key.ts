// The cache key: SHA-256 of the canonical JSON of what decides a critic's finding (never the trace id).
import { createHash } from 'node:crypto';
import type { CriticInput } from '../../core/index.js';
import { canonicalize } from './canonical-json.js';

/** Context keys that change on every request and never change a finding. */
export const DEFAULT_VOLATILE_CONTEXT_KEYS: readonly string[] = Object.freeze([
  'traceId',
  'requestId',
  'timestamp',
  'now',
  'receivedAt',
]);

function withoutVolatile(
  context: Readonly<Record<string, unknown>>,
  volatileKeys: ReadonlySet<string>,
): Record<string, unknown> {
  const kept: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(context)) {
    if (!volatileKeys.has(name)) kept[name] = value;
  }
  return kept;
}

/** SHA-256 of the input part, once per frozen input object: every critic of a run shares the snapshot. */
const inputDigests = new WeakMap<CriticInput, Map<ReadonlySet<string>, string>>();

function inputDigest(input: CriticInput, volatileKeys: ReadonlySet<string>): string {
  let byKeys = inputDigests.get(input);
  const known = byKeys?.get(volatileKeys);
  if (known !== undefined) return known;
  const text = canonicalize({
    inputText: input.inputText,
    modelResponse: input.modelResponse,
    context: withoutVolatile(input.context, volatileKeys),
  });
  const digest = createHash('sha256').update(text).digest('hex');
  if (Object.isFrozen(input)) {
    if (!byKeys) inputDigests.set(input, (byKeys = new Map<ReadonlySet<string>, string>()));
    byKeys.set(volatileKeys, digest);
  }
  return digest;
}

/** Keys already computed, by (input digest, critic, version): an L1 hit then costs a map lookup, not a hash. */
const computedKeys = new Map<string, string>();
const COMPUTED_KEYS_MAX = 50_000;

/**
 * The hex SHA-256 of `{ critic, version, inputText, modelResponse, context }`, the context without the
 * (top-level) volatile keys. Throws a TypeError when the context has no canonical form (see `canonicalize`).
 */
export function cacheKey(
  critic: string,
  version: string,
  input: CriticInput,
  volatileKeys: ReadonlySet<string>,
): string {
  const memo = `${inputDigest(input, volatileKeys)}\u0000${critic}\u0000${version}`;
  const known = computedKeys.get(memo);
  if (known !== undefined) return known;
  const text = canonicalize({
    critic,
    version,
    inputText: input.inputText,
    modelResponse: input.modelResponse,
    context: withoutVolatile(input.context, volatileKeys),
  });
  const key = createHash('sha256').update(text).digest('hex');
  if (computedKeys.size >= COMPUTED_KEYS_MAX) computedKeys.clear();
  computedKeys.set(memo, key);
  return key;
}
