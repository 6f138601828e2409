// `eleanor evaluate --file in.jsonl --out out.jsonl`: bounded concurrency, a progress bar, resumable by id — an id with
// an evaluation in the output is done; a failed line is retried; the output keeps one current record per id.
import { createReadStream, existsSync } from 'node:fs';
import { open, rename, rm } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { SingleBar } from 'cli-progress';
import { describeError, EleanorError, isEleanorError } from '../core/index.js';
import type { Engine } from '../engine/index.js';
import type { Decision } from '../verdict/index.js';
import { cannotRead } from './io.js';

export interface BatchOptions {
  readonly file: string;
  readonly out: string;
  readonly concurrency: number;
  readonly deadlineMs?: number;
  /** Show a progress bar on stderr. */
  readonly progress: boolean;
}

/** A line that did not become an evaluation: its `error` record is in the output, and a re-run tries it again. */
export interface BatchFailure {
  readonly id: string;
  /** 1-based line number in the input file. */
  readonly line: number;
  readonly code: string;
  readonly message: string;
}

export interface BatchSummary {
  readonly total: number;
  /** Lines whose id already has an evaluation in the output. */
  readonly skipped: number;
  readonly evaluated: number;
  readonly failed: number;
  /** Lines tried again because their earlier record in the output was an error (counted in evaluated or failed). */
  readonly retried: number;
  readonly decisions: Record<Decision, number>;
  readonly failures: readonly BatchFailure[];
}

interface Line {
  readonly id: string;
  readonly n: number;
  readonly request: unknown;
  /** Set when the line cannot be evaluated at all: not JSON, or an id an earlier line has (which gets no record). */
  readonly problem?: { readonly message: string; readonly recorded: boolean };
}

/** Non-blank lines with their 1-based line numbers. */
async function* readLines(path: string): AsyncGenerator<{ text: string; n: number }> {
  const reader = createInterface({ input: createReadStream(path, 'utf8'), crlfDelay: Infinity });
  let n = 0;
  for await (const text of reader) {
    n++;
    if (text.trim() !== '') yield { text, n };
  }
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
    return { id: key, n, request };
  } catch (error) {
    return {
      id: `line-${n}`,
      n,
      request: undefined,
      problem: { message: `not valid JSON (${(error as Error).message})`, recorded: true },
    };
  }
}

async function readInput(file: string): Promise<Line[]> {
  const lines: Line[] = [];
  const seen = new Map<string, number>();
  try {
    for await (const { text, n } of readLines(file)) {
      const line = toLine(text, n);
      const first = seen.get(line.id);
      if (first === undefined) seen.set(line.id, n);
      lines.push(
        first === undefined
          ? line
          : { ...line, problem: { message: `id '${line.id}' repeats line ${first}`, recorded: false } },
      );
    }
  } catch (cause) {
    throw cannotRead('--file', file, cause);
  }
  return lines;
}

/** What the output holds: per id its latest record (line number, evaluation or error), and whether it needs a rewrite. */
interface OutputState {
  /** Ids whose latest record is an evaluation, and that record's line number. */
  readonly done: Map<string, number>;
  /** Ids whose latest record is an error. */
  readonly failedBefore: Set<string>;
  /** Anything but one evaluation record per id: error records, repeated ids, a torn line from an interrupted run. */
  readonly untidy: boolean;
}

async function readOutput(out: string): Promise<OutputState> {
  const done = new Map<string, number>();
  const failedBefore = new Set<string>();
  let untidy = false;
  if (!existsSync(out)) return { done, failedBefore, untidy };
  try {
    for await (const { text, n } of readLines(out)) {
      let record: { id?: unknown; error?: unknown };
      try {
        record = JSON.parse(text) as typeof record;
      } catch {
        untidy = true; // a torn last line from an interrupted run: that request is evaluated again
        continue;
      }
      if (typeof record.id !== 'string') continue;
      if (done.has(record.id) || failedBefore.has(record.id)) untidy = true;
      done.delete(record.id);
      failedBefore.delete(record.id);
      if (record.error === undefined) done.set(record.id, n);
      else {
        failedBefore.add(record.id);
        untidy = true;
      }
    }
  } catch (cause) {
    throw cannotRead('--out', out, cause);
  }
  return { done, failedBefore, untidy };
}

