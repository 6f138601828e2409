// The engine: validate → obtain the response → orchestrate the critics → decide and gate → the Evaluation.
import { randomUUID } from 'node:crypto';
import { checkConfig } from '../core/index.js';
import { EleanorError } from '../core/index.js';
import { Orchestrator } from '../core/index.js';
import type { CriticOutcome, RunScope } from '../core/index.js';
import type { ExecutionGrant, ReviewQueue } from '../evidence/index.js';
import type { EvidenceStore } from '../evidence/index.js';
import { composeHooks } from '../infra/index.js';
import { createModelAdapter } from '../models/index.js';
import type { ModelAdapter } from '../models/index.js';
import type { EngineConfig } from './config.js';
import { engineConfigSchema } from './config/schema.js';
import { setUpCritics } from './critic-setup.js';
import { type CriticInfo } from '../verdict/index.js';
import { decide, type DecisionResult } from '../verdict/index.js';
import { setUpEvidence } from './evidence-setup.js';
import { eachInfra } from './infra.js';
import { setUpInfrastructure, type InfrastructureHandles } from './infra-setup.js';
import { setUpTransport } from './transport-setup.js';
import { generateResponse, type Generator } from './generate.js';
import { conversationInput, type GuardRequest } from './conversation.js';
import { inputOnlyView } from './input-only.js';
import { runStaged, type StagedRunner } from './stages.js';
import { guardStream, type GuardStreamEvent, type GuardStreamOptions } from './stream-guard.js';
import { checkOptions, checkRequest, checkScope, DEFAULT_LIMITS, type RequestLimits } from './request.js';
import { type EvaluateOptions, type EvaluateRequest } from './types.js';
import {
  DEFAULT_PRIORITY_ORDER,
  DEFAULT_THRESHOLDS,
  type DecisionThresholds,
  type Evaluation,
  type EvaluationMode,
  type FailurePolicy,
  type Stages,
} from '../verdict/index.js';

export interface Engine {
  /** Governs one request; rejects only for a bad request (INVALID_INPUT), a closed engine or a failed generation. */
  evaluate(request: EvaluateRequest, options?: EvaluateOptions): Promise<Evaluation>;
  /**
   * Resolves once the infrastructure's connections (the Redis cache tier) are made, or have failed: a Redis that is
   * down is listed in `degraded`, never a rejection. Idempotent and bounded (the connect timeout). Optional: without
   * it the first evaluation's cache reads wait for the connection, but only within the tier's `timeoutMs`.
   */
  ready(): Promise<void>;
  /**
   * Governs a chat conversation (OpenAI's `messages`): the input stage reads the latest user or tool turn with the
   * recent ones before it, while `options.generate` (or the model adapter) answers; a denied input aborts it.
   * @example
   * const evaluation = await engine.guard(
   *   { messages: [{ role: 'user', content: 'How do I reset my router?' }] },
   *   { generate: (signal) => callMyModel(signal) },
   * );
   */
  guard(request: GuardRequest, options?: EvaluateOptions): Promise<Evaluation>;
  /**
   * Governs a streamed answer as it streams: checked text as it is released (at most `windowChars` held back), then
   * the evaluation; a window that fails stops the stream and nothing of it is released (docs/proxy.md).
   */
  guardStream(request: GuardRequest, options: GuardStreamOptions): AsyncGenerator<GuardStreamEvent>;
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
  const onInputEscalate = cfg.onInputEscalate ?? 'continue';
  const decideOn = (outcomes: Record<string, CriticOutcome>): DecisionResult =>
    decide({ outcomes, thresholds, priorityOrder, failurePolicyOf });
  const stagedRunner: StagedRunner = { orchestrator, critics: info, decideOn };

  /** The engine's model adapter as a generator for one request, or undefined without one. */
  function modelGenerator(request: EvaluateRequest, traceId: string): Generator | undefined {
    if (model === undefined) return undefined;
    const ask = { inputText: request.inputText, context: request.context ?? {}, traceId };
    return Object.assign((signal: AbortSignal) => model.generate(ask, { signal }), { modelName: model.name });
  }

  /** One run of the critics on a given response (or on the input alone, with only the critics that read it). */
  async function runOnce(
    request: EvaluateRequest,
    mode: EvaluationMode,
    traceId: string,
    scope: RunScope,
    deadlineMs: number,
    opts: EvaluateOptions,
  ): Promise<{ outcomes: Record<string, CriticOutcome>; modelResponse: string; stages?: Stages }> {
    const modelResponse = mode === 'input' ? '' : (request.modelResponse ?? '');
    const inputOnly = mode === 'input' && inputReaders !== undefined;
    const onOutcome = opts.onOutcome;
    const ran = await orchestrator.run(
      { inputText: request.inputText, modelResponse, context: request.context ?? {}, traceId },
      {
        deadlineMs,
        scope,
        ...(opts.signal && { signal: opts.signal }),
        ...(inputOnly && { only: inputReaders }),
        ...(onOutcome && { onOutcome: inputOnly ? (o) => onOutcome(inputOnlyOutcome(o)) : onOutcome }),
      },
    );
    const outcomes = inputOnly
      ? Object.fromEntries(Object.entries(ran).map(([name, o]) => [name, inputOnlyOutcome(o)]))
      : ran;
    return { outcomes, modelResponse };
  }

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
      const generator =
        request.modelResponse === undefined ? (opts.generate ?? modelGenerator(request, traceId)) : undefined;
      const mode: EvaluationMode =
        request.modelResponse === '' || (request.modelResponse === undefined && generator === undefined)
          ? 'input'
          : 'conversation';
      const governed =
        generator !== undefined
          ? await runStaged(stagedRunner, {
              inputText: request.inputText,
              context: request.context ?? {},
              traceId,
              scope,
              deadlineAt: start + deadlineMs,
              onInputEscalate: opts.onInputEscalate ?? onInputEscalate,
              generate: (signal, stage) => generateResponse(generator, deadlineMs, limits, signal, stage),
              ...(opts.signal && { signal: opts.signal }),
              ...(opts.onOutcome && { onOutcome: opts.onOutcome }),
            })
          : await runOnce(request, mode, traceId, scope, Math.max(1, deadlineMs - (performance.now() - start)), opts);
      const { outcomes, modelResponse } = governed;
      const result = decideOn(outcomes);
      const infraDegraded = eachInfra(infra, (piece) => piece.degraded?.() ?? [], reportInfra).flat();
      evaluation = {
        traceId,
        ...result,
        degraded: [...result.degraded, ...infraDegraded],
        critics: outcomes,
        evidence: null,
        durationMs: performance.now() - start,
        modelResponse,
        mode: governed.stages?.stoppedAt === 'input' ? 'input' : mode,
        versions: { ...criticVersions },
        ...(governed.stages && { stages: governed.stages }),
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

  /** An evaluation close() waits for. */
  function tracked(run: () => Promise<Evaluation>): Promise<Evaluation> {
    const pending = run();
    inflight.add(pending);
    void pending.then(
      () => inflight.delete(pending),
      () => inflight.delete(pending),
    );
    return pending;
  }

  /** A conversation governed as one evaluation (see Engine.guard). */
  function guard(request: GuardRequest, options?: EvaluateOptions): Promise<Evaluation> {
    return tracked(async () => {
      const { inputText, context } = conversationInput(request);
      const traceId = request.traceId === undefined ? {} : { traceId: request.traceId };
      return evaluate({ inputText, context, ...traceId }, options);
    });
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
    guard,
    guardStream: (request, options) => guardStream(guard, request, options),
    evaluate: (request, options) => tracked(() => evaluate(request, options)),
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
