import { trace } from '@opentelemetry/api';
import { BasicTracerProvider, InMemorySpanExporter, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { afterAll, describe, expect, it } from 'vitest';
import { createEngine } from '../../src/index.js';

describe('engine tracing (infrastructure.tracing)', () => {
  const exporter = new InMemorySpanExporter();
  trace.setGlobalTracerProvider(new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] }));
  afterAll(() => trace.disable());

  it('makes a span per evaluation with a child per critic, carrying decision and status', async () => {
    const engine = createEngine({
      critics: { risk: {}, privacy: {} },
      infrastructure: { tracing: true },
      evidence: { store: 'memory' },
    });
    const evaluation = await engine.evaluate({
      inputText: 'q',
      modelResponse: 'Mail jane.doe@example.com',
      traceId: 'span-1',
    });
    await engine.close();
    const spans = exporter.getFinishedSpans();
    const root = spans.find((s) => s.name === 'eleanor.evaluation');
    expect(root?.attributes['eleanor.trace_id']).toBe('span-1');
    expect(root?.attributes['eleanor.decision']).toBe(evaluation.decision);
    const children = spans.filter((s) => s.parentSpanContext?.spanId === root?.spanContext().spanId);
    expect(children.map((s) => s.attributes['eleanor.critic']).sort()).toEqual(['privacy', 'risk']);
    for (const child of children) expect(child.attributes['eleanor.critic.status']).toBe('success');
  });
});
