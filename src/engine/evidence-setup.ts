// The engine's recorder: opens the configured evidence store and appends each evaluation, strictly or in the background.
import { EleanorError } from '../core/index.js';
import type { EvidenceConfig } from '../evidence/index.js';
import { evaluationPayload, type RecordSource } from '../evidence/index.js';
import { checkpointSigningKey, createCheckpointer } from '../evidence/index.js';
import { withCheckpoints } from '../evidence/index.js';
import { openEvidenceStore } from '../evidence/index.js';
import {
  authorizeExecution,
  createReviewQueue,
  type ExecutionGrant,
  type ReviewQueue,
  type TraceScope,
} from '../evidence/index.js';
import type { Checkpoint, EvidenceRef, EvidenceStore } from '../evidence/index.js';

export const DEFAULT_CHAIN = 'default';

export interface Recorder {
  readonly store: EvidenceStore | null;
  readonly reviews: ReviewQueue;
  /**
   * Refuses at once (EVIDENCE_CONFLICT), before any critic runs, a caller's trace id already on record in the chain or
   * being evaluated there now; resolves with the release to call once the evaluation is recorded (or failed).
   */
  claim(traceId: string, chain: string | undefined): Promise<() => void>;
  /** Strict: resolves with the committed record's place; async: null at once (failures are logged). */
  record(source: RecordSource, chain: string | undefined): Promise<EvidenceRef | null>;
  execute(traceId: string, scope?: TraceScope): Promise<ExecutionGrant>;
  close(): Promise<void>;
}

function evidenceOff(): EleanorError {
  return new EleanorError('EVIDENCE_UNAVAILABLE', 'evidence is off (`evidence: false`): nothing is on record');
}

export function setUpEvidence(
  config: EvidenceConfig | undefined,
  baseDir: string,
  warn: (error: unknown, message: string) => void,
  onCheckpoint?: (checkpoint: Checkpoint) => void,
): Recorder {
  if (config === false) {
    return {
      store: null,
      reviews: {
        list: () => Promise.reject(evidenceOff()),
        page: () => Promise.reject(evidenceOff()),
        decide: () => Promise.reject(evidenceOff()),
      },
      claim: () => Promise.resolve(() => undefined),
      record: () => Promise.resolve(null),
      execute: () => Promise.reject(evidenceOff()),
      close: () => Promise.resolve(),
    };
  }
  const settings = config ?? {};
  const checkpoints = settings.checkpoints;
  const key = checkpoints === undefined ? undefined : checkpointSigningKey(checkpoints, baseDir);
  const opened = openEvidenceStore(settings, baseDir);
  const checkpointer =
    checkpoints === undefined || key === undefined
      ? undefined
      : createCheckpointer(opened.store, checkpoints, key, baseDir, warn, onCheckpoint);
  const store = checkpointer === undefined ? opened.store : withCheckpoints(opened.store, checkpointer);
  const owned = opened.owned;
  const strict = settings.mode !== 'async';
  const redaction = settings.redact ?? 'none';
  const defaultChain = settings.chain ?? DEFAULT_CHAIN;
  const background = new Set<Promise<unknown>>();
  const claimed = new Set<string>();
  return {
    store,
    reviews: createReviewQueue(store, key),
    async claim(traceId, chain) {
      const where = chain ?? defaultChain;
      const slot = `${where}\u0000${traceId}`;
      const conflict = (): EleanorError =>
        new EleanorError(
          'EVIDENCE_CONFLICT',
          `trace '${traceId}' already has an evaluation record in chain '${where}'`,
        );
      if (claimed.has(slot)) throw conflict();
      claimed.add(slot);
      try {
        if ((await store.traceRows(traceId, where)).some((r) => r.kind === 'evaluation')) throw conflict();
      } catch (error) {
        claimed.delete(slot);
        throw error;
      }
      return () => claimed.delete(slot);
    },
    async record(source, chain) {
      const evaluation = source.evaluation;
      const append = store.append({
        chain: chain ?? defaultChain,
        kind: 'evaluation',
        traceId: evaluation.traceId,
        requiredAction: evaluation.gate.requiredAction,
        payload: evaluationPayload({ ...source, redaction }),
      });
      if (strict) return append;
      const tracked = append.catch((error: unknown) =>
        warn(error, `eleanor: the evidence record of '${evaluation.traceId}' could not be written`),
      );
      background.add(tracked);
      void tracked.finally(() => background.delete(tracked));
      return null;
    },
    execute: (traceId, scope) =>
      authorizeExecution(
        store,
        traceId,
        {
          ...(key && { reviewKey: key.publicKey }),
          ...(checkpointer && { covering: (chain: string, seq: number) => checkpointer.covering(chain, seq) }),
        },
        scope,
      ),
    async close() {
      await Promise.allSettled([...background]);
      // The last checkpoints are signed over everything appended, before the store closes.
      try {
        await checkpointer?.close();
      } finally {
        if (owned) await store.close();
      }
    },
  };
}
