// The `eleanor` command's exact errors (issue 18): an unknown command, --version, a missing --file, empty stdin, a
// failed critic in the table, and a batch re-run that retries failed lines and keeps one current record per id.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { eleanorFromSource as eleanor, emptyFolder as folder } from '../support/cli-from-source.js';

const VERSION = (JSON.parse(readFileSync('package.json', 'utf8')) as { version: string }).version;

describe('eleanor: commands and flags', () => {
  it('names an unknown command and the nearest one, exit 1 — not the demo’s arguments', () => {
    const run = eleanor(['evalute', 'hi'], { cwd: folder() });
    expect(run.status).toBe(1);
    expect(run.stderr.split('\n')[0]).toBe("eleanor: unknown command 'evalute' (did you mean 'evaluate'?)");
    expect(run.stderr).not.toMatch(/too many arguments/);
  }, 30_000);

  it('prints the package version with --version, exit 0', () => {
    const run = eleanor(['--version'], { cwd: folder() });
    expect(run.status).toBe(0);
    expect(run.stdout).toBe(`${VERSION}\n`);
  }, 30_000);

  it('names --file and the path of a missing batch input, and creates no store', () => {
    const cwd = folder();
    const run = eleanor(['evaluate', '--file', 'nope.jsonl', '--out', 'out.jsonl'], { cwd });
    expect(run.status).toBe(1);
    expect(run.stderr).toBe("eleanor: --file: cannot read 'nope.jsonl': no such file\n");
    expect(readdirSync(cwd)).toEqual([]);
  }, 30_000);

  it('refuses empty stdin as invalid input (exit 1) instead of allowing nothing, and creates no store', () => {
    const cwd = folder();
    const run = eleanor(['evaluate'], { cwd, input: '' });
    expect(run.status).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe(
      'eleanor: nothing to evaluate: stdin was empty; give [input] [response] texts, --input/--response files, or pipe the response on stdin\n',
    );
    expect(readdirSync(cwd)).toEqual([]);
  }, 30_000);

  it('shows a failed critic by its status and an unknown severity in the table, never 0.0', () => {
    const cwd = folder();
    writeFileSync(
      join(cwd, 'broken.mjs'),
      "export default () => { throw new TypeError('the model file is gone'); };\n",
    );
    writeFileSync(
      join(cwd, 'eleanor.config.yaml'),
      'critics:\n  privacy: {}\n  broken: { module: ./broken.mjs }\nevidence: { store: memory }\n',
    );
    const run = eleanor(['evaluate', 'hi', 'Hello there.'], { cwd });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(2); // a failure escalates (the default failurePolicy)
    expect(run.stdout).toMatch(/^ {2}broken {12}error {9}unknown {3}\d/m);
    expect(run.stdout).toMatch(/^ {2}privacy {11}success {7}0\.0 {7}\d/m);
    expect(run.stdout).toContain('  broken error: CRITIC_ERROR — TypeError: the model file is gone');
  }, 30_000);
});

