// Time for `run` to return when one critic never settles (timeoutMs 200) beside 9 instant critics.
import { type CriticFn, Orchestrator } from '../src/index.js';
import { emit, expectStatuses, FINDING, INPUT, median, round } from './support.js';

const TIMEOUT_MS = 200;
const TARGET_MS = 210;
const RUNS = 10;

const critics: Record<string, CriticFn> = { hang: () => new Promise(() => {}) };
for (let i = 0; i < 9; i++) critics[`instant${i}`] = () => FINDING;
const orchestrator = new Orchestrator({ critics, timeoutMs: TIMEOUT_MS });

expectStatuses(await orchestrator.run(INPUT), 'success', { hang: 'timeout' }); // warm-up
const times: number[] = [];
for (let i = 0; i < RUNS; i++) {
  const start = performance.now();
  const outcomes = await orchestrator.run(INPUT);
  times.push(performance.now() - start);
  expectStatuses(outcomes, 'success', { hang: 'timeout' });
}
emit({
  bench: 'hanging',
  case: 'never-settling critic + 9 instant, timeoutMs 200',
  median_ms: round(median(times)),
  min_ms: round(Math.min(...times)),
  max_ms: round(Math.max(...times)),
  timeout_ms: TIMEOUT_MS,
  target_ms: TARGET_MS,
  runs: RUNS,
});
