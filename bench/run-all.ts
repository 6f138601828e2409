// Runs every benchmark in its own Node process, one after another; their JSON lines go straight to stdout.
import { spawnSync } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { emit } from './support.js';

const BENCHES = [
  'overhead.ts',
  'makespan.ts',
  'throughput.ts',
  'hanging.ts',
  'engine.ts',
  'critics-cost.ts',
  'adaptive-timeouts.ts',
  'infra.ts',
  'evidence.ts',
  'http.ts',
  'distributed.ts',
  'proxy.ts',
];
const root = fileURLToPath(new URL('..', import.meta.url));

emit({
  bench: 'environment',
  date: new Date().toISOString(),
  node: process.version,
  cpus: availableParallelism(),
  platform: `${process.platform}-${process.arch}`,
});
let failed = 0;
for (const file of BENCHES) {
  const child = spawnSync(process.execPath, ['--import', 'tsx', `bench/${file}`], { cwd: root, stdio: 'inherit' });
  if (child.status !== 0) {
    failed++;
    process.stderr.write(`bench/${file} failed (exit ${child.status ?? child.signal})\n`);
  }
}
process.exitCode = failed === 0 ? 0 : 1;
