// The conformance suite every critic transport passes: findings, inputs, errors, retries, deadlines, signals, load.
import { afterEach, describe, expect, it } from 'vitest';
import { Orchestrator } from '../core/orchestrator.js';
import type { CriticContext, CriticInput, CriticSpec, CriticTransport, Finding } from '../core/types.js';

/** Critics the transport's executors know (a remote transport's workers are built from the same specs). */
export type ConformanceCritics = Record<string, CriticSpec & { readonly version: string }>;

export interface TransportUnderTest {
  /** A transport whose executors run `critics`, on keys of its own; `close` releases everything. */
  open(critics: ConformanceCritics): Promise<{ transport: CriticTransport; close(): Promise<void> }>;
}

const OK: Finding = { score: 0, severity: 0, violations: [] };

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => {
      clearTimeout(timer);
      reject(signal.reason as Error);
    });
  });
}

/** Shared memory between the test and the critics (remote executors under test run in this process). */
const seen = { inputs: [] as CriticInput[], contexts: [] as CriticContext[], flaky: 0, aborted: [] as string[] };

const CRITICS: ConformanceCritics = {
  echo: {
    version: '1',
    evaluate: (input, ctx) => {
      seen.inputs.push(input);
      seen.contexts.push(ctx);
      return { ...OK, score: 0.25, justification: input.traceId, extra: { nested: [1, 'two'] } };
    },
  },
  dependent: {
    version: '1',
    dependsOn: ['echo'],
    evaluate: (_input, ctx) => ({ ...OK, justification: String(ctx.prior['echo']?.finding.justification) }),
  },
  thrower: {
    version: '1',
    evaluate: () => {
      throw new TypeError('thrower broke');
    },
  },
  invalid: { version: '1', evaluate: () => ({ score: 5, severity: 0, violations: [] }) },
  flaky: {
    version: '1',
    retries: { max: 2, baseMs: 1, maxMs: 5 },
    evaluate: () => {
      if (++seen.flaky % 2 === 1) throw new Error('first try fails');
      return OK;
    },
  },
  slow: {
    version: '1',
    evaluate: async (input, ctx) => {
      try {
        await sleep(5_000, ctx.signal);
      } catch (error) {
        seen.aborted.push(input.traceId);
        throw error;
      }
      return OK;
    },
  },
  quick: {
    version: '1',
    evaluate: async (input, ctx) => (await sleep(5, ctx.signal), { ...OK, justification: input.traceId }),
  },
};

export function transportConformance(name: string, subject: TransportUnderTest): void {
  describe(`${name} (transport conformance)`, () => {
    let opened: { transport: CriticTransport; close(): Promise<void> } | undefined;
    afterEach(async () => {
      await opened?.close();
      opened = undefined;
    });

    async function orchestrator(only: string[]): Promise<Orchestrator> {
      opened = await subject.open(CRITICS);
      const critics = Object.fromEntries(only.map((c) => [c, CRITICS[c]!]));
      return new Orchestrator({ critics, transport: opened.transport, logger: { warn: () => undefined } });
    }

    it("returns the critic's finding with its extra fields, given the input, attempt and dependencies", async () => {
      const orch = await orchestrator(['echo', 'dependent']);
      const traceId = `conf-${Math.random().toString(36).slice(2)}`;
      const run = { inputText: 'in', modelResponse: 'out', context: { riskTier: 'high', n: [1] }, traceId };
      const outcomes = await orch.run(run, { deadlineMs: 5_000 });
      expect(outcomes['echo']).toMatchObject({ status: 'success', attempts: 1 });
      expect(outcomes['echo']?.finding).toEqual({
        ...OK,
        score: 0.25,
        justification: traceId,
        extra: { nested: [1, 'two'] },
      });
      expect(outcomes['dependent']?.finding.justification).toBe(traceId);
      const input = seen.inputs.find((i) => i.traceId === traceId);
      expect(input).toEqual(run);
      expect(seen.contexts.at(-1)?.attempt).toBe(1);
    });

    it("reports a throwing critic as an error naming the error's class, and an invalid finding as invalid", async () => {
      const outcomes = await (
        await orchestrator(['thrower', 'invalid'])
      ).run({ inputText: 'x' }, { deadlineMs: 5_000 });
      expect(outcomes['thrower']).toMatchObject({ status: 'error', error: { code: 'CRITIC_ERROR' } });
      expect(outcomes['thrower']?.error?.message).toContain('TypeError');
      expect(outcomes['thrower']?.error?.message).toContain('thrower broke');
      expect(outcomes['invalid']).toMatchObject({ status: 'error', error: { code: 'CRITIC_OUTPUT_INVALID' } });
    });

    it('retries a failed attempt as the core is configured to', async () => {
      const outcomes = await (await orchestrator(['flaky'])).run({ inputText: 'x' }, { deadlineMs: 5_000 });
      expect(outcomes['flaky']).toMatchObject({ status: 'success', attempts: 2 });
    });

    it('ends a critic still running at the deadline (lost if remote, timeout if not) and aborts its signal', async () => {
      const orch = await orchestrator(['slow']);
      const traceId = `slow-${Math.random().toString(36).slice(2)}`;
      const started = performance.now();
      const outcome = (await orch.run({ inputText: 'x', traceId }, { deadlineMs: 300 }))['slow']!;
      expect(performance.now() - started).toBeLessThan(1_000);
      expect(outcome.status).toBe(opened?.transport.remote ? 'lost' : 'timeout');
      const until = performance.now() + 2_000;
      while (!seen.aborted.includes(traceId) && performance.now() < until) await new Promise((r) => setTimeout(r, 10));
      expect(seen.aborted).toContain(traceId);
    });

    it('keeps concurrent evaluations apart: every answer reaches its own evaluation', async () => {
      const orch = await orchestrator(['quick']);
      const ids = Array.from({ length: 40 }, (_, i) => `many-${i}-${Math.random().toString(36).slice(2)}`);
      const runs = await Promise.all(
        ids.map((traceId) => orch.run({ inputText: 'x', traceId }, { deadlineMs: 5_000 })),
      );
      runs.forEach((outcomes, i) => {
        expect(outcomes['quick']).toMatchObject({ status: 'success', finding: { justification: ids[i] } });
      });
    });
  });
}
