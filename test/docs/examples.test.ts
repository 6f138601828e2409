// The documented commands run as written and give what the docs show: the README's CLI lines (their exit codes), its keyed `serve` and the curl it prints, and docs/http.md's curls (the output shown under each).
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const README = readFileSync(join(ROOT, 'README.md'), 'utf8');
const HTTP_DOC = readFileSync(join(ROOT, 'docs/http.md'), 'utf8');

/** Every fenced block of a language ('' for a plain one), in order, with what follows it. */
function blocks(markdown: string, lang: string): { body: string; after: string }[] {
  const found: { body: string; after: string }[] = [];
  for (const m of markdown.matchAll(/^```(\w*)\n([\s\S]*?)^```\n/gm)) {
    if (m[1] === lang) found.push({ body: m[2]!, after: markdown.slice(m.index + m[0].length) });
  }
  return found;
}

/** A shell block's commands (continuation lines joined) and their comments (after `  # `). */
function commands(block: string): { command: string; comment: string }[] {
  return block
    .replace(/\\\n\s*/g, '')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => {
      const at = line.search(/\s{2,}# /);
      return at < 0
        ? { command: line.trim(), comment: '' }
        : { command: line.slice(0, at).trim(), comment: line.slice(at).replace(/^\s+# /, '') };
    });
}

/** The `"key":value` pairs a documented JSON text states (values elided with … are not stated). */
function statedPairs(json: string): string[] {
  return [
    ...json.matchAll(/"[A-Za-z_]\w*":(?:"(?:[^"\\…]|\\.)*"|-?\d+(?:\.\d+)?|true|false|null|\[\])(?=[,}\]])/g),
  ].map((m) => m[0]);
}

/** Server-Sent Events as `{ event, data }`, comments dropped. */
function events(text: string): { event: string; data: string }[] {
  return [...text.matchAll(/^event: (.+)\ndata: (.+)$/gm)].map((m) => ({ event: m[1]!, data: m[2]! }));
}

const dir = mkdtempSync(join(tmpdir(), 'eleanor-docs-'));
/** The children's environment: this one without any ELEANOR_* setting of the machine running the tests. */
const env: NodeJS.ProcessEnv = Object.fromEntries(
  Object.entries(process.env).filter(([name]) => !name.startsWith('ELEANOR_')),
);

function sh(command: string, extra: NodeJS.ProcessEnv = {}) {
  return spawnSync('bash', ['-c', command], { cwd: dir, env: { ...env, ...extra }, encoding: 'utf8', timeout: 90_000 });
}

beforeAll(() => {
  if (!existsSync(join(ROOT, 'dist/cli/main.js'))) throw new Error('dist/ is missing: run `npm run build` first');
  if (sh('command -v curl').status !== 0) throw new Error('curl is missing: the documented examples use it');
  // The repository's root as a reader has it: the built dist/ and the examples (copied: the commands write beside them).
  symlinkSync(join(ROOT, 'dist'), join(dir, 'dist'), 'dir');
  cpSync(join(ROOT, 'examples'), join(dir, 'examples'), {
    recursive: true,
    filter: (path) => !path.endsWith('key-secret'),
  });
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

// Every CLI start loads the critics' models: seconds each on a busy machine.
describe('documented examples', { timeout: 240_000 }, () => {
  it('README: each CLI line exits as its comment says, in order in one folder (needs `npm run build`)', () => {
    const block = blocks(README, 'sh').find((b) => b.body.startsWith('node dist/cli/main.js evaluate'));
    expect(block, 'the README block of CLI examples').toBeDefined();
    const lines = commands(block!.body);
    expect(lines.length).toBeGreaterThanOrEqual(8);
    for (const { command, comment } of lines) {
      const exit = /exit (\d)/.exec(comment);
      expect(exit, `${command}: its comment names the exit code`).not.toBeNull();
      const result = sh(command);
      expect(result.status, `${command}\n${result.stdout}\n${result.stderr}`).toBe(Number(exit![1]));
      if (command.includes('--file examples/requests.jsonl')) {
        const count = /a resumable batch of (\d+) \((\d+) denied\)/.exec(comment)!;
        const records = readFileSync(join(dir, 'evaluations.jsonl'), 'utf8').trim().split('\n');
        const decisions = records.map((line) => (JSON.parse(line) as { decision?: string }).decision);
        expect(records).toHaveLength(Number(count[1]));
        expect(decisions.filter((d) => d === 'deny')).toHaveLength(Number(count[2]));
      }
    }
  });

  it("README's keyed service and docs/http.md's curls: the printed curl works with $ELEANOR_API_KEY, each curl gives the output shown (needs `npm run build`)", async () => {
    const block = blocks(README, 'sh').find((b) => b.body.startsWith('node dist/cli/main.js keys secret'));
    expect(block, 'the README block that serves with API keys').toBeDefined();
    const [secret, create, serve] = commands(block!.body).map((line) => line.command);
    expect(sh(secret!).status).toBe(0);
    const created = sh(create!);
    expect(created.status, created.stderr).toBe(0);
    const key = /elk_[\w-]+/.exec(created.stdout)?.[0];
    expect(key, created.stdout).toBeDefined();
    expect(created.stdout).toContain(`ELEANOR_API_KEYS='me:evaluator+reviewer:${key}'`); // the form the serve line uses
    expect(README).toContain('`export ELEANOR_API_KEY=elk_…`'); // what the reader sets in the curl's shell
    expect(serve).toContain("'me:evaluator+reviewer:elk_…'");

    // As written with the new key, but on a free port and in one process (the README's: the configuration's 8080, one
    // per core). exec env: the server is this child itself (the line starts with an assignment), so SIGTERM reaches it.
    const line = serve!.replace('elk_…', key!);
    const child = spawn('bash', ['-c', `exec env ${line} --port 0 --workers 1`], {
      cwd: dir,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    try {
      const end = Date.now() + 60_000;
      while (!/try it: /.test(output)) {
        if (Date.now() > end || child.exitCode !== null) throw new Error(`serve did not start:\n${output}`);
        await new Promise((r) => setTimeout(r, 100));
      }
      const url = /serving on (http:\/\/\S+)/.exec(output)![1]!;
      const printed = /try it: +(.+)/.exec(output)![1]!;
      expect(printed).toContain('$ELEANOR_API_KEY');
      const answer = sh(printed, { ELEANOR_API_KEY: key });
      expect(JSON.parse(answer.stdout)).toMatchObject({ decision: 'deny' });

      const curls = blocks(HTTP_DOC, 'sh').filter((b) => b.body.startsWith('curl '));
      expect(curls.length).toBeGreaterThanOrEqual(2);
      for (const curl of curls) {
        const command = commands(curl.body)[0]!.command;
        const shown = /^\s*```\n([\s\S]*?)^```\n/m.exec(curl.after)?.[1];
        expect(shown, `${command}: the output shown after it`).toBeDefined();
        const real = sh(command.replaceAll('http://127.0.0.1:8080', url), { ELEANOR_API_KEY: key });
        expect(real.status, real.stderr).toBe(0);
        const documented = events(shown!);
        if (documented.length === 0) {
          for (const pair of statedPairs(shown!)) expect(real.stdout, command).toContain(pair);
          continue;
        }
        const streamed = events(real.stdout);
        for (const { event, data } of documented) {
          const pairs = statedPairs(data);
          const match = streamed.find((e) => e.event === event && pairs.every((p) => e.data.includes(p)));
          expect(match, `${command}: an '${event}' event with ${pairs.join(' ')}\n${real.stdout}`).toBeDefined();
        }
      }
    } finally {
      child.kill('SIGTERM');
      await exited;
    }
  });
});
