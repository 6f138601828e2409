// The cluster's one evidence writer: the primary commits every worker's records to the SQLite store, so a worker's
// event loop never waits for the file's write lock or its fsync, and one group commit (one fsync) serves all workers.
import type { Worker } from 'node:cluster';
import { isEleanorError } from '../../core/index.js';
import {
  forwardAppends,
  openEvidenceStore,
  SqliteEvidenceStore,
  type AppendForwarder,
  type EvidenceConfig,
  type EvidenceStore,
  type ForwardedAnswer,
  type PreparedAppend,
} from '../../evidence/index.js';

export interface EvidenceWriter {
  /** Commits a worker's records and answers it with their places (or errors), in order. */
  append(worker: Worker, id: number, items: readonly PreparedAppend[]): void;
  /** Commits what is pending, then closes the store. */
  close(): Promise<void>;
}

/** Whether the workers of this configuration send their appends to the primary: a SQLite file store. */
export function writesThroughPrimary(
  evidence: EvidenceConfig | undefined,
): evidence is Exclude<EvidenceConfig, false> | undefined {
  return evidence !== false && (evidence?.store ?? 'sqlite') === 'sqlite';
}

async function answerOf(store: SqliteEvidenceStore, item: PreparedAppend): Promise<ForwardedAnswer> {
  try {
    return { ref: await store.appendPrepared(item) };
  } catch (error) {
    return {
      error: isEleanorError(error)
        ? { code: error.code, message: error.message }
        : { code: 'EVIDENCE_UNAVAILABLE', message: `the evidence store could not write — ${String(error)}` },
    };
  }
}

/**
 * Opens the store the workers write through, or returns null when they write themselves (PostgreSQL, memory, off).
 * @example
 * const writer = openEvidenceWriter(config.evidence, baseDir);
 * // on a worker's { eleanor: 'append', id, items }: writer?.append(worker, id, items)
 */
export function openEvidenceWriter(evidence: EvidenceConfig | undefined, baseDir: string): EvidenceWriter | null {
  if (!writesThroughPrimary(evidence)) return null;
  const { store } = openEvidenceStore(evidence ?? {}, baseDir);
  if (!(store instanceof SqliteEvidenceStore)) return null;
  return {
    append(worker, id, items) {
      // Every worker's records of this turn join one group commit (the store's own batching).
      void Promise.all(items.map((item) => answerOf(store, item))).then((answers) => {
        if (worker.isConnected()) worker.send({ eleanor: 'appended', id, answers });
      });
    },
    close: () => store.close(),
  };
}

/**
 * A worker's store when the primary writes (else undefined: the engine opens its own): reads on this process's own
 * connection, appends forwarded to the primary. The caller closes it after the server.
 */
export function workerStore(
  evidence: EvidenceConfig | undefined,
  baseDir: string,
  forward: AppendForwarder,
): EvidenceStore | undefined {
  if (!writesThroughPrimary(evidence)) return undefined;
  // The primary's store moves the WAL into the file; the workers' would only contend with it for the disk.
  return forwardAppends(openEvidenceStore(evidence ?? {}, baseDir, { walCheckpoints: false }).store, forward);
}
