// An evidence store whose appends are counted towards signed checkpoints; everything else is the store's own.
import type { Checkpointer } from './checkpoints.js';
import type {
  AppendRequest,
  Checkpoint,
  CheckpointQuery,
  EvidenceRef,
  EvidenceStore,
  ExportQuery,
  ReviewQuery,
} from './types.js';

export function withCheckpoints(store: EvidenceStore, checkpointer: Checkpointer): EvidenceStore {
  return {
    kind: store.kind,
    ready: () => store.ready(),
    async append(request: AppendRequest): Promise<EvidenceRef> {
      const ref = await store.append(request);
      checkpointer.noteAppend(ref);
      return ref;
    },
    entries: (traceId: string, chain?: string) => store.entries(traceId, chain),
    traceRows: (traceId: string, chain?: string) => store.traceRows(traceId, chain),
    appendCheckpoints: (checkpoints: readonly Checkpoint[]) => store.appendCheckpoints(checkpoints),
    checkpoints: (query?: CheckpointQuery) => store.checkpoints(query),
    rowsBetween: (chain: string, from: number, to: number) => store.rowsBetween(chain, from, to),
    reviews: (query?: ReviewQuery) => store.reviews(query),
    reviewPage: (query?: ReviewQuery) => store.reviewPage(query),
    verify: (chain?: string) => store.verify(chain),
    export: (query?: ExportQuery) => store.export(query),
    // The owner closes the checkpointer first (its last checkpoints read the store), then the store.
    close: () => store.close(),
  };
}
