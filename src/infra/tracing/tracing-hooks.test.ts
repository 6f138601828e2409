// Tracing hooks through a real Orchestrator, recorded by the SDK's in-memory exporter.
import { type Context, type ContextManager, context, ROOT_CONTEXT, SpanStatusCode, trace } from '@opentelemetry/api';
import {
  BasicTracerProvider,
  InMemorySpanExporter,
  type ReadableSpan,
  SimpleSpanProcessor,
} from '@opentelemetry/sdk-trace-base';
import { afterEach, describe, expect, it } from 'vitest';
import { Orchestrator } from '../../core/orchestrator.js';
import type { CriticOutcome, Finding, Hooks } from '../../core/types.js';
import { composeHooks } from '../compose-hooks.js';
import { createTracingHooks } from './tracing-hooks.js';

const OK: Finding = { score: 0, severity: 0, violations: [] };
const GATE = { tier: 0 as const, requiredAction: 'none' as const, reasons: [] };
const quiet = { warn: () => {} };

const exporter = new InMemorySpanExporter();
const provider = new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] });
const tracer = provider.getTracer('test');

afterEach(() => exporter.reset());

/** A synchronous context manager: enough for `context.with` around a synchronous call. */
class StackContextManager implements ContextManager {
  #current: Context = ROOT_CONTEXT;
  active(): Context {
    return this.#current;
  }
  with<A extends unknown[], F extends (...args: A) => ReturnType<F>>(
    ctx: Context,
    fn: F,
    thisArg?: ThisParameterType<F>,
    ...args: A
  ): ReturnType<F> {
    const previous = this.#current;
    this.#current = ctx;
    try {
      return fn.call(thisArg, ...args);
    } finally {
      this.#current = previous;
    }
  }
  bind<T>(_ctx: Context, target: T): T {
    return target;
  }
  enable(): this {
    return this;
  }
  disable(): this {
    this.#current = ROOT_CONTEXT;
    return this;
  }
}

function byName(name: string): ReadableSpan {
  const span = exporter.getFinishedSpans().find((s) => s.name === name);
  if (span === undefined) throw new Error(`no span named ${name}`);
  return span;
}

async function evaluate(orchestrator: Orchestrator, traceId: string, start: ReturnType<typeof createTracingHooks>) {
  const evaluation = start.startEvaluation(traceId);
  const critics: Record<string, CriticOutcome> = await orchestrator.run({ inputText: 'q', traceId });
  evaluation.end({ decision: 'allow', gate: GATE, critics });
  return critics;
}

