// Tail latency of a heavy-tailed critic (95% 5–15 ms, 5% 300–2000 ms) under a fixed 2,000 ms timeout vs adaptive ones.
import { type CriticOutcome, Orchestrator } from '../src/index.js';
import { createAdaptiveTimeoutHooks } from '../src/infra/adaptive/index.js';
import { emit, median, round, sleep } from './support.js';
import { seeded } from '../test/support/seeded.js';

const FIXED_TIMEOUT_MS = 2000;
const WARMUP_RUNS = 100; // not measured: fills the estimator past its 50-sample warm-up
const MEASURED_RUNS = 1000;
const PARALLEL = 40; // runs in flight at once, so the slow tail does not make the benchmark slow
const ROUNDS = 3;

interface Case {
  readonly name: string;
  readonly make: () => ReturnType<typeof createAdaptiveTimeoutHooks> | undefined;
}

const CASES: readonly Case[] = [
  { name: 'fixed 2000 ms', make: () => undefined },
  // The default quantile (p99) sits inside a 5% tail: it is expected to cut little here.
  { name: 'adaptive p99 x2 (defaults)', make: () => createAdaptiveTimeoutHooks({ maxMs: FIXED_TIMEOUT_MS }) },
  {
    name: 'adaptive p90 x2',
    make: () => createAdaptiveTimeoutHooks({ quantile: 0.9, maxMs: FIXED_TIMEOUT_MS }),
  },
];

function percentile(sorted: readonly number[], q: number): number {
  return sorted[Math.max(0, Math.ceil(q * sorted.length) - 1)]!;
}

async function measure(testCase: Case, seed: number) {
  const random = seeded(seed);
  const hooks = testCase.make();
  const orchestrator = new Orchestrator({
    critics: {
      tail: {
        evaluate: async (_input, ctx) => {
          await sleep(random() < 0.95 ? 5 + random() * 10 : 300 + random() * 1700, ctx.signal);
          return { score: 0, severity: 0, violations: [] };
        },
        timeoutMs: FIXED_TIMEOUT_MS,
      },
    },
    ...(hooks ? { hooks } : {}),
  });
  const runBatch = async (count: number) => {
    const latencies: number[] = [];
    let timeouts = 0;
    let next = 0;
    const worker = async () => {
      while (next < count) {
        next++;
        const start = performance.now();
        const outcome: CriticOutcome | undefined = (await orchestrator.run({ inputText: 'x' })).tail;
        latencies.push(performance.now() - start);
        if (outcome?.status === 'timeout') timeouts++;
      }
    };
    await Promise.all(Array.from({ length: PARALLEL }, worker));
    return { latencies: latencies.sort((a, b) => a - b), timeouts };
  };
  await runBatch(WARMUP_RUNS);
  const { latencies, timeouts } = await runBatch(MEASURED_RUNS);
  return {
    p50: percentile(latencies, 0.5),
    p95: percentile(latencies, 0.95),
    p99: percentile(latencies, 0.99),
    max: latencies[latencies.length - 1]!,
    timeoutShare: timeouts / latencies.length,
    timeoutMs: hooks?.timeoutFor('tail', FIXED_TIMEOUT_MS) ?? FIXED_TIMEOUT_MS,
  };
}

for (const testCase of CASES) {
  const rounds: Awaited<ReturnType<typeof measure>>[] = [];
  for (let r = 0; r < ROUNDS; r++) rounds.push(await measure(testCase, 42 + r));
  const med = (pick: (m: (typeof rounds)[number]) => number) => median(rounds.map(pick));
  emit({
    bench: 'adaptive-timeouts',
    case: testCase.name,
    p50_ms: round(med((m) => m.p50)),
    p95_ms: round(med((m) => m.p95)),
    p99_ms: round(med((m) => m.p99)),
    max_ms: round(med((m) => m.max)),
    timeout_share: round(
      med((m) => m.timeoutShare),
      4,
    ),
    final_timeout_ms: round(med((m) => m.timeoutMs)),
    runs: MEASURED_RUNS,
    rounds: ROUNDS,
  });
}
