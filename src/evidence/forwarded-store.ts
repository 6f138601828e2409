// A store whose appends another process commits (one writer for several processes); reads stay on its own connection.
import { EleanorError, ERROR_CODES, type EleanorErrorCode } from '../core/index.js';
import { prepareAppend, type PreparedAppend } from './pending.js';
import type { AppendRequest, EvidenceRef, EvidenceStore } from './types.js';

/** What the writing process answers for one forwarded append: its committed place, or why it failed. */
export type ForwardedAnswer =
  { readonly ref: EvidenceRef } | { readonly error: { readonly code: string; readonly message: string } };

/** Carries prepared appends to the writing process; resolves once it answered for every one (after its commit). */
export type AppendForwarder = (items: readonly PreparedAppend[]) => Promise<readonly ForwardedAnswer[]>;

function errorOf(answer: { code: string; message: string }): EleanorError {
  const known = (ERROR_CODES as readonly string[]).includes(answer.code);
  return new EleanorError(known ? (answer.code as EleanorErrorCode) : 'EVIDENCE_UNAVAILABLE', answer.message);
}

/**
 * `store` with its appends sent through `forward`, every append of one event-loop turn in one message. The record is
 * checked and canonicalised here (a bad request fails at once, and the writer only inserts); an append resolves only
 * when the writer has answered for it, which it does after its commit: acknowledged still means on disk.
 * @example
 * const store = forwardAppends(new SqliteEvidenceStore({ path }), (items) => askPrimary(items));
 */
export function forwardAppends(store: EvidenceStore, forward: AppendForwarder): EvidenceStore {
  let batch: { item: PreparedAppend; resolve: (ref: EvidenceRef) => void; reject: (error: unknown) => void }[] = [];
  const inFlight = new Set<Promise<unknown>>();
  const send = (): void => {
    if (batch.length === 0) return; // close() sent it already
    const sent = batch;
    batch = [];
    const answered = forward(sent.map((w) => w.item)).then(
      (answers) =>
        sent.forEach((waiting, i) => {
          const answer = answers[i];
          if (answer === undefined)
            waiting.reject(errorOf({ code: '', message: 'the evidence writer did not answer' }));
          else if ('ref' in answer) waiting.resolve(answer.ref);
          else waiting.reject(errorOf(answer.error));
        }),
      (error: unknown) => {
        const failed = new EleanorError(
          'EVIDENCE_UNAVAILABLE',
          `the evidence writer is unreachable — ${String(error)}`,
          {
            cause: error,
          },
        );
        for (const waiting of sent) waiting.reject(failed);
      },
    );
    inFlight.add(answered);
    void answered.finally(() => inFlight.delete(answered));
  };
  return {
    kind: store.kind,
    ready: () => store.ready(),
    async append(request: AppendRequest): Promise<EvidenceRef> {
      const item = prepareAppend(request);
      return new Promise<EvidenceRef>((resolve, reject) => {
        // One macrotask lets every evaluation finishing in this turn join the message, as a group commit does.
        if (batch.length === 0) setImmediate(send);
        batch.push({ item, resolve, reject });
      });
    },
    entries: (traceId, chain) => store.entries(traceId, chain),
    traceRows: (traceId, chain) => store.traceRows(traceId, chain),
    rowsBetween: (chain, from, to) => store.rowsBetween(chain, from, to),
    appendCheckpoints: (checkpoints) => store.appendCheckpoints(checkpoints),
    checkpoints: (query) => store.checkpoints(query),
    reviews: (query) => store.reviews(query),
    reviewPage: (query) => store.reviewPage(query),
    verify: (chain) => store.verify(chain),
    export: (query) => store.export(query),
    async close() {
      while (batch.length > 0 || inFlight.size > 0) {
        if (batch.length > 0) send();
        await Promise.allSettled([...inFlight]);
      }
      await store.close();
    },
  };
}