/**
 * Rewrites the output with only each done id's latest evaluation (a record without an id stays as it is, a torn line
 * goes): written to a temporary file, flushed, then renamed over the output, so a crash leaves the old file or the new.
 */
async function keepOnlyDone(out: string, done: ReadonlyMap<string, number>): Promise<void> {
  const keep = new Set(done.values());
  const tmp = `${out}.${process.pid}.tmp`;
  const handle = await open(tmp, 'w');
  let written = false;
  try {
    for await (const { text, n } of readLines(out)) {
      if (keep.has(n) || isRecordWithoutId(text)) await handle.write(`${text}\n`);
    }
    await handle.sync();
    written = true;
  } finally {
    await handle.close();
    if (!written) await rm(tmp, { force: true });
  }
  await rename(tmp, out);
}

function isRecordWithoutId(text: string): boolean {
  try {
    return typeof (JSON.parse(text) as { id?: unknown }).id !== 'string';
  } catch {
    return false;
  }
}

export async function runBatch(engine: Engine, options: BatchOptions): Promise<BatchSummary> {
  const lines = await readInput(options.file);
  const state = await readOutput(options.out);
  if (state.untidy) await keepOnlyDone(options.out, state.done);
  const todo = lines.filter((l) => l.problem !== undefined || !state.done.has(l.id));
  const retried = todo.filter((l) => l.problem?.recorded !== false && state.failedBefore.has(l.id)).length;
  const output = await open(options.out, 'a').catch((cause: unknown) => {
    throw cannotRead('--out', options.out, cause, 'write');
  });
  const decisions: Record<Decision, number> = { allow: 0, constrained_allow: 0, escalate: 0, deny: 0 };
  const failures: BatchFailure[] = [];
  const bar = options.progress
    ? new SingleBar({ format: 'evaluating [{bar}] {value}/{total} {eta_formatted} left', stream: process.stderr })
    : undefined;
  bar?.start(todo.length, 0);

  // One write at a time: records never interleave.
  let writing = Promise.resolve();
  const write = (record: unknown): Promise<void> =>
    (writing = writing.then(async () => {
      await output.write(`${JSON.stringify(record)}\n`);
    }));
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < todo.length) {
      const line = todo[next++]!;
      try {
        if (line.problem) throw new EleanorError('INVALID_INPUT', line.problem.message);
        const evaluation = await engine.evaluate(
          line.request as never,
          options.deadlineMs ? { deadlineMs: options.deadlineMs } : {},
        );
        decisions[evaluation.decision]++;
        await write({ id: line.id, ...evaluation });
      } catch (error) {
        const failure = {
          id: line.id,
          line: line.n,
          code: isEleanorError(error) ? error.code : 'INVALID_INPUT',
          message: isEleanorError(error) ? error.message : describeError(error),
        };
        failures.push(failure);
        // A repeated id gets no record: the id's one record is its first line's.
        if (line.problem?.recorded !== false)
          await write({ id: line.id, line: line.n, error: { code: failure.code, message: failure.message } });
      }
      bar?.increment();
    }
  };
  try {
    await Promise.all(Array.from({ length: Math.min(options.concurrency, Math.max(1, todo.length)) }, worker));
    await writing;
    await output.sync();
  } finally {
    bar?.stop();
    await output.close();
  }
  failures.sort((a, b) => a.line - b.line);
  return {
    total: lines.length,
    skipped: lines.length - todo.length,
    evaluated: todo.length - failures.length,
    failed: failures.length,
    retried,
    decisions,
    failures,
  };
}
