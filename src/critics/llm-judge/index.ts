// The LLM-judge critic: an OpenAI-compatible model judges the response against one principle, with one repair turn.
import { createHash } from 'node:crypto';
import type { CriticContext, CriticInput, Finding } from '../../core/index.js';
import type { ChatCompletionMessageParam } from 'openai/resources/chat/completions';
import { createChatEndpoint, TRACE_HEADER, type ChatEndpoint, type ChatReply } from '../../models/index.js';
import { parseConfig } from '../../models/index.js';
import { llmJudgeConfigSchema, type LlmJudgeOptions } from './config.js';
import { verdictToFinding } from './finding.js';
import { judgeMessages, repairMessages } from './prompt.js';
import { checkVerdict, VERDICT_JSON_SCHEMA, VERDICT_SCHEMA_NAME } from './verdict.js';

export { llmJudgeConfigSchema, type LlmJudgeConfig, type LlmJudgeOptions } from './config.js';
export { VERDICT_JSON_SCHEMA, verdictSchema, type Verdict } from './verdict.js';

/** The version of this critic's code and prompt wording. */
const CODE_VERSION = '1.0.0';

/** The judge gave no valid verdict, even after the repair turn. */
export class LlmJudgeOutputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'LlmJudgeOutputError';
  }
}

/** A CriticSpec-compatible critic (pass it to the Orchestrator as is). */
export interface LlmJudgeCritic {
  readonly name: string;
  /** `1.0.0+<hash>`: the hash covers what changes verdicts (prompt, principle, model, temperature), so caches keyed by version never serve another judge's verdict. */
  readonly version: string;
  readonly principle: string;
  evaluate(input: CriticInput, ctx: CriticContext): Promise<Finding>;
}

function versionOf(options: LlmJudgeOptions, temperature: number): string {
  const hash = createHash('sha256')
    .update(JSON.stringify([options.prompt, options.principle, options.model, temperature]))
    .digest('hex')
    .slice(0, 12);
  return `${CODE_VERSION}+${hash}`;
}

/**
 * Builds the critic; throws EleanorError INVALID_CONFIG naming every bad option.
 * @example
 * const judge = createLlmJudgeCritic({
 *   name: 'tone', principle: 'dignity', prompt: 'Is the answer respectful?',
 *   endpoint: 'http://127.0.0.1:8080/v1', model: 'local-model',
 * });
 */
export function createLlmJudgeCritic(options: LlmJudgeOptions): LlmJudgeCritic {
  const name: unknown = (options as { name?: unknown } | null)?.name;
  const label = typeof name === 'string' ? `llm-judge critic '${name}'` : 'llm-judge critic';
  const config = parseConfig(llmJudgeConfigSchema, options, label);
  const temperature = config.temperature ?? 0;
  const endpoint: ChatEndpoint = createChatEndpoint({
    baseURL: config.endpoint,
    apiKey: config.apiKey,
    timeoutMs: config.timeoutMs ?? 30_000,
  });
  const identity = { name: config.name, principle: config.principle, model: config.model };
  const responseFormat = {
    type: 'json_schema',
    json_schema: { name: VERDICT_SCHEMA_NAME, strict: true, schema: VERDICT_JSON_SCHEMA },
  } as const;

  const ask = (messages: ChatCompletionMessageParam[], input: CriticInput, signal: AbortSignal): Promise<ChatReply> =>
    endpoint.complete(
      { model: config.model, messages, temperature, response_format: responseFormat },
      { signal, headers: { [TRACE_HEADER]: input.traceId } },
    );

  return {
    name: config.name,
    version: versionOf(config, temperature),
    principle: config.principle,
    async evaluate(input, ctx) {
      const messages = judgeMessages(config, input);
      const first = await ask(messages, input, ctx.signal);
      const firstCheck = checkVerdict(first.content, first.refusal);
      if (firstCheck.ok)
        return verdictToFinding(firstCheck.verdict, identity, input.modelResponse, { repaired: false });

      const second = await ask(repairMessages(messages, first.content, firstCheck.problems), input, ctx.signal);
      const secondCheck = checkVerdict(second.content, second.refusal);
      if (secondCheck.ok)
        return verdictToFinding(secondCheck.verdict, identity, input.modelResponse, { repaired: true });
      throw new LlmJudgeOutputError(
        `judge '${config.name}' (model ${config.model} at ${endpoint.url}) gave no valid verdict after one repair: ` +
          `${secondCheck.problems} (first reply: ${firstCheck.problems})`,
      );
    },
  };
}
