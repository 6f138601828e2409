// Throughput: rounds of 200 concurrent runs × 10 critics sleeping 5 ms; evaluations (runs) completed per second.
import { type CriticFn, Orchestrator } from '../src/index.js';
import { emit, expectStatuses, FINDING, INPUT, median, round, sleep } from './support.js';

const CONCURRENT_RUNS = 200;
const CRITICS = 10;
const SLEEP_MS = 5;
const WARMUP_ROUNDS = 5;
const ROUNDS = 30;
const TARGET_PER_S = 10_000;

const variants: Record<string, CriticFn> = {
  'critics honour ctx.signal': async (_input, ctx) => {
    await sleep(SLEEP_MS, ctx.signal);
    return FINDING;
  },
  'critics ignore ctx.signal': async () => {
    await sleep(SLEEP_MS);
    return FINDING;
  },
};

/** Wall time, in ms, of one round of concurrent runs. */
async function timeRound(orchestrator: Orchestrator): Promise<number> {
  const start = performance.now();
  const results = await Promise.all(Array.from({ length: CONCURRENT_RUNS }, () => orchestrator.run(INPUT)));
  const elapsed = performance.now() - start;
  for (const outcomes of results) expectStatuses(outcomes, 'success');
  return elapsed;
}

for (const [name, critic] of Object.entries(variants)) {
  const critics = Object.fromEntries(Array.from({ length: CRITICS }, (_, i) => [`sleep${i}`, critic]));
  const orchestrator = new Orchestrator({ critics });
  for (let i = 0; i < WARMUP_ROUNDS; i++) await timeRound(orchestrator);
  const rates: number[] = [];
  const walls: number[] = [];
  for (let i = 0; i < ROUNDS; i++) {
    const wall = await timeRound(orchestrator);
    walls.push(wall);
    rates.push((CONCURRENT_RUNS * 1000) / wall);
  }
  emit({
    bench: 'throughput',
    case: `${CONCURRENT_RUNS} concurrent runs × ${CRITICS} critics × ${SLEEP_MS} ms, ${name}`,
    median_evaluations_per_s: Math.round(median(rates)),
    median_round_ms: round(median(walls)),
    min_round_ms: round(Math.min(...walls)),
    floor_round_ms: SLEEP_MS,
    target_evaluations_per_s: TARGET_PER_S,
    runs: ROUNDS,
  });
}
