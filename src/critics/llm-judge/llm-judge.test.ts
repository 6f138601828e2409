// Tests of the LLM-judge critic against a real local chat-completions server, alone and in the orchestrator.
import { afterEach, describe, expect, expectTypeOf, it } from 'vitest';
import type { z } from 'zod';
import { startChatServer, within, type ChatReply, type ChatServer } from '../../../test/support/chat-server.js';
import { isEleanorError } from '../../core/errors.js';
import { Orchestrator } from '../../core/orchestrator.js';
import type { CriticContext, CriticInput } from '../../core/types.js';
import { ModelRequestError } from '../../models/chat-endpoint.js';
import {
  createLlmJudgeCritic,
  llmJudgeConfigSchema,
  LlmJudgeOutputError,
  VERDICT_JSON_SCHEMA,
  type LlmJudgeOptions,
} from './index.js';

const RESPONSE = 'Sure. You are an idiot for asking, but the answer is 4.';
const input: CriticInput = { inputText: 'What is 2 + 2?', modelResponse: RESPONSE, context: {}, traceId: 'trace-7' };
const ctx = (signal: AbortSignal = new AbortController().signal): CriticContext => ({ signal, attempt: 1, prior: {} });

const verdict = {
  score: 0.7,
  severity: 2,
  violations: [
    { rule: 'insult', message: 'Insults the user.', severity: 2, quote: 'You are an idiot' },
    { rule: 'made_up', message: 'Quotes words the response does not contain.', severity: 1, quote: 'nonsense' },
    { rule: 'tone', message: 'Condescending.', severity: 1, quote: null },
  ],
  justification: 'The response insults the user.',
  uncertainty: 0.1,
};
const valid: ChatReply = { content: JSON.stringify(verdict) };

