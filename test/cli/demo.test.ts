import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { formatDemo, runDemo } from '../../src/cli/demo.js';

function eleanor(...args: string[]) {
  return spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'demo', '--orchestrator', ...args], {
    encoding: 'utf8',
  });
}

describe('eleanor demo --orchestrator', () => {
  it('runs the toy critics in parallel and shows a retry, a fallback and a violation span', async () => {
    const result = await runDemo('We guarantee approval.', 250);
    const o = result.outcomes;
    expect(o['operations']?.finding.violations[0]?.span).toEqual({ start: 3, end: 12, text: 'guarantee' });
    expect(o['flaky']).toMatchObject({ status: 'success', attempts: 2 });
    expect(o['hanging']).toMatchObject({ status: 'timeout', degraded: true });
    expect(o['escalationReview']?.status).toBe('success');
    expect(result.elapsedMs).toBeLessThan(result.sequentialMs);
    expect(formatDemo(result)).toMatch(/Finished in \d+\.\d ms/);
  });

  it('gates the dependent critic when there is no violation', async () => {
    const result = await runDemo('Approval depends on your credit history.', 250);
    expect(result.outcomes['escalationReview']?.status).toBe('gated');
  });

  it('prints JSON with --json', () => {
    const run = eleanor('--json', '--deadline', '200');
    expect(run.status).toBe(0);
    const parsed = JSON.parse(run.stdout) as { outcomes: Record<string, unknown> };
    expect(Object.keys(parsed.outcomes)).toHaveLength(6);
  });

  it('rejects a bad --deadline with exit code 1 and a message naming the flag', () => {
    const run = eleanor('--deadline', '-3');
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('--deadline must be a positive integer');
  });
});