describe('createTracingHooks', () => {
  it('makes a span per evaluation with a child per critic, each with its status and attributes', async () => {
    const tracing = createTracingHooks({ tracer });
    const orchestrator = new Orchestrator({
      critics: {
        good: () => OK,
        bad: () => {
          throw new Error('boom');
        },
      },
      hooks: tracing.hooks,
      logger: quiet,
    });
    await evaluate(orchestrator, 'trace-1', tracing);

    const evaluation = byName('eleanor.evaluation');
    expect(evaluation.attributes).toMatchObject({
      'eleanor.trace_id': 'trace-1',
      'eleanor.decision': 'allow',
      'eleanor.gate.tier': 0,
    });
    expect(evaluation.status.code).toBe(SpanStatusCode.OK);

    const good = byName('critic good');
    const bad = byName('critic bad');
    for (const child of [good, bad]) {
      expect(child.parentSpanContext?.spanId).toBe(evaluation.spanContext().spanId);
      expect(child.spanContext().traceId).toBe(evaluation.spanContext().traceId);
    }
    expect(good.status.code).toBe(SpanStatusCode.OK);
    expect(good.attributes).toMatchObject({
      'eleanor.trace_id': 'trace-1',
      'eleanor.critic': 'good',
      'eleanor.critic.status': 'success',
      'eleanor.critic.attempts': 1,
      'eleanor.critic.from_cache': false,
      'eleanor.critic.degraded': false,
    });
    expect(bad.status).toMatchObject({ code: SpanStatusCode.ERROR });
    expect(bad.status.message).toMatch(/boom/);
    expect(bad.attributes).toMatchObject({ 'eleanor.critic.status': 'error', 'eleanor.critic.attempts': 1 });
    expect(bad.events.map((e) => e.name)).toContain('exception');
  });

  it('marks a timed-out critic ERROR and reports its degraded fallback from the outcome', async () => {
    const tracing = createTracingHooks({ tracer });
    const fallback: Hooks = { onFailure: () => ({ score: 0.5, severity: 1, violations: [] }) };
    const orchestrator = new Orchestrator({
      critics: { slow: { evaluate: () => new Promise<Finding>(() => {}), timeoutMs: 5 } },
      hooks: composeHooks([tracing.hooks, fallback]),
      logger: quiet,
    });
    await evaluate(orchestrator, 'trace-2', tracing);
    const slow = byName('critic slow');
    expect(slow.status.code).toBe(SpanStatusCode.ERROR);
    expect(slow.attributes).toMatchObject({ 'eleanor.critic.status': 'timeout', 'eleanor.critic.degraded': true });
  });

  it('finishes a critic answered by a later hook set (a cache hit) from the evaluation outcome', async () => {
    const tracing = createTracingHooks({ tracer });
    const cache: Hooks = { preExecution: () => OK };
    const orchestrator = new Orchestrator({
      critics: { cached: () => OK },
      hooks: composeHooks([tracing.hooks, cache]),
      logger: quiet,
    });
    await evaluate(orchestrator, 'trace-3', tracing);
    expect(byName('critic cached').attributes).toMatchObject({
      'eleanor.critic.from_cache': true,
      'eleanor.critic.attempts': 0,
    });
  });

  it("parents the evaluation span to the caller's context, explicit or active", async () => {
    const tracing = createTracingHooks({ tracer });
    const orchestrator = new Orchestrator({ critics: { good: () => OK }, hooks: tracing.hooks, logger: quiet });
    const caller = tracer.startSpan('caller');
    await evaluate(orchestrator, 'trace-4', {
      ...tracing,
      startEvaluation: (id) => tracing.startEvaluation(id, trace.setSpan(context.active(), caller)),
    });
    caller.end();
    const evaluation = byName('eleanor.evaluation');
    expect(evaluation.parentSpanContext?.spanId).toBe(caller.spanContext().spanId);
    expect(evaluation.spanContext().traceId).toBe(caller.spanContext().traceId);
    expect(byName('critic good').spanContext().traceId).toBe(caller.spanContext().traceId);

    // The default parent is context.active(), as set by the caller through the registered context manager.
    exporter.reset();
    const outer = tracer.startSpan('outer');
    context.setGlobalContextManager(new StackContextManager());
    let run: ReturnType<typeof tracing.startEvaluation>;
    try {
      run = context.with(trace.setSpan(context.active(), outer), () => tracing.startEvaluation('trace-5'));
    } finally {
      context.disable();
    }
    run.end(new Error('engine failed'));
    outer.end();
    const failed = byName('eleanor.evaluation');
    expect(failed.parentSpanContext?.spanId).toBe(outer.spanContext().spanId);
    expect(failed.status.code).toBe(SpanStatusCode.ERROR);
  });

  it('traces a bare orchestrator run (no evaluation) with root critic spans, and forgets them after', async () => {
    const tracing = createTracingHooks({ tracer });
    const orchestrator = new Orchestrator({
      critics: {
        good: () => OK,
        bad: () => {
          throw new Error('x');
        },
      },
      hooks: tracing.hooks,
      logger: quiet,
    });
    await orchestrator.run({ inputText: 'q', traceId: 'bare' });
    const spans = exporter.getFinishedSpans();
    expect(spans.map((s) => s.name).sort()).toEqual(['critic bad', 'critic good']);
    expect(spans.every((s) => s.parentSpanContext === undefined)).toBe(true);
  });

  it('is a no-op with no SDK registered: the default tracer records nothing and runs still succeed', async () => {
    const tracing = createTracingHooks();
    const orchestrator = new Orchestrator({ critics: { good: () => OK }, hooks: tracing.hooks, logger: quiet });
    const evaluation = tracing.startEvaluation('none');
    const outcomes = await orchestrator.run({ inputText: 'q', traceId: 'none' });
    evaluation.end({ decision: 'allow', gate: GATE, critics: outcomes });
    evaluation.end({ decision: 'allow', gate: GATE }); // idempotent
    expect(outcomes.good?.status).toBe('success');
    expect(exporter.getFinishedSpans()).toHaveLength(0);
  });
});
