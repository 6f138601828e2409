// The engine: validate → obtain the response → orchestrate the critics → decide and gate → the Evaluation.
import { randomUUID } from 'node:crypto';
import { checkConfig } from '../core/config-issues.js';
import { EleanorError } from '../core/errors.js';
import { Orchestrator } from '../core/orchestrator.js';
import type { RunScope } from '../core/types.js';
import type { ExecutionGrant, ReviewQueue } from '../evidence/reviews.js';
import type { EvidenceStore } from '../evidence/types.js';
import { composeHooks } from '../infra/compose-hooks.js';
import { createModelAdapter } from '../models/index.js';
import type { ModelAdapter } from '../models/model-adapter.js';
import type { EngineConfig } from './config.js';
import { engineConfigSchema } from './config/schema.js';
import { setUpCritics } from './critic-setup.js';
import { type CriticInfo } from '../verdict/critic-info.js';
import { decide } from '../verdict/decide.js';
import { setUpEvidence } from './evidence-setup.js';
import { eachInfra } from './infra.js';
import { setUpInfrastructure, type InfrastructureHandles } from './infra-setup.js';
import { setUpTransport } from './transport-setup.js';
import { generateResponse } from './generate.js';
import { inputOnlyView } from './input-only.js';
import { checkOptions, checkRequest, checkScope, DEFAULT_LIMITS, type RequestLimits } from './request.js';
import { type EvaluateOptions, type EvaluateRequest } from './types.js';
import {
  DEFAULT_PRIORITY_ORDER,
  DEFAULT_THRESHOLDS,
  type DecisionThresholds,
  type Evaluation,
  type EvaluationMode,
  type FailurePolicy,
} from '../verdict/types.js';

export interface Engine {
  /** Governs one request; rejects only for a bad request (INVALID_INPUT), a closed engine or a failed generation. */
  evaluate(request: EvaluateRequest, options?: EvaluateOptions): Promise<Evaluation>;
  /**
   * Resolves once the infrastructure's connections (the Redis cache tier) are made, or have failed: a Redis that is
   * down is listed in `degraded`, never a rejection. Idempotent and bounded (the connect timeout). Optional: without
   * it the first evaluation's cache reads wait for the connection, but only within the tier's `timeoutMs`.
   */
  ready(): Promise<void>;
  /** Stops accepting evaluations and waits for those under way. */
  close(): Promise<void>;
  /** The configured critics, their kind, version and failure policy. */
  readonly critics: readonly CriticInfo[];
  readonly orchestrator: Orchestrator;
  /** What the configuration's `infrastructure` section built (empty without one). */
  readonly infrastructure: InfrastructureHandles;
  /** The evidence store evaluations are recorded in (verify, entries, export), or null with `evidence: false`. */
  readonly evidence: EvidenceStore | null;
  /** The human-review queue: gated evaluations and their reviewers' decisions. */
  readonly reviews: ReviewQueue;
  /**
   * The execution gate: the recorded response, only if allowed outright or approved by its reviewer, and only if its
   * records verify. Trace ids are scoped per chain: name the chain when the id is on record in more than one.
   */
  execute(traceId: string, options?: { chain?: string }): Promise<ExecutionGrant>;
}

export const DEFAULT_CRITIC_TIMEOUT_MS = 5_000;
export const DEFAULT_DEADLINE_MS = 10_000;

function parseConfig(config: unknown): EngineConfig {
  const checked = checkConfig(engineConfigSchema, config ?? {});
  if (!checked.success) {
    throw new EleanorError('INVALID_CONFIG', `Invalid engine configuration — ${checked.problems.join('; ')}`);
  }
  return config as EngineConfig;
}

function isAdapter(model: EngineConfig['model']): model is ModelAdapter {
  return typeof (model as ModelAdapter | undefined)?.generate === 'function';
}

/**
 * Builds an engine from a configuration (validated; INVALID_CONFIG names the field).
 * @example
 * const engine = createEngine({ evidence: false });
 * const evaluation = await engine.evaluate({ inputText: 'How do I reset my router?', modelResponse: 'Unplug it.' });
 * evaluation.decision; // 'allow'
 */
