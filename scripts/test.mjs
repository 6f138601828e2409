// `npm test`: lint, format check, typecheck and every vitest test; ends with the plain line "N passed, N failed".
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const bin = (name) => join('node_modules', '.bin', name);
const run = (label, cmd, args) => {
  console.log(`\n> ${label}: ${cmd} ${args.join(' ')}`);
  const result = spawnSync(cmd, args, { stdio: 'inherit' });
  return result.status === 0;
};

const checks = [
  ['lint', bin('eslint'), ['.', '--max-warnings', '0']],
  ['format', bin('prettier'), ['--check', '.', '--log-level', 'warn']],
  ['typecheck', bin('tsc'), ['-p', 'tsconfig.json', '--noEmit']],
  ['typecheck (dashboard)', bin('tsc'), ['-p', 'src/ui/client/tsconfig.json', '--noEmit']],
  ['typecheck (dashboard tests)', bin('tsc'), ['-p', 'test/ui/tsconfig.json', '--noEmit']],
  ['build', bin('tsc'), ['-p', 'tsconfig.build.json']],
  ['build (dashboard)', bin('tsx'), ['scripts/build-ui.ts']],
  ['build (model weights)', 'node', ['scripts/copy-weights.mjs']],
];
let passed = 0;
let failed = 0;
let skipped = 0;
for (const [label, cmd, args] of checks) {
  if (run(label, cmd, args)) passed++;
  else {
    failed++;
    console.log(`FAILED: ${label}`);
  }
}

const dir = mkdtempSync(join(tmpdir(), 'eleanor-test-'));
const report = join(dir, 'vitest.json');
const vitestOk = run('tests', bin('vitest'), [
  'run',
  '--reporter=default',
  '--reporter=json',
  `--outputFile=${report}`,
]);
try {
  const results = JSON.parse(readFileSync(report, 'utf8'));
  passed += results.numPassedTests;
  failed += results.numFailedTests;
  skipped += results.numPendingTests + results.numTodoTests; // e.g. the browser tests where no Chromium starts: vitest printed why
  if (!vitestOk && results.numFailedTests === 0) failed++; // a suite that failed to load counts
} catch {
  console.log('FAILED: no vitest report was written');
  failed++;
} finally {
  rmSync(dir, { recursive: true, force: true });
}

console.log(`\n(${checks.length} of these are the lint, format, typecheck and build checks)`);
console.log(`${passed} passed, ${failed} failed${skipped > 0 ? `, ${skipped} skipped` : ''}`);
process.exit(failed === 0 ? 0 : 1);
