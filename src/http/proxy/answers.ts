// The proxy's answers in OpenAI's wire shapes: completions, refusals, held answers, stream chunks and errors.
import type { ChatCompletion, ChatCompletionChunk } from 'openai/resources/chat/completions';
import type { ProxyConfig } from '../../engine/index.js';
import type { Evaluation } from '../../verdict/index.js';
import { HttpError } from '../errors.js';

export const DEFAULT_REFUSAL = "I can't help with that.";

/** The configuration's answering policies with their defaults filled in. */
export interface ProxyPolicy {
  readonly onDeny: 'refuse' | 'error';
  readonly onEscalate: 'refuse' | 'allow' | 'hold';
  readonly refusal: string;
}

export function policyOf(config: ProxyConfig): ProxyPolicy {
  return {
    onDeny: config.onDeny ?? 'refuse',
    onEscalate: config.onEscalate ?? 'refuse',
    refusal: config.refusal ?? DEFAULT_REFUSAL,
  };
}

/** A denial under `onDeny: error`: 403, answered in OpenAI's error shape on the proxy's route. */
export function deniedError(policy: ProxyPolicy): HttpError {
  return new HttpError(403, 'EXECUTION_REFUSED', `denied by Eleanor: ${policy.refusal}`, '');
}

/** An escalation held under `onEscalate: hold` (202): recorded, released by execute once a reviewer approves it. */
export function heldAnswer(evaluation: Evaluation): unknown {
  return {
    id: `held-${evaluation.traceId}`,
    object: 'eleanor.held',
    message: `held for review: once a reviewer approves it, POST /v1/evaluations/${evaluation.traceId}/execute releases the answer`,
    eleanor: summaryOf(evaluation),
  };
}

/** What the proxy adds to each answer (the openai client ignores it): the decision and the rules behind it. */
export interface EleanorSummary {
  readonly traceId: string;
  readonly decision: Evaluation['decision'];
  /** The stage that decided: 'input' when the input stage stopped the model. */
  readonly stage: 'input' | 'output';
  readonly rules: string[];
  /** Where a streamed answer was cut (characters released before the cut). */
  readonly cutAt?: number;
}

export function summaryOf(evaluation: Evaluation): EleanorSummary {
  const cutAt = evaluation.stages?.output?.stream?.cutAt;
  return {
    traceId: evaluation.traceId,
    decision: evaluation.decision,
    stage: evaluation.stages?.stoppedAt === 'input' ? 'input' : 'output',
    rules: [...new Set(evaluation.violations.map((v) => v.rule))],
    ...(cutAt !== undefined && { cutAt }),
  };
}

/** The headers every proxy answer carries. */
export function eleanorHeaders(evaluation: Evaluation): Record<string, string> {
  return { 'x-eleanor-trace-id': evaluation.traceId, 'x-eleanor-decision': evaluation.decision };
}

/** The text the output critics govern in a completion: the first choice's content and any tool call's arguments. */
export function replyText(completion: ChatCompletion): string {
  const message = completion.choices?.[0]?.message;
  if (message === undefined) return '';
  const calls = (message.tool_calls ?? []).flatMap((call) =>
    call.type === 'function' ? [`${call.function.name}(${call.function.arguments})`] : [],
  );
  return [message.content ?? '', ...calls].filter((text) => text !== '').join('\n');
}

/** A completion whose answer is the refusal, finish_reason "content_filter". */
export function refusalCompletion(
  model: string,
  refusal: string,
  evaluation: Evaluation,
  upstream?: ChatCompletion,
): ChatCompletion & { eleanor: EleanorSummary } {
  return {
    id: upstream?.id ?? `chatcmpl-eleanor-${evaluation.traceId}`,
    object: 'chat.completion',
    created: upstream?.created ?? Math.floor(Date.now() / 1000),
    model: upstream?.model ?? model,
    choices: [
      {
        index: 0,
        message: { role: 'assistant', content: refusal, refusal: null },
        finish_reason: 'content_filter',
        logprobs: null,
      },
    ],
    ...(upstream?.usage && { usage: upstream.usage }),
    eleanor: summaryOf(evaluation),
  };
}

/** A stream chunk carrying `content` (and, on the last, the finish reason). */
export function chunkOf(
  base: { id: string; model: string; created: number },
  delta: ChatCompletionChunk.Choice.Delta,
  finishReason: ChatCompletionChunk.Choice['finish_reason'] = null,
): ChatCompletionChunk {
  return {
    id: base.id,
    object: 'chat.completion.chunk',
    created: base.created,
    model: base.model,
    choices: [{ index: 0, delta, finish_reason: finishReason, logprobs: null }],
  };
}
