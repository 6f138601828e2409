// Configuration errors word for word: every example of docs/configuration.md's "Configuration errors" is the real message.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createEngine } from '../engine.js';
import { loadConfig } from './load.js';

/** The message loadConfig refuses `yaml` (as eleanor.config.yaml) and `env` with. */
async function refusal(yaml: string | undefined, env: Record<string, string> = {}): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'eleanor-config-errors-'));
  if (yaml !== undefined) writeFileSync(join(dir, 'eleanor.config.yaml'), yaml);
  const error = await loadConfig({ cwd: dir, env }).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect((error as { code?: string } | undefined)?.code).toBe('INVALID_CONFIG');
  return (error as Error).message;
}

const inFile = (problem: string): string => `eleanor.config.yaml: invalid configuration — ${problem}`;

/** Each documented line, and the configuration that must produce exactly that message. */
const EXAMPLES: ReadonlyArray<{ line: string; yaml?: string; env?: Record<string, string>; message?: string }> = [
  {
    line: "eleanor.config.yaml: invalid configuration — critics.risk.failurePolicy: expected 'escalate', 'deny' or 'ignore', got 'explode'",
    yaml: 'critics:\n  risk: { failurePolicy: explode }\n',
    message:
      "eleanor.config.yaml: invalid configuration — critics.risk.failurePolicy: expected 'escalate', 'deny' or 'ignore', got 'explode'",
  },
  { line: "critics.risk.timeoutMs: expected a number, got 'fast'", yaml: 'critics:\n  risk: { timeoutMs: fast }\n' },
  {
    line: "evidence.store: expected 'sqlite', 'postgres' or 'memory', got 'mysql'",
    yaml: 'evidence:\n  store: mysql\n',
  },
  {
    line: "critics.risk.failurPolicy: unknown setting; did you mean 'failurePolicy'?",
    yaml: 'critics:\n  risk: { failurPolicy: deny }\n',
  },
  {
    line: "critics.mine.reads: expected 'input', 'response' or 'both', got 'answer'",
    yaml: 'critics:\n  mine: { module: ./mine.js, reads: answer }\n',
  },
  {
    line: "critics.risk.policy: expected 'always', 'on_violation', 'on_high_risk' or 'on_uncertainty', or a function, got 5",
    yaml: 'critics:\n  risk: { policy: 5 }\n',
  },
  {
    line: 'critics.tone.judge.model: expected a string, got nothing',
    yaml: 'critics:\n  tone:\n    judge: { endpoint: "http://127.0.0.1:8080/v1", prompt: Be kind. }\n',
  },
  { line: "model.type: expected 'static' or 'openai', got 'opena'", yaml: 'model: { type: opena }\n' },
  { line: 'decision.denyAt: expected at most 3, got 9', yaml: 'decision: { denyAt: 9 }\n' },
  {
    line: "infrastructure.metrics: expected true or false, or an object, got 'yes'",
    yaml: 'infrastructure: { metrics: "yes" }\n',
  },
  {
    line: 'http.apiKeys.0.hmac: expected the hex HMAC-SHA-256 of the key (64 lower-case hex digits), got a string of 12 characters',
    yaml: 'http:\n  apiKeys: [{ id: ci, roles: [evaluator], hmac: not-a-hash12 }]\n',
  },
  {
    line: "environment: invalid configuration — evidence.mode: expected 'strict' or 'async', got 'fast' (set by ELEANOR_EVIDENCE_MODE)",
    env: { ELEANOR_EVIDENCE_MODE: 'fast' },
    message:
      "environment: invalid configuration — evidence.mode: expected 'strict' or 'async', got 'fast' (set by ELEANOR_EVIDENCE_MODE)",
  },
  {
    line: "ELEANOR_TIMEOUT_MS: expected a number, got 'soon'",
    env: { ELEANOR_TIMEOUT_MS: 'soon' },
    message: "ELEANOR_TIMEOUT_MS: expected a number, got 'soon'",
  },
];

