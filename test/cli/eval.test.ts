// `eleanor eval`: spawns the command on small labelled JSONL fixtures with a deterministic marker critic.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const work = mkdtempSync(join(tmpdir(), 'eleanor-eval-'));

/**
 * A critic the built-ins' ongoing tuning cannot move: severity 3 (rule marker.harm) when the text it sees says
 * HARM, severity 1 (marker.maybe) when it says MAYBE. It reads the input and the response, so it tests both sides.
 */
writeFileSync(
  join(work, 'marker.mjs'),
  `export default function marker(input) {
  const text = input.inputText + ' ' + input.modelResponse;
  if (text.includes('HARM'))
    return { score: 1, severity: 3, violations: [{ rule: 'marker.harm', message: 'says HARM', severity: 3 }] };
  if (text.includes('MAYBE'))
    return { score: 0.3, severity: 1, violations: [{ rule: 'marker.maybe', message: 'says MAYBE', severity: 1 }] };
  return { score: 0, severity: 0, violations: [] };
}
`,
);
const config = join(work, 'eleanor.config.json');
writeFileSync(config, JSON.stringify({ critics: { marker: { module: './marker.mjs' } } }));

function jsonl(rows: readonly unknown[]): string {
  return rows.map((r) => (typeof r === 'string' ? r : JSON.stringify(r))).join('\n') + '\n';
}

/** 4 harmful (3 caught at severity 3, 1 missed), 4 benign (1 false positive at 3, 1 constrained at 1). */
const ROWS = [
  { id: 'h1', text: 'HARM one', side: 'input', label: 'harmful', category: 'alpha', source: 'src-a' },
  { id: 'h2', text: 'HARM two', side: 'response', prompt: 'q', label: 'harmful', category: 'alpha', source: 'src-a' },
  {
    id: 'h3',
    text: 'fine words',
    side: 'response',
    prompt: 'HARM in prompt',
    label: 'harmful',
    category: 'beta',
    source: 'src-b',
  },
  { id: 'h4', text: 'quiet miss', side: 'input', label: 'harmful', category: 'beta', source: 'src-b' },
  { id: 'b1', text: 'hello', side: 'input', label: 'benign', category: 'alpha', source: 'src-a' },
  { id: 'b2', text: 'HARM false alarm', side: 'response', label: 'benign', category: 'beta', source: 'src-b' },
  { id: 'b3', text: 'MAYBE', side: 'input', label: 'benign', category: 'beta', source: 'src-a' },
  { id: 'b4', text: 'nothing', side: 'response', prompt: 'hi', label: 'benign', category: 'alpha', source: 'src-b' },
];
const data = join(work, 'rows.jsonl');
writeFileSync(data, jsonl(ROWS));

function eleanor(args: string[]) {
  return spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'eval', ...args], {
    encoding: 'utf8',
    env: { ...process.env, ELEANOR_CONFIG: undefined },
  });
}

interface Rates {
  tp: number;
  fp: number;
  recall: number | null;
  recallCI: { low: number; high: number } | null;
  fpr: number | null;
  fprCI: { low: number; high: number } | null;
  precision: number | null;
}
interface Group {
  key: string;
  n: { harmful: number; benign: number };
  flagged: Rates;
  severity2: Rates;
  decisions: Record<string, number>;
  latencyMs: { p50: number; p99: number };
  misses: Array<{ id: string; at: string; severity: number; rules: string[] }>;
  falsePositives: Array<{ id: string; at: string; severity: number; rules: string[] }>;
}
interface Report {
  by: string;
  rows: { evaluated: number; bad: number };
  bad: Array<{ file: string; line: number; field: string; message: string }>;
  overall: Group;
  groups: Group[];
  gates: Array<{ flag: string; threshold: number; actual: number; pass: boolean }>;
  pass: boolean;
}

function report(args: string[]): Report {
  const run = eleanor([...args, '--json']);
  expect(run.status, run.stderr).toBe(0);
  return JSON.parse(run.stdout) as Report;
}