export function createEngine(config: EngineConfig = {}): Engine {
  const cfg = parseConfig(config);
  const { specs, info } = setUpCritics(cfg);
  const criticVersions: Record<string, string> = Object.fromEntries(
    specs.flatMap((spec) => (spec.version === undefined ? [] : [[spec.name ?? '', spec.version]])),
  );
  const logger = cfg.logger ?? {
    warn: (details: Record<string, unknown>, message: string) => console.warn(message, details),
  };
  const remote = setUpTransport(
    cfg.transport,
    specs.map((spec) => spec.name ?? ''),
    logger,
  );
  const configured = setUpInfrastructure(
    cfg.infrastructure,
    specs.map((spec) => ({
      name: spec.name ?? '',
      version: spec.version,
      cache: cfg.critics?.[spec.name ?? '']?.cache !== false,
    })),
  );
  const infra = [...configured.pieces, ...(remote.piece ? [remote.piece] : []), ...(cfg.infra ?? [])];
  const hookSets = [...infra.flatMap((piece) => (piece.hooks ? [piece.hooks] : [])), ...(cfg.hooks ? [cfg.hooks] : [])];
  const reportInfra = (piece: string, error: unknown): void => {
    try {
      logger.warn({ infra: piece, err: error }, `eleanor: infrastructure '${piece}' failed; ignored`);
    } catch {
      // A broken logger must not fail an evaluation either.
    }
  };
  const orchestrator = new Orchestrator({
    critics: specs,
    timeoutMs: cfg.timeoutMs ?? DEFAULT_CRITIC_TIMEOUT_MS,
    ...(cfg.concurrency !== undefined && { concurrency: cfg.concurrency }),
    ...(hookSets.length === 1 && { hooks: hookSets[0]! }),
    ...(hookSets.length > 1 && { hooks: composeHooks(hookSets) }),
    ...(remote.transport && { transport: remote.transport }),
    logger,
  });
  configured.bind(orchestrator);
  const model = cfg.model === undefined ? undefined : isAdapter(cfg.model) ? cfg.model : createModelAdapter(cfg.model);
  const limits: RequestLimits = { ...DEFAULT_LIMITS, ...cfg.limits };
  const thresholds: DecisionThresholds = { ...DEFAULT_THRESHOLDS, ...cfg.decision };
  const priorityOrder = cfg.priorityOrder ?? DEFAULT_PRIORITY_ORDER;
  const policies = new Map<string, FailurePolicy>(info.map((c) => [c.name, c.failurePolicy]));
  const failurePolicyOf = (critic: string): FailurePolicy => policies.get(critic) ?? 'escalate';
  const defaultDeadline = cfg.deadlineMs ?? DEFAULT_DEADLINE_MS;
  const events = configured.handles.events;
  const recorder = setUpEvidence(
    cfg.evidence,
    cfg.baseDir ?? process.cwd(),
    (error, message) => reportInfra('evidence', Object.assign(new Error(message), { cause: error })),
    events && ((checkpoint) => events.emit('checkpoint', checkpoint)),
  );
  const inflight = new Set<Promise<unknown>>();
  let closed = false;
  const { inputReaders, inputOnlyOutcome } = inputOnlyView(info);

  async function evaluate(request: EvaluateRequest, options?: EvaluateOptions): Promise<Evaluation> {
    const start = performance.now();
    const startedAt = new Date().toISOString();
    if (closed) throw new EleanorError('ENGINE_CLOSED', 'the engine is closed; create a new one to evaluate');
    checkRequest(request, limits);
    const opts = checkOptions(options);
    const deadlineMs = opts.deadlineMs ?? defaultDeadline;
    const traceId = request.traceId ?? randomUUID();
    // A trace id of the caller's that is on record (or under way) in the chain is refused before any critic runs.
    const release = request.traceId === undefined ? undefined : await recorder.claim(traceId, opts.chain);
    // This evaluation's identity for the infrastructure and the hooks: per-run state never keys on the trace id.
    const scope: RunScope = {};
    const finishers = eachInfra(infra, (piece) => piece.evaluationStarted?.(traceId, scope), reportInfra).filter(
      (f): f is (evaluation: Evaluation) => void => f !== undefined,
    );
    let evaluation: Evaluation;
    try {
      // Signals for generation are made only when the response must be generated.
      const mode: EvaluationMode =
        request.modelResponse === '' || (request.modelResponse === undefined && model === undefined)
          ? 'input'
          : 'conversation';
      const modelResponse =
        mode === 'input'
          ? ''
          : (request.modelResponse ??
            (await generateResponse(model, request, traceId, deadlineMs, limits, opts.signal)));
      const remaining = Math.max(1, deadlineMs - (performance.now() - start));
      const inputOnly = mode === 'input' && inputReaders !== undefined;
      const onOutcome = opts.onOutcome;
      const ran = await orchestrator.run(
        { inputText: request.inputText, modelResponse, context: request.context ?? {}, traceId },
        {
          deadlineMs: remaining,
          scope,
          ...(opts.signal && { signal: opts.signal }),
          ...(inputOnly && { only: inputReaders }),
          ...(onOutcome && { onOutcome: inputOnly ? (o) => onOutcome(inputOnlyOutcome(o)) : onOutcome }),
        },
      );
      const outcomes = inputOnly
        ? Object.fromEntries(Object.entries(ran).map(([name, o]) => [name, inputOnlyOutcome(o)]))
        : ran;
      const result = decide({ outcomes, thresholds, priorityOrder, failurePolicyOf });
      const infraDegraded = eachInfra(infra, (piece) => piece.degraded?.() ?? [], reportInfra).flat();
      evaluation = {
        traceId,
        ...result,
        degraded: [...result.degraded, ...infraDegraded],
        critics: outcomes,
        evidence: null,
        durationMs: performance.now() - start,
        modelResponse,
        mode,
        versions: { ...criticVersions },
      };
      const source = {
        evaluation,
        inputText: request.inputText,
        context: request.context ?? {},
        startedAt,
        deadlineMs,
        critics: info,
      };
      evaluation.evidence = await recorder.record(source, opts.chain);
    } catch (error) {
      eachInfra(infra, (piece) => piece.evaluationFailed?.(traceId, error, scope), reportInfra);
      throw error;
    } finally {
      release?.();
    }
    for (const done of finishers) {
      try {
        done(evaluation);
      } catch (error) {
        reportInfra('evaluation listener', error);
      }
    }
    return evaluation;
  }

  remote.warmUp();
  return {
    critics: info,
    orchestrator,
    infrastructure: remote.piece
      ? {
          ...configured.handles,
          degraded: () => [...configured.handles.degraded(), ...(remote.piece?.degraded?.() ?? [])],
          ...(remote.stats && { transport: remote.stats }),
        }
      : configured.handles,
    evidence: recorder.store,
    reviews: recorder.reviews,
    execute: async (traceId, options) => recorder.execute(traceId, checkScope(options)),
    async ready() {
      await Promise.all(
        infra.map(async (piece) => {
          try {
            await piece.ready?.();
          } catch (error) {
            reportInfra(piece.name, error); // like any infrastructure fault: reported, never the caller's
          }
        }),
      );
    },
    evaluate(request, options) {
      const pending = evaluate(request, options);
      inflight.add(pending);
      void pending.then(
        () => inflight.delete(pending),
        () => inflight.delete(pending),
      );
      return pending;
    },
    async close() {
      closed = true;
      await Promise.allSettled([...inflight]);
      // Evidence first: its last checkpoints are still published on the event bus before the bus drains and closes.
      try {
        await recorder.close();
      } finally {
        await Promise.allSettled(infra.map((piece) => (piece.close ? piece.close() : Promise.resolve())));
      }
    },
  };
}
