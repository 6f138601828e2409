// The orchestrator demo (`eleanor demo`): toy critics that show parallelism, a deadline, retries, gating and isolation.
import { Orchestrator } from '../core/index.js';
import type { CriticContext, CriticOutcome, Finding } from '../core/index.js';

export interface DemoResult {
  readonly elapsedMs: number;
  /** What the same critics would take one after another (V8's live path). */
  readonly sequentialMs: number;
  readonly outcomes: Record<string, CriticOutcome>;
}

const CLEAN: Finding = { score: 0, severity: 0, violations: [] };

function wait(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => (clearTimeout(timer), reject(signal.reason as Error)), { once: true });
  });
}

/** A toy keyword critic: finds the word "guarantee" (word-bounded) and reports its span. */
function keywordCritic(input: { modelResponse: string }): Finding {
  const match = /\bguarantee[sd]?\b/i.exec(input.modelResponse);
  if (!match) return CLEAN;
  const span = { start: match.index, end: match.index + match[0].length, text: match[0] };
  return {
    score: 0.8,
    severity: 2,
    violations: [
      { rule: 'demo.impossible_guarantee', message: 'promises an outcome no one can guarantee', severity: 2, span },
    ],
  };
}

function slowJudge(ms: number) {
  return async (_input: unknown, ctx: CriticContext): Promise<Finding> => {
    await wait(ms, ctx.signal);
    return { ...CLEAN, score: 0.1, justification: `judged in ${ms} ms` };
  };
}

export function createDemoOrchestrator(): Orchestrator {
  return new Orchestrator({
    critics: {
      operations: { evaluate: keywordCritic, priority: 1 },
      truth: { evaluate: slowJudge(60) },
      fairness: { evaluate: slowJudge(90) },
      flaky: {
        retries: { max: 2, baseMs: 5, maxMs: 20 },
        evaluate: (_input, ctx) => {
          if (ctx.attempt === 1) throw new Error('transient upstream failure');
          return CLEAN;
        },
      },
      hanging: { evaluate: () => new Promise<Finding>(() => undefined), timeoutMs: 120 },
      escalationReview: { evaluate: slowJudge(20), dependsOn: ['operations'], policy: 'on_violation' },
    },
    hooks: { onFailure: (critic) => (critic === 'hanging' ? { ...CLEAN, severity: 2, fallback: true } : undefined) },
  });
}

export async function runDemo(text: string, deadlineMs: number): Promise<DemoResult> {
  const orchestrator = createDemoOrchestrator();
  const start = performance.now();
  const outcomes = await orchestrator.run(
    { inputText: 'Can you promise my loan will be approved?', modelResponse: text },
    { deadlineMs },
  );
  const elapsedMs = performance.now() - start;
  const sequentialMs = Object.values(outcomes).reduce((sum, o) => sum + o.durationMs, 0);
  return { elapsedMs, sequentialMs, outcomes };
}

export function formatDemo(result: DemoResult): string {
  const rows = Object.values(result.outcomes).map((o) => {
    const detail =
      o.error?.message ??
      o.gatingReason ??
      o.finding.violations.map((v) => `${v.rule} "${v.span?.text ?? ''}"`).join(', ');
    const flags = [o.degraded ? 'fallback' : '', o.attempts > 1 ? `${o.attempts} attempts` : '']
      .filter(Boolean)
      .join(', ');
    return `  ${o.critic.padEnd(17)} ${o.status.padEnd(8)} severity ${o.finding.severity.toFixed(1)}  ${o.durationMs.toFixed(1).padStart(6)} ms  ${flags}${flags && detail ? ' — ' : ''}${detail}`;
  });
  return [
    'Eleanor orchestrator demo — six critics, run in parallel under one deadline',
    ...rows,
    `Finished in ${result.elapsedMs.toFixed(1)} ms; one after another they would take ${result.sequentialMs.toFixed(1)} ms.`,
  ].join('\n');
}