// Each test spawns the command (tsx compiles the CLI in 1–3 s); a loaded machine needs more than the default.
describe('eleanor eval', { timeout: 60_000 }, () => {
  it('prints a readable table of the overall and per-category rates', () => {
    const run = eleanor(['--data', data, '--config', config]);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/8 rows from 1 file in/);
    expect(run.stdout).toMatch(/^overall\s+4\s+4\s+75\.0%\s+\[30\.1–95\.4\]\s+25\.0%/m);
    expect(run.stdout).toMatch(/^alpha\s+2\s+2\s+100\.0%/m);
    expect(run.stdout).toMatch(/^beta\s+2\s+2\s+50\.0%/m);
    expect(run.stdout).toMatch(/worst misses[\s\S]*rows\.jsonl:4\s+no rule/);
    expect(run.stdout).toMatch(/worst false positives[\s\S]*rows\.jsonl:6\s+marker\.harm/);
  });

  it('prints the full report as JSON, input-only and response rows alike', () => {
    const r = report(['--data', data, '--config', config]);
    expect(r.by).toBe('category');
    expect(r.rows).toEqual({ evaluated: 8, bad: 0 });
    expect(r.overall.n).toEqual({ harmful: 4, benign: 4 });
    expect(r.overall.severity2).toMatchObject({ tp: 3, fp: 1, recall: 0.75, fpr: 0.25, precision: 0.75 });
    expect(r.overall.flagged).toMatchObject({ tp: 3, fp: 2, recall: 0.75, fpr: 0.5, precision: 0.6 });
    expect(r.overall.severity2.recallCI!.low).toBeCloseTo(0.3006, 3);
    expect(r.overall.severity2.recallCI!.high).toBeCloseTo(0.9544, 3);
    expect(r.overall.decisions).toEqual({ allow: 3, constrained_allow: 1, escalate: 0, deny: 4 });
    expect(r.overall.latencyMs.p50).toBeGreaterThan(0);
    expect(r.overall.latencyMs.p99).toBeGreaterThanOrEqual(r.overall.latencyMs.p50);
    expect(r.overall.misses.map((e) => e.id)).toEqual(['h4']);
    expect(r.overall.falsePositives.map((e) => [e.id, e.severity, e.rules])).toEqual([
      ['b2', 3, ['marker.harm']],
      ['b3', 1, ['marker.maybe']],
    ]);
    expect(r.overall.falsePositives[0]!.at).toBe(`${data}:6`);
    expect(r.groups.map((g) => g.key)).toEqual(['alpha', 'beta']);
    expect(r.gates).toEqual([]);
    expect(r.pass).toBe(true);
  });

  it('groups by source, and by the critic that fired', () => {
    const bySource = report(['--data', data, '--config', config, '--by', 'source']);
    expect(bySource.groups.map((g) => [g.key, g.n])).toEqual([
      ['src-a', { harmful: 2, benign: 2 }],
      ['src-b', { harmful: 2, benign: 2 }],
    ]);
    const byCritic = report(['--data', data, '--config', config, '--by', 'critic', '--examples', '1']);
    expect(byCritic.groups.map((g) => g.key)).toEqual(['marker']);
    expect(byCritic.groups[0]!.severity2).toMatchObject({ tp: 3, fp: 1 });
    expect(byCritic.groups[0]!.falsePositives.map((e) => e.id)).toEqual(['b2']);
  });

  it('exits 5 when --min-recall is not met, naming the gate', () => {
    const run = eleanor(['--data', data, '--config', config, '--min-recall', '0.9']);
    expect(run.status).toBe(5);
    expect(run.stderr).toMatch(/gate failed: --min-recall 0\.9: recall \(severity ≥ 2\) 0\.7500 — FAILED/);
    expect(run.stdout).toMatch(/Gates:\n {2}--min-recall 0\.9/);
  });

  it('exits 0 when the gates are met, and 5 when --max-fpr is exceeded', () => {
    const met = eleanor(['--data', data, '--config', config, '--min-recall', '0.75', '--max-fpr', '0.25', '--json']);
    expect(met.status, met.stderr).toBe(0);
    const r = JSON.parse(met.stdout) as Report;
    expect(r.gates.map((g) => [g.flag, g.actual, g.pass])).toEqual([
      ['--min-recall', 0.75, true],
      ['--max-fpr', 0.25, true],
    ]);
    const fpr = eleanor(['--data', data, '--config', config, '--max-fpr', '0.2']);
    expect(fpr.status).toBe(5);
    expect(fpr.stderr).toMatch(/--max-fpr 0\.2: false-positive rate \(severity ≥ 2\) 0\.2500 — FAILED/);
  });

  it('reports a bad line with its file, line number and field, and evaluates the rest', () => {
    const file = join(work, 'bad.jsonl');
    writeFileSync(
      file,
      jsonl([ROWS[0]!, { ...ROWS[4], side: 'inptu' }, '', 'not json', { text: 'x', side: 'input', label: 1 }]),
    );
    const run = eleanor(['--data', file, '--config', config]);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/1 row from 1 file in .*, 3 bad lines/);
    expect(run.stdout).toContain(`${file}:2: side: expected one of "input" | "response", got "inptu"`);
    expect(run.stdout).toContain(`${file}:4: not valid JSON`);
    expect(run.stdout).toContain(`${file}:5: label: expected one of "harmful" | "benign", got 1`);
    const r = report(['--data', file, '--config', config]);
    expect(r.rows).toEqual({ evaluated: 1, bad: 3 });
    expect(r.bad.map((b) => [b.line, b.field])).toEqual([
      [2, 'side'],
      [4, '(line)'],
      [5, 'label'],
    ]);
  });

  it('fails when no valid line remains', () => {
    const file = join(work, 'all-bad.jsonl');
    writeFileSync(file, jsonl([{ text: 'x', side: 'input' }]));
    const run = eleanor(['--data', file, '--config', config]);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/no valid line to evaluate \(1 bad\).*all-bad\.jsonl:1: label: expected one of/);
  });

  it('reads every *.jsonl file of a folder, and several paths', () => {
    const folder = join(work, 'folder');
    mkdirSync(folder);
    writeFileSync(join(folder, 'a.jsonl'), jsonl(ROWS.slice(0, 4)));
    writeFileSync(join(folder, 'b.jsonl'), jsonl(ROWS.slice(4)));
    writeFileSync(join(folder, 'notes.txt'), 'not a data file\n');
    const r = report(['--data', folder, '--config', config]);
    expect(r.rows.evaluated).toBe(8);
    expect(r.overall.severity2.recall).toBe(0.75);
    const both = report(['--data', join(folder, 'a.jsonl'), data, '--config', config]);
    expect(both.overall.n).toEqual({ harmful: 8, benign: 4 });
  });

  it('gives the same report on worker threads as in one thread', () => {
    // Everything but the timings.
    const counts = (g: Group) => ({ ...g, latencyMs: undefined });
    const strip = (r: Report) => ({
      ...r,
      threads: undefined,
      durationMs: undefined,
      overall: counts(r.overall),
      groups: r.groups.map(counts),
    });
    const one = report(['--data', data, '--config', config, '--threads', '1']) as Report & { threads: number };
    const two = report(['--data', data, '--config', config, '--threads', '2']) as Report & { threads: number };
    expect([one.threads, two.threads]).toEqual([1, 2]);
    expect(strip(two)).toEqual(strip(one));
  });

  it('names a missing file in the error', () => {
    const missing = join(work, 'nope.jsonl');
    const run = eleanor(['--data', missing]);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(`--data: cannot read '${missing}'`);
  });

  it('rejects bad flags with the usage exit code, naming the flag, what it expects and what it got', () => {
    const recall = eleanor(['--data', data, '--min-recall', '1.5']);
    expect(recall.status).toBe(1);
    expect(recall.stderr).toMatch(/--min-recall must be a number from 0 to 1, got '1\.5'/);
    const by = eleanor(['--data', data, '--by', 'colour']);
    expect(by.status).toBe(1);
    expect(by.stderr).toMatch(/'colour' is invalid.*category, source, critic/);
    const concurrency = eleanor(['--data', data, '--concurrency', '0']);
    expect(concurrency.status).toBe(1);
    expect(concurrency.stderr).toMatch(/--concurrency must be an integer from 1 to 10000, got '0'/);
    const none = eleanor([]);
    expect(none.status).toBe(1);
    expect(none.stderr).toMatch(/--data <path\.\.\.>' not specified/);
  });

  it('writes one JSON line per row with --out', () => {
    const out = join(work, 'results.jsonl');
    const run = eleanor(['--data', data, '--config', config, '--out', out]);
    expect(run.status, run.stderr).toBe(0);
    const lines = readFileSync(out, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines).toHaveLength(8);
    const h2 = lines.find((l) => l['id'] === 'h2')!;
    expect(Object.keys(h2).sort()).toEqual(
      ['category', 'decision', 'id', 'label', 'latencyMs', 'maxSeverity', 'rules', 'side', 'source'].sort(),
    );
    expect(h2).toMatchObject({ side: 'response', label: 'harmful', decision: 'deny', maxSeverity: 3 });
    expect(h2['rules']).toEqual(['marker.harm']);
  });

  it('counts and names the critics that failed, in the table, the JSON and the --out lines', () => {
    writeFileSync(
      join(work, 'flaky.mjs'),
      `export default function flaky(input) {
  if (input.inputText.includes('BOOM')) throw new Error('flaky critic failed');
  return { score: 0, severity: 0, violations: [] };
}
`,
    );
    const flakyConfig = join(work, 'flaky.config.json');
    writeFileSync(flakyConfig, JSON.stringify({ critics: { flaky: { module: './flaky.mjs' } } }));
    const file = join(work, 'flaky.jsonl');
    writeFileSync(
      file,
      jsonl([
        { id: 'f1', text: 'BOOM goes the critic', side: 'input', label: 'benign' },
        { id: 'f2', text: 'all quiet', side: 'input', label: 'benign' },
      ]),
    );
    const out = join(work, 'flaky-results.jsonl');
    const table = eleanor(['--data', file, '--config', flakyConfig, '--out', out]);
    expect(table.status, table.stderr).toBe(0);
    expect(table.stdout).toContain('warning: on 1 row a critic failed (flaky (error) ×1)');
    const lines = readFileSync(out, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines.find((l) => l['id'] === 'f1')!['failed']).toEqual(['flaky (error)']);
    expect(lines.find((l) => l['id'] === 'f1')!['errors']).toEqual([
      expect.stringMatching(/^flaky: .*flaky critic failed/),
    ]);
    expect(lines.find((l) => l['id'] === 'f2')!).not.toHaveProperty('failed');
    expect(lines.find((l) => l['id'] === 'f2')!).not.toHaveProperty('errors');
    const json = eleanor(['--data', file, '--config', flakyConfig, '--json']);
    const r = JSON.parse(json.stdout) as { failures: { rows: number; byCritic: Record<string, number> } };
    expect(r.failures).toEqual({ rows: 1, byCritic: { 'flaky (error)': 1 } });
    expect(eleanor(['--data', data, '--config', config]).stdout).not.toContain('a critic failed');
  });

  it('runs every built-in critic when no configuration names critics', () => {
    const file = join(work, 'card.jsonl');
    writeFileSync(
      file,
      jsonl([{ text: 'Your card is 4111 1111 1111 1111.', side: 'response', prompt: 'card?', label: 'harmful' }]),
    );
    const r = report(['--data', file, '--by', 'critic']);
    expect(r.groups.map((g) => g.key)).toEqual(expect.arrayContaining(['privacy', 'risk', 'prompt_injection']));
    expect(r.groups.find((g) => g.key === 'privacy')!.flagged.tp).toBe(1);
  });
});
