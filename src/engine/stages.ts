// Staged governance of a generated response: the input stage runs while the model generates and stops it on deny.
import type { CriticOutcome, RunScope } from '../core/index.js';
import type { Orchestrator } from '../core/index.js';
import type { CriticInfo } from '../verdict/index.js';
import type { DecisionResult } from '../verdict/index.js';
import type { InputEscalatePolicy, StageReport, Stages, StreamReport } from '../verdict/index.js';
import type { GeneratedText, GenerationStage } from './types.js';

const STOPPED_SKIP = 'reads the response; the input stage stopped the evaluation before the model answered';

/** What a staged run needs from its engine. */
export interface StagedRunner {
  readonly orchestrator: Orchestrator;
  readonly critics: readonly CriticInfo[];
  readonly decideOn: (outcomes: Record<string, CriticOutcome>) => DecisionResult;
}

export interface StagedRequest {
  readonly inputText: string;
  readonly context: Record<string, unknown>;
  readonly traceId: string;
  readonly scope: RunScope;
  readonly deadlineAt: number;
  readonly signal?: AbortSignal;
  readonly onOutcome?: (outcome: CriticOutcome) => void;
  readonly onInputEscalate: InputEscalatePolicy;
  /** Starts the model's call under `signal`, which aborts when the input stage stops the evaluation. */
  readonly generate: (signal: AbortSignal, stage: GenerationStage) => Promise<string | GeneratedText>;
}

export interface StagedResult {
  readonly outcomes: Record<string, CriticOutcome>;
  readonly modelResponse: string;
  readonly stages: Stages;
}

/** The reason the model's call is aborted with when the input stage stops the evaluation. */
export class InputStageStop extends Error {
  constructor(readonly decision: 'deny' | 'escalate') {
    super(`the input stage decided ${decision}; the model's call is no longer needed`);
    this.name = 'InputStageStop';
  }
}

function stageReport(
  decision: DecisionResult['decision'],
  critics: readonly string[],
  startedAt: number,
  stream?: StreamReport,
): StageReport {
  return { decision, critics: [...critics], durationMs: performance.now() - startedAt, ...(stream && { stream }) };
}

/** The stage a decision ends the evaluation at: deny always; escalate when the policy holds it. */
function stops(decision: DecisionResult['decision'], policy: InputEscalatePolicy): decision is 'deny' | 'escalate' {
  return decision === 'deny' || (decision === 'escalate' && policy === 'hold');
}

/**
 * Runs the input stage (critics that read the input) concurrently with the model's call. A deny — or an escalate under
 * `hold` — aborts the call and returns at once; otherwise the output stage (critics that read the response) runs on
 * the response, and each critic's outcome is the one of the last stage it ran in.
 */
export async function runStaged(runner: StagedRunner, request: StagedRequest): Promise<StagedResult> {
  const inputCritics = runner.critics.filter((c) => c.reads !== 'response').map((c) => c.name);
  const outputCritics = runner.critics.filter((c) => c.reads !== 'input').map((c) => c.name);
  const inputOnly = new Set(runner.critics.filter((c) => c.reads === 'input').map((c) => c.name));
  const remaining = (): number => Math.max(1, request.deadlineAt - performance.now());
  const run = (
    modelResponse: string,
    only: readonly string[],
    onOutcome?: (outcome: CriticOutcome) => void,
    scope: RunScope = request.scope,
  ): Promise<Record<string, CriticOutcome>> =>
    runner.orchestrator.run(
      { inputText: request.inputText, modelResponse, context: request.context, traceId: request.traceId },
      {
        deadlineMs: remaining(),
        scope,
        only,
        ...(request.signal && { signal: request.signal }),
        ...(onOutcome && { onOutcome }),
      },
    );
  let passInput!: () => void;
  let stopInput!: (reason: unknown) => void;
  const inputPassed = new Promise<void>((resolve, reject) => ((passInput = resolve), (stopInput = reject)));
  inputPassed.catch(() => undefined); // a generator that never waits for it must not leave a rejection unhandled
  const stage: GenerationStage = {
    inputPassed,
    // Each window is a run of its own (its own scope): it may overlap the stages' runs of the same critics.
    checkWindow: async (text) => runner.decideOn(pick(await run(text, outputCritics, undefined, {}), outputCritics)),
  };
  const stop = new AbortController();
  const generation = request.generate(
    request.signal ? AbortSignal.any([request.signal, stop.signal]) : stop.signal,
    stage,
  );
  generation.catch(() => undefined); // awaited below unless the input stage stops the evaluation first
  // One turn of the event loop first, so the model's request goes out before the input critics take the CPU.
  await new Promise((resolve) => setImmediate(resolve));

  const inputStarted = performance.now();
  const listener = request.onOutcome;
  const inputOutcomes = await run(
    '',
    inputCritics,
    listener && ((outcome) => inputOnly.has(outcome.critic) && listener(outcome)),
  );
  const inputDecision = runner.decideOn(pick(inputOutcomes, inputCritics)).decision;
  const input = stageReport(inputDecision, inputCritics, inputStarted);
  if (stops(inputDecision, request.onInputEscalate)) {
    const reason = new InputStageStop(inputDecision);
    stopInput(reason);
    stop.abort(reason);
    const outcomes = Object.fromEntries(
      Object.entries(inputOutcomes).map(([name, o]) => [name, o.status === 'skipped' ? stoppedSkip(o) : o]),
    );
    if (listener) for (const name of inputCritics) if (!inputOnly.has(name)) listener(outcomes[name]!);
    return { outcomes, modelResponse: '', stages: { input, stoppedAt: 'input' } };
  }
  passInput();
  const generated = await generation;
  const modelResponse = typeof generated === 'string' ? generated : generated.text;
  const outputStarted = performance.now();
  const outputOutcomes = await run(
    modelResponse,
    outputCritics,
    listener && ((outcome) => !inputOnly.has(outcome.critic) && listener(outcome)),
  );
  const outcomes = Object.fromEntries(
    Object.keys(outputOutcomes).map((name) => [
      name,
      inputOnly.has(name) ? inputOutcomes[name]! : outputOutcomes[name]!,
    ]),
  );
  const outputDecision = runner.decideOn(pick(outputOutcomes, outputCritics)).decision;
  const stream = typeof generated === 'string' ? undefined : generated.stream;
  const output = stageReport(outputDecision, outputCritics, outputStarted, stream);
  return { outcomes, modelResponse, stages: { input, output } };
}

function pick(outcomes: Record<string, CriticOutcome>, names: readonly string[]): Record<string, CriticOutcome> {
  return Object.fromEntries(names.map((name) => [name, outcomes[name]!]));
}

function stoppedSkip(outcome: CriticOutcome): CriticOutcome {
  return { ...outcome, finding: { ...outcome.finding, justification: STOPPED_SKIP } };
}