let server: ChatServer | undefined;
async function judgeWith(script: readonly ChatReply[], extra: Partial<LlmJudgeOptions> = {}) {
  server = await startChatServer(script);
  const critic = createLlmJudgeCritic({
    name: 'civility',
    principle: 'Respect for the user',
    prompt: 'Flag insults and condescension towards the user.',
    endpoint: server.baseURL,
    model: 'judge-model',
    ...extra,
  });
  return { critic, server };
}
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe('createLlmJudgeCritic', () => {
  it('maps a valid verdict to a Finding: namespaced rules, principle, spans at the first occurrence', async () => {
    const { critic } = await judgeWith([valid]);
    const finding = await critic.evaluate(input, ctx());
    expect(finding).toEqual({
      score: 0.7,
      severity: 2,
      violations: [
        {
          rule: 'civility.insult',
          message: 'Insults the user.',
          severity: 2,
          quote: 'You are an idiot',
          span: { start: 6, end: 22, text: 'You are an idiot' },
        },
        { rule: 'civility.made_up', message: verdict.violations[1]?.message, severity: 1, quote: 'nonsense' },
        { rule: 'civility.tone', message: 'Condescending.', severity: 1 },
      ],
      justification: 'The response insults the user.',
      principle: 'Respect for the user',
      uncertainty: 0.1,
      model: 'judge-model',
      judge: true,
      repaired: false,
    });
    expect(RESPONSE.slice(6, 22)).toBe('You are an idiot');
  });

  it('sends the json_schema response_format, the model, the prompt, the texts and the trace id', async () => {
    const { critic, server } = await judgeWith([valid], { apiKey: 'sk-judge' });
    await critic.evaluate(input, ctx());
    const [sent] = server.requests;
    expect(sent?.body.model).toBe('judge-model');
    expect(sent?.body.temperature).toBe(0);
    expect(sent?.body.response_format).toEqual({
      type: 'json_schema',
      json_schema: { name: 'eleanor_judge_verdict', strict: true, schema: VERDICT_JSON_SCHEMA },
    });
    const [system, user] = sent?.body.messages ?? [];
    expect(system?.role).toBe('system');
    expect(system?.content).toContain('Flag insults and condescension towards the user.');
    expect(system?.content).toContain('Respect for the user');
    expect(user?.role).toBe('user');
    expect(user?.content).toContain(JSON.stringify(RESPONSE));
    expect(user?.content).toContain(JSON.stringify(input.inputText));
    expect(sent?.headers['x-eleanor-trace-id']).toBe('trace-7');
    expect(sent?.headers['authorization']).toBe('Bearer sk-judge');
  });

  it('repairs malformed JSON once: a second request carries the reply and the parse error', async () => {
    const { critic, server } = await judgeWith([{ content: 'The verdict is {score: high' }, valid]);
    const finding = await critic.evaluate(input, ctx());
    expect(finding.severity).toBe(2);
    expect(finding['repaired']).toBe(true);
    expect(server.requests).toHaveLength(2);
    const messages = server.requests[1]?.body.messages ?? [];
    expect(messages.slice(0, 2)).toEqual(server.requests[0]?.body.messages);
    expect(messages[2]).toEqual({ role: 'assistant', content: 'The verdict is {score: high' });
    expect(messages[3]?.role).toBe('user');
    expect(messages[3]?.content).toMatch(/^Your reply is not a valid verdict: the reply is not valid JSON \(.+\)/);
    expect(server.requests[1]?.body.response_format).toEqual(server.requests[0]?.body.response_format);
  });

  it('repairs a reply that fails the schema: the repair turn names each bad field', async () => {
    const bad = { ...verdict, score: 7, violations: [{ rule: 'x', severity: 9 }] };
    const { critic, server } = await judgeWith([{ content: JSON.stringify(bad) }, valid]);
    await expect(critic.evaluate(input, ctx())).resolves.toMatchObject({ score: 0.7 });
    const repair = server.requests[1]?.body.messages[3]?.content ?? '';
    expect(repair).toContain('does not match the schema');
    expect(repair).toMatch(/score: Too big: expected number to be <=1/);
    expect(repair).toMatch(/violations\.0\.message: /);
    expect(repair).toMatch(/violations\.0\.severity: Too big/);
  });

  it('repairs an empty reply or a refusal', async () => {
    const { critic, server } = await judgeWith([{ content: null, refusal: 'I will not judge this.' }, valid]);
    await expect(critic.evaluate(input, ctx())).resolves.toMatchObject({ repaired: true });
    expect(server.requests[1]?.body.messages[3]?.content).toContain('the reply was a refusal: I will not judge this.');
  });

  it('accepts a verdict wrapped in a Markdown code fence without a repair turn', async () => {
    const { critic, server } = await judgeWith([{ content: '```json\n' + JSON.stringify(verdict) + '\n```' }]);
    await expect(critic.evaluate(input, ctx())).resolves.toMatchObject({ repaired: false, severity: 2 });
    expect(server.requests).toHaveLength(1);
  });

  it('gives up after exactly one repair with an LlmJudgeOutputError naming the judge and the problems', async () => {
    const { critic, server } = await judgeWith([{ content: 'not json' }, { content: '{"score": 0.1}' }]);
    const error: unknown = await critic.evaluate(input, ctx()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LlmJudgeOutputError);
    expect((error as Error).name).toBe('LlmJudgeOutputError');
    expect((error as Error).message).toMatch(
      /^judge 'civility' \(model judge-model at http:\/\/127\.0\.0\.1:\d+\/v1\/chat\/completions\) gave no valid verdict after one repair: the reply does not match the schema: severity: .*\(first reply: the reply is not valid JSON/,
    );
    expect(server.requests).toHaveLength(2);
  });

  it('aborts the HTTP call when ctx.signal aborts: rejects promptly and the server sees the connection close', async () => {
    const { critic, server } = await judgeWith([{ hang: true }]);
    const controller = new AbortController();
    const settled = critic.evaluate(input, ctx(controller.signal)).catch((e: unknown) => e);
    const arrived = await server.request(0);
    const reason = new Error('critic timeout');
    const abortedAt = performance.now();
    controller.abort(reason);
    expect(await settled).toBe(reason);
    expect(performance.now() - abortedAt).toBeLessThan(200);
    await within(arrived.clientClosed, 1_000, 'server saw the connection close');
  });

  it('aborts during the repair turn too', async () => {
    const { critic, server } = await judgeWith([{ content: 'oops' }, { hang: true }]);
    const controller = new AbortController();
    const settled = critic.evaluate(input, ctx(controller.signal)).catch((e: unknown) => e);
    const repair = await server.request(1);
    controller.abort(new Error('deadline'));
    expect(await settled).toEqual(new Error('deadline'));
    await within(repair.clientClosed, 1_000, 'server saw the repair connection close');
  });

  it('sends nothing for an already-aborted signal', async () => {
    const { critic, server } = await judgeWith([valid]);
    await expect(critic.evaluate(input, ctx(AbortSignal.abort(new Error('gone'))))).rejects.toThrow('gone');
    expect(server.requests).toHaveLength(0);
  });

  it('fails on HTTP 500 with a ModelRequestError naming the endpoint and status, without a repair turn', async () => {
    const { critic, server } = await judgeWith([{ status: 500, body: { error: { message: 'judge overloaded' } } }]);
    const error: unknown = await critic.evaluate(input, ctx()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ModelRequestError);
    expect((error as Error).message).toBe(
      `POST ${server.baseURL}/chat/completions failed with HTTP 500: judge overloaded`,
    );
    expect(server.requests).toHaveLength(1);
  });

  it('is a CriticSpec: the orchestrator gives success, then an error outcome naming LlmJudgeOutputError', async () => {
    const { critic, server } = await judgeWith([valid, { content: 'x' }, { content: 'y' }]);
    const orchestrator = new Orchestrator({ critics: [critic] });
    const ok = await orchestrator.run(input);
    expect(ok['civility']?.status).toBe('success');
    expect(ok['civility']?.finding.violations[0]?.rule).toBe('civility.insult');
    const failed = await orchestrator.run(input);
    expect(failed['civility']?.status).toBe('error');
    expect(failed['civility']?.error?.message).toMatch(/^LlmJudgeOutputError: judge 'civility'/);
    expect(server.requests).toHaveLength(3);
  });

  it("ends the HTTP call at the critic's timeout in the orchestrator", async () => {
    const { critic, server } = await judgeWith([{ hang: true }]);
    const orchestrator = new Orchestrator({ critics: [{ ...critic, timeoutMs: 30 }] });
    const outcomes = await orchestrator.run(input);
    expect(outcomes['civility']?.status).toBe('timeout');
    const arrived = await server.request(0);
    await within(arrived.clientClosed, 1_000, 'server saw the connection close');
  });

  it('has a version that changes with the prompt, principle, model or temperature, and not otherwise', async () => {
    const { critic } = await judgeWith([valid]);
    const base = { name: 'civility', principle: 'Respect for the user', endpoint: 'http://127.0.0.1:1/v1' };
    const make = (o: Partial<LlmJudgeOptions>) =>
      createLlmJudgeCritic({
        ...base,
        prompt: 'Flag insults and condescension towards the user.',
        model: 'judge-model',
        ...o,
      });
    expect(critic.version).toMatch(/^1\.0\.0\+[0-9a-f]{12}$/);
    expect(make({}).version).toBe(critic.version);
    expect(make({ apiKey: 'other', timeoutMs: 5 }).version).toBe(critic.version);
    for (const change of [{ prompt: 'other' }, { principle: 'other' }, { model: 'other' }, { temperature: 0.5 }]) {
      expect(make(change).version).not.toBe(critic.version);
    }
  });
});

describe('llmJudgeConfigSchema', () => {
  const config = {
    name: 'civility',
    principle: 'Respect',
    prompt: 'Flag insults.',
    endpoint: 'https://api.openai.com/v1',
    model: 'gpt-4o-mini',
  };

  it('accepts a config file entry and matches the factory options', () => {
    expect(llmJudgeConfigSchema.parse({ ...config, apiKey: 'k', timeoutMs: 1000 })).toEqual({
      ...config,
      apiKey: 'k',
      timeoutMs: 1000,
    });
    expectTypeOf<z.output<typeof llmJudgeConfigSchema>>().toExtend<LlmJudgeOptions>();
  });

  it('rejects bad entries, and the factory throws INVALID_CONFIG naming every bad field', () => {
    const bad = { ...config, name: 'has.dot', endpoint: 'not a url', timeoutMs: 0, extra: 1 };
    expect(llmJudgeConfigSchema.safeParse(bad).success).toBe(false);
    let error: unknown;
    try {
      createLlmJudgeCritic(bad);
    } catch (e) {
      error = e;
    }
    expect(isEleanorError(error) && error.code).toBe('INVALID_CONFIG');
    expect((error as Error).message).toMatch(/^llm-judge critic 'has\.dot': /);
    for (const field of ['name', 'endpoint', 'timeoutMs', 'extra'])
      expect((error as Error).message).toContain(`${field}: `);
  });
});
