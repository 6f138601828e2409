// Opens the store an `evidence` configuration names (SQLite by default, relative paths against baseDir).
import { isAbsolute, resolve } from 'node:path';
import type { EvidenceConfig } from './config.js';
import { PgEvidenceStore } from './postgres/pg-store.js';
import { DEFAULT_SQLITE_PATH, SqliteEvidenceStore } from './sqlite/sqlite-store.js';
import type { EvidenceStore } from './types.js';

/**
 * The store, and whether the engine owns it (and so closes it).
 * @example
 * const { store } = openEvidenceStore({ store: 'sqlite', path: './data/eleanor.db' }, process.cwd());
 * (await store.verify()).ok;
 */
export function openEvidenceStore(
  config: Exclude<EvidenceConfig, false>,
  baseDir: string,
): { store: EvidenceStore; owned: boolean } {
  const kind = config.store ?? 'sqlite';
  if (typeof kind === 'object') return { store: kind, owned: false };
  const batch = config.maxBatch === undefined ? {} : { maxBatch: config.maxBatch };
  if (kind === 'postgres') {
    return {
      store: new PgEvidenceStore({
        ...batch,
        ...(config.url !== undefined && { url: config.url }),
        ...(config.schema !== undefined && { schema: config.schema }),
      }),
      owned: true,
    };
  }
  const file = config.path ?? DEFAULT_SQLITE_PATH;
  const path = kind === 'memory' ? ':memory:' : isAbsolute(file) ? file : resolve(baseDir, file);
  return {
    store: new SqliteEvidenceStore({
      ...batch,
      path,
      ...(config.synchronous !== undefined && { synchronous: config.synchronous }),
    }),
    owned: true,
  };
}
