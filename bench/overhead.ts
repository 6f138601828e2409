// Orchestration overhead per critic: 1, 10 and 100 no-op critics, sync and async, hooks off and on.
import { Bench } from 'tinybench';
import { type CriticFn, type Hooks, Orchestrator } from '../src/index.js';
import { emit, expectStatuses, FINDING, INPUT, round } from './support.js';

const HOOKS: Hooks = { preExecution: () => undefined, postExecution: () => {}, onFailure: () => undefined };
const TARGET_US_PER_CRITIC = 2;
/** Each tinybench sample runs the orchestrator this many critic executions, so the timer's own cost is negligible. */
const EXECUTIONS_PER_SAMPLE = 1000;

interface Case {
  critics: number;
  kind: 'sync' | 'async';
  hooks: boolean;
  runsPerSample: number;
}

function noOpCritics(count: number, kind: Case['kind']): Record<string, CriticFn> {
  const critic: CriticFn = kind === 'sync' ? () => FINDING : async () => FINDING;
  return Object.fromEntries(Array.from({ length: count }, (_, i) => [`noop${i}`, critic]));
}

const bench = new Bench({ time: 1500, warmupTime: 300 });
const cases = new Map<string, Case>();
for (const critics of [1, 10, 100]) {
  for (const kind of ['sync', 'async'] as const) {
    for (const hooks of [false, true]) {
      const c: Case = { critics, kind, hooks, runsPerSample: Math.ceil(EXECUTIONS_PER_SAMPLE / critics) };
      const name = `${critics} ${kind} no-op critic(s), hooks ${hooks ? 'on' : 'off'}`;
      const orchestrator = new Orchestrator({
        critics: noOpCritics(critics, kind),
        ...(hooks ? { hooks: HOOKS } : {}),
      });
      expectStatuses(await orchestrator.run(INPUT), 'success');
      cases.set(name, c);
      bench.add(
        name,
        async () => {
          for (let i = 0; i < c.runsPerSample; i++) await orchestrator.run(INPUT);
        },
        { async: true },
      );
    }
  }
}

await bench.run();

for (const task of bench.tasks) {
  const c = cases.get(task.name)!;
  const result = task.result;
  if (result.state !== 'completed') throw new Error(`${task.name}: ${result.state}`);
  const runUs = (result.latency.p50 * 1000) / c.runsPerSample;
  const perCriticUs = runUs / c.critics;
  emit({
    bench: 'overhead',
    case: task.name,
    critics: c.critics,
    critic_kind: c.kind,
    hooks: c.hooks,
    median_run_us: round(runUs),
    median_us_per_critic: round(perCriticUs),
    target_us_per_critic: TARGET_US_PER_CRITIC,
    samples: result.latency.samplesCount,
    runs_per_sample: c.runsPerSample,
    runs: result.latency.samplesCount * c.runsPerSample,
  });
}