/** The lines of the fenced block under "### Configuration errors". */
function documentedLines(): string[] {
  const doc = readFileSync('docs/configuration.md', 'utf8');
  const section = doc.slice(doc.indexOf('### Configuration errors'));
  const block = /```text\n([\s\S]*?)```/.exec(section)?.[1];
  expect(block, 'the section has a text block').toBeDefined();
  return block!.trim().split('\n');
}

describe('configuration errors', () => {
  it('documents exactly the examples tested here', () => {
    expect(documentedLines()).toEqual(EXAMPLES.map((e) => e.line));
  });

  it.each(EXAMPLES)('$line', async ({ line, yaml, env, message }) => {
    expect(await refusal(yaml, env)).toBe(message ?? inFile(line));
  });

  it('names the setting, the allowed values and the value given for an enum inside a critic entry', async () => {
    // Issue 18: these three said only "critics.risk: Invalid input" (a union of the entry's kinds).
    expect(await refusal('critics:\n  risk:\n    failurePolicy: explode\n')).toBe(
      inFile("critics.risk.failurePolicy: expected 'escalate', 'deny' or 'ignore', got 'explode'"),
    );
    expect(await refusal('timeoutMs: fast\ncritics:\n  risk: { timeoutMs: fast }\n')).toBe(
      inFile("critics.risk.timeoutMs: expected a number, got 'fast'; timeoutMs: expected a number, got 'fast'"),
    );
    expect(await refusal('evidence: { store: mysql }\n')).toBe(
      inFile("evidence.store: expected 'sqlite', 'postgres' or 'memory', got 'mysql'"),
    );
  });

  it('lists every problem, each with its full path, in one message', async () => {
    expect(
      await refusal(
        'critics:\n  risk: { priority: 11, failurePolicy: explode }\n  Bad Name: {}\nevidence: { foo: 1 }\n',
      ),
    ).toBe(
      inFile(
        [
          'critics.risk.priority: expected at most 10, got 11',
          "critics.risk.failurePolicy: expected 'escalate', 'deny' or 'ignore', got 'explode'",
          "critics: invalid name 'Bad Name' — critic names are letters, digits, _ and -",
          'evidence.foo: unknown setting; expected one of store, path, url, schema, synchronous, mode, redact, chain, maxBatch, checkpoints',
        ].join('; '),
      ),
    );
  });

  it('descends into the kind of critic entry the keys name', async () => {
    expect(await refusal('critics:\n  mine: { module: 5 }\n')).toBe(
      inFile('critics.mine.module: expected a string, got 5'),
    );
    expect(await refusal('critics:\n  mine: { module: ./a.js, judge: {} }\n')).toBe(
      inFile('critics.mine.module: a critic is one of judge, module or evaluate; this one has judge and module'),
    );
    expect(await refusal('critics:\n  risk: { reads: input }\n')).toBe(
      inFile(
        'critics.risk.reads: only custom (evaluate) and module critics take `reads`; a built-in declares what it reads and an LLM judge reads both',
      ),
    );
    expect(await refusal('critics:\n  risk: on\n')).toBe(inFile("critics.risk: expected an object, got 'on'"));
  });

  it('never shows a secret or the credentials of a URL', async () => {
    const message = await refusal(
      'transport: { kind: bullmq, redis: { url: "http://user:hunter2@redis:6379" } }\nmodel: { type: openai, baseURL: "http://x/v1", model: m, apiKey: 5 }\n',
    );
    expect(message).toContain("transport.redis.url: expected a redis:// or rediss:// URL, got 'http://…@redis:6379'");
    expect(message).toContain('model.apiKey: expected a string, got 5');
    expect(message).not.toContain('hunter2');
  });

  it('words createEngine’s refusal the same way', () => {
    expect(() => createEngine({ evidence: { store: 'mysql' as 'sqlite' } })).toThrow(
      "Invalid engine configuration — evidence.store: expected 'sqlite', 'postgres' or 'memory', got 'mysql'",
    );
  });
});
