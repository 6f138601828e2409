// Heavy packages (database, broker and model drivers, parsers) load where they are first used, not on `import 'eleanor'`.
import { createRequire } from 'node:module';
import { EleanorError, type EleanorErrorCode } from './errors.js';

/** A package and who needs it, for the error a failed load gives. */
export interface PackageUse {
  /** The package, e.g. 'pg'. */
  readonly name: string;
  /** What needs it, in plain words, e.g. 'the PostgreSQL evidence store'. */
  readonly user: string;
  /** The code of the EleanorError a failed load gives: the one the user's own failures carry. */
  readonly code: EleanorErrorCode;
}

const requireHere = createRequire(import.meta.url);

function loadError(use: PackageUse, error: unknown): EleanorError {
  const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
  return new EleanorError(
    use.code,
    `${use.user} needs the '${use.name}' package, which could not be loaded — ${reason}`,
    {
      cause: error,
    },
  );
}

/**
 * A CommonJS package, loaded synchronously the first time a synchronous constructor needs it (better-sqlite3,
 * ioredis): its API stays synchronous. Node caches the module, so later calls cost a map lookup.
 * @example const { Redis } = requirePackage<typeof IORedis>({ name: 'ioredis', user: 'the Redis cache tier', code: 'INVALID_CONFIG' });
 */
export function requirePackage<T>(use: PackageUse): T {
  try {
    return requireHere(use.name) as T;
  } catch (error) {
    throw loadError(use, error);
  }
}

/**
 * A getter for a package used on a hot path (per candidate, per call): loaded on its first call, then held.
 * @example const phoneNumbers = lazyPackage<typeof PhoneLib>({ name: 'libphonenumber-js/max', user: 'the privacy critic', code: 'CRITIC_ERROR' });
 */
export function lazyPackage<T>(use: PackageUse): () => T {
  let loaded: T | undefined;
  return () => (loaded ??= requirePackage<T>(use));
}

/**
 * A package imported the first time an asynchronous path needs it; `load` is `() => import('<name>')`, so the
 * specifier stays a literal that bundlers and the type checker see.
 * @example const pg = await importPackage({ name: 'pg', user: 'the PostgreSQL evidence store', code: 'EVIDENCE_UNAVAILABLE' }, () => import('pg'));
 */
export async function importPackage<T>(use: PackageUse, load: () => Promise<T>): Promise<T> {
  try {
    return await load();
  } catch (error) {
    throw loadError(use, error);
  }
}
