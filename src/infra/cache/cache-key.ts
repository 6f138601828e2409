// The cache key: SHA-256 of the canonical JSON of what decides a critic's finding (never the trace id).
import { createHash } from 'node:crypto';
import type { CriticInput } from '../../core/types.js';
import { canonicalize } from './canonical-json.js';

/** Context keys that change on every request and never change a finding. */
export const DEFAULT_VOLATILE_CONTEXT_KEYS: readonly string[] = Object.freeze([
  'traceId',
  'requestId',
  'timestamp',
  'now',
  'receivedAt',
]);

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
  const context: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(input.context)) {
    if (!volatileKeys.has(name)) context[name] = value;
  }
  const text = canonicalize({
    critic,
    version,
    inputText: input.inputText,
    modelResponse: input.modelResponse,
    context,
  });
  return createHash('sha256').update(text).digest('hex');
}