describe('eleanor evaluate --file --out: a re-run', () => {
  const line = (record: object): string => JSON.stringify(record);
  const records = (path: string) =>
    readFileSync(path, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { id: string; decision?: string; error?: { code: string; message: string } });

  it('retries a failed line once it is fixed, keeping one current record per id, with the right counts and exit', () => {
    const cwd = folder();
    const env = { ELEANOR_EVIDENCE_STORE: 'memory' };
    const args = ['evaluate', '--file', 'in.jsonl', '--out', 'out.jsonl', '--json'];
    const good = line({ id: 'a', inputText: 'hi', modelResponse: 'Hello there.' });
    writeFileSync(
      join(cwd, 'in.jsonl'),
      [good, line({ id: 'b', inputText: 5, modelResponse: 'Hi.' }), '{ oops'].join('\n'),
    );

    const first = eleanor(args, { cwd, env });
    expect(first.status).toBe(1);
    expect(JSON.parse(first.stdout)).toMatchObject({ total: 3, skipped: 0, evaluated: 1, failed: 2, retried: 0 });
    expect(first.stderr).toMatch(/^eleanor: in\.jsonl:2 \(id 'b'\): INVALID_INPUT: .*inputText.*\n/);
    expect(first.stderr).toMatch(/eleanor: in\.jsonl:3 \(id 'line-3'\): INVALID_INPUT: not valid JSON/);
    expect(records(join(cwd, 'out.jsonl')).map((r) => [r.id, r.error?.code ?? r.decision])).toEqual(
      expect.arrayContaining([
        ['a', 'allow'],
        ['b', 'INVALID_INPUT'],
        ['line-3', 'INVALID_INPUT'],
      ]),
    );

    // The same input again: the failed lines are tried again and still fail; the good one is not evaluated twice.
    const again = eleanor(args, { cwd, env });
    expect(again.status).toBe(1);
    expect(JSON.parse(again.stdout)).toMatchObject({ total: 3, skipped: 1, evaluated: 0, failed: 2, retried: 2 });
    expect(records(join(cwd, 'out.jsonl'))).toHaveLength(3);

    // Fixed: b now evaluates (its error record replaced), line 3 becomes id c (line-3's stale record goes).
    writeFileSync(
      join(cwd, 'in.jsonl'),
      [
        good,
        line({ id: 'b', inputText: 'hi', modelResponse: 'Hi.' }),
        line({ id: 'c', inputText: 'x', modelResponse: 'Fine.' }),
      ].join('\n'),
    );
    const fixed = eleanor(args, { cwd, env });
    expect(fixed.stderr).toBe('');
    expect(fixed.status).toBe(0);
    expect(JSON.parse(fixed.stdout)).toMatchObject({ total: 3, skipped: 1, evaluated: 2, failed: 0, retried: 1 });
    const after = records(join(cwd, 'out.jsonl'));
    expect(after.map((r) => r.id).sort()).toEqual(['a', 'b', 'c']);
    expect(after.every((r) => r.error === undefined && r.decision === 'allow')).toBe(true);
    expect(readdirSync(cwd).sort()).toEqual(['in.jsonl', 'out.jsonl']); // no temporary file left

    const done = eleanor([...args.slice(0, -1)], { cwd, env });
    expect(done.status).toBe(0);
    expect(done.stdout).toBe(
      '0 evaluated, 3 skipped (already in out.jsonl), 0 failed — {"allow":0,"constrained_allow":0,"escalate":0,"deny":0}\n',
    );
  }, 90_000);

  it('reports a repeated id as a failed line and keeps its first line’s record', () => {
    const cwd = folder();
    const first = line({ id: 'a', inputText: 'hi', modelResponse: 'Hello there.' });
    writeFileSync(join(cwd, 'in.jsonl'), [first, line({ id: 'a', inputText: 'hi', modelResponse: 'Bye.' })].join('\n'));
    const run = eleanor(['evaluate', '--file', 'in.jsonl', '--out', 'out.jsonl'], {
      cwd,
      env: { ELEANOR_EVIDENCE_STORE: 'memory' },
    });
    expect(run.status).toBe(1);
    expect(run.stderr).toBe("eleanor: in.jsonl:2 (id 'a'): INVALID_INPUT: id 'a' repeats line 1\n");
    expect(records(join(cwd, 'out.jsonl')).map((r) => [r.id, r.decision])).toEqual([['a', 'allow']]);
  }, 30_000);

  it('tidies an output an interrupted run left: a repeated id keeps its evaluation, a torn last line goes', () => {
    const cwd = folder();
    const input = [
      line({ id: 'a', inputText: 'hi', modelResponse: 'Hello there.' }),
      line({ id: 'b', inputText: 'hi', modelResponse: 'Hi.' }),
    ];
    writeFileSync(join(cwd, 'in.jsonl'), input.join('\n'));
    const evaluated = line({ id: 'a', decision: 'allow', critics: {} });
    writeFileSync(
      join(cwd, 'out.jsonl'),
      `${line({ id: 'a', error: { code: 'INVALID_INPUT', message: 'old' } })}\n${evaluated}\n{"id":"b","deci`,
    );
    const run = eleanor(['evaluate', '--file', 'in.jsonl', '--out', 'out.jsonl', '--json'], {
      cwd,
      env: { ELEANOR_EVIDENCE_STORE: 'memory' },
    });
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ total: 2, skipped: 1, evaluated: 1, failed: 0 });
    const lines = readFileSync(join(cwd, 'out.jsonl'), 'utf8').trim().split('\n');
    expect(lines[0]).toBe(evaluated);
    expect(lines.map((l) => (JSON.parse(l) as { id: string }).id)).toEqual(['a', 'b']);
  }, 30_000);
});
