// Makespan of one run of 10 critics sleeping 10, 20, …, 100 ms: in parallel, and one at a time for comparison.
import { type CriticFn, Orchestrator } from '../src/index.js';
import { emit, expectStatuses, FINDING, INPUT, median, round, sleep } from './support.js';

const TARGET_MS = 102;
const SLEEPS_MS = Array.from({ length: 10 }, (_, i) => (i + 1) * 10);
const SEQUENTIAL_SUM_MS = SLEEPS_MS.reduce((a, b) => a + b, 0);

const critics: Record<string, CriticFn> = Object.fromEntries(
  SLEEPS_MS.map((ms) => {
    const critic: CriticFn = async (_input, ctx) => {
      await sleep(ms, ctx.signal);
      return FINDING;
    };
    return [`sleep${ms}`, critic];
  }),
);

async function measure(name: string, orchestrator: Orchestrator, warmups: number, runs: number): Promise<void> {
  for (let i = 0; i < warmups; i++) expectStatuses(await orchestrator.run(INPUT), 'success');
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    const outcomes = await orchestrator.run(INPUT);
    times.push(performance.now() - start);
    expectStatuses(outcomes, 'success');
  }
  emit({
    bench: 'makespan',
    case: name,
    median_ms: round(median(times)),
    min_ms: round(Math.min(...times)),
    max_ms: round(Math.max(...times)),
    longest_critic_ms: Math.max(...SLEEPS_MS),
    sequential_sum_ms: SEQUENTIAL_SUM_MS,
    ...(name === 'parallel' ? { target_ms: TARGET_MS } : {}),
    runs,
  });
}

await measure('parallel', new Orchestrator({ critics }), 3, 20);
await measure('concurrency 1 (sequential)', new Orchestrator({ critics, concurrency: 1 }), 1, 5);
