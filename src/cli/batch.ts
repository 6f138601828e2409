// `eleanor evaluate --file in.jsonl --out out.jsonl`: bounded concurrency, a progress bar, resumable by id.
import { createReadStream, createWriteStream, existsSync } from 'node:fs';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { SingleBar } from 'cli-progress';
import { describeError, isEleanorError } from '../core/errors.js';
import type { Engine } from '../engine/engine.js';
import type { Decision } from '../verdict/types.js';

export interface BatchOptions {
  readonly file: string;
  readonly out: string;
  readonly concurrency: number;
  readonly deadlineMs?: number;
  /** Show a progress bar on stderr. */
  readonly progress: boolean;
}

export interface BatchSummary {
  readonly total: number;
  readonly skipped: number;
  readonly evaluated: number;
  readonly failed: number;
  readonly decisions: Record<Decision, number>;
}

interface Line {
  readonly id: string;
  readonly request: unknown;
  readonly parseError?: string;
}

/** Non-blank lines with their 1-based line numbers. */
async function readLines(path: string): Promise<Array<{ text: string; n: number }>> {
  const lines: Array<{ text: string; n: number }> = [];
  const reader = createInterface({ input: createReadStream(path, 'utf8'), crlfDelay: Infinity });
  let n = 0;
  for await (const text of reader) {
    n++;
    if (text.trim() !== '') lines.push({ text, n });
  }
  return lines;
}

function toLine(text: string, n: number): Line {
  try {
    const value = JSON.parse(text) as Record<string, unknown>;
    const { id, ...request } = value;
    const key =
      typeof id === 'string' || typeof id === 'number'
        ? String(id)
        : typeof value['traceId'] === 'string'
          ? value['traceId']
          : `line-${n}`;
    return { id: key, request };
  } catch (error) {
    return {
      id: `line-${n}`,
      request: undefined,
      parseError: `line ${n}: not valid JSON (${(error as Error).message})`,
    };
  }
}

/** Ids already in the output file: a re-run skips them. */
async function doneIds(out: string): Promise<Set<string>> {
  if (!existsSync(out)) return new Set();
  const ids = new Set<string>();
  for (const { text } of await readLines(out)) {
    try {
      const id = (JSON.parse(text) as { id?: unknown }).id;
      if (typeof id === 'string') ids.add(id);
    } catch {
      // A torn last line from an interrupted run: that request is evaluated again.
    }
  }
  return ids;
}

export async function runBatch(engine: Engine, options: BatchOptions): Promise<BatchSummary> {
  const lines = (await readLines(options.file)).map(({ text, n }) => toLine(text, n));
  const done = await doneIds(options.out);
  const todo = lines.filter((l) => !done.has(l.id));
  const output = createWriteStream(options.out, { flags: 'a' });
  const decisions: Record<Decision, number> = { allow: 0, constrained_allow: 0, escalate: 0, deny: 0 };
  let failed = 0;
  const bar = options.progress
    ? new SingleBar({ format: 'evaluating [{bar}] {value}/{total} {eta_formatted} left', stream: process.stderr })
    : undefined;
  bar?.start(todo.length, 0);

  const write = async (record: unknown): Promise<void> => {
    if (!output.write(`${JSON.stringify(record)}\n`)) await once(output, 'drain');
  };
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < todo.length) {
      const line = todo[next++]!;
      try {
        if (line.parseError) throw new Error(line.parseError);
        const evaluation = await engine.evaluate(
          line.request as never,
          options.deadlineMs ? { deadlineMs: options.deadlineMs } : {},
        );
        decisions[evaluation.decision]++;
        await write({ id: line.id, ...evaluation });
      } catch (error) {
        failed++;
        await write({
          id: line.id,
          error: { code: isEleanorError(error) ? error.code : 'INVALID_INPUT', message: describeError(error) },
        });
      }
      bar?.increment();
    }
  };
  try {
    await Promise.all(Array.from({ length: Math.min(options.concurrency, Math.max(1, todo.length)) }, worker));
  } finally {
    bar?.stop();
    output.end();
    await once(output, 'finish');
  }
  return {
    total: lines.length,
    skipped: lines.length - todo.length,
    evaluated: todo.length - failed,
    failed,
    decisions,
  };
}
