// `eleanor eval`: streams the labelled rows through an evaluator with bounded concurrency and keeps a small record of each.
import { once } from 'node:events';
import { createWriteStream, type WriteStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { SingleBar } from 'cli-progress';
import { describeError, EleanorError, isEleanorError } from '../../core/index.js';
import type { CriticOutcome } from '../../core/index.js';
import type { Engine } from '../../engine/index.js';
import type { Decision, Evaluation } from '../../verdict/index.js';
import { readData, type BadLine, type LabelledRow } from './data.js';

/** One critic's part in a row's evaluation. */
export interface CriticHit {
  readonly critic: string;
  /** The critic's highest severity (its finding's, or its violations'). */
  readonly severity: number;
  /** It pushed the decision off 'allow': severity at the constrain threshold, a violation, or a failure. */
  readonly fired: boolean;
  readonly durationMs: number;
  /** The rule ids of its violations, each once. */
  readonly rules: string[];
}

/** What eval keeps of one evaluated row (not the evaluation: 30,000 of those would not fit comfortably). */
export interface RowRecord {
  readonly id: string;
  readonly file: string;
  readonly line: number;
  readonly side: 'input' | 'response';
  readonly label: 'harmful' | 'benign';
  readonly category: string;
  readonly source: string;
  /** The first characters of the text, for the examples. */
  readonly excerpt: string;
  readonly decision: Decision;
  readonly maxSeverity: number;
  /** The rule ids of the violations, each once, in the evaluation's order. */
  readonly rules: string[];
  readonly latencyMs: number;
  readonly critics: readonly CriticHit[];
  /** Critics that failed on this row, as "critic (status)": its decision came from a failure policy, not a finding. */
  readonly failed: string[];
  /** The failed critics' error messages, as "critic: message" (a timeout has none). */
  readonly errors: string[];
}

export interface RunOptions {
  readonly files: readonly string[];
  /** Evaluations in flight at once. */
  readonly concurrency: number;
  /** Write one JSON line per row here. */
  readonly out?: string;
  /** Show a progress bar on stderr. */
  readonly progress: boolean;
}

export interface RunResult {
  readonly rows: RowRecord[];
  /** Lines that failed the schema, and rows the engine refused (e.g. a text over its size limit). */
  readonly bad: BadLine[];
  readonly durationMs: number;
}

const EXCERPT = 160;
const PROGRESS_EVERY = 64;

/** Non-blank lines in the files, for the progress bar's total (a fast byte scan, no parsing). */
async function countLines(files: readonly string[]): Promise<number> {
  let count = 0;
  for (const file of files) {
    const bytes = await readFile(file).catch(() => Buffer.alloc(0));
    let start = 0;
    for (let i = bytes.indexOf(10); i !== -1; start = i + 1, i = bytes.indexOf(10, start)) {
      if (i - start > 1 || (i - start === 1 && bytes[start] !== 13)) count++;
    }
    if (bytes.length - start > 0) count++;
  }
  return count;
}

function severityOf(outcome: CriticOutcome): number {
  let max = outcome.finding.severity;
  for (const v of outcome.finding.violations) if (v.severity > max) max = v.severity;
  return max;
}

function failed(outcome: CriticOutcome): boolean {
  return outcome.status !== 'success' && outcome.status !== 'gated' && outcome.status !== 'skipped';
}

/** The compact record of one row's evaluation. */
export function recordOf(row: LabelledRow, evaluation: Evaluation, constrainAt: number): RowRecord {
  let maxSeverity = 0;
  const critics: CriticHit[] = [];
  for (const outcome of Object.values(evaluation.critics)) {
    const severity = severityOf(outcome);
    if (severity > maxSeverity) maxSeverity = severity;
    critics.push({
      critic: outcome.critic,
      severity,
      fired: severity >= constrainAt || outcome.finding.violations.length > 0 || failed(outcome),
      durationMs: outcome.durationMs,
      rules: [...new Set(outcome.finding.violations.map((v) => v.rule))],
    });
  }
  for (const v of evaluation.violations) if (v.severity > maxSeverity) maxSeverity = v.severity;
  const failures = Object.values(evaluation.critics)
    .filter(failed)
    .map((o) => `${o.critic} (${o.status})`);
  const errors = Object.values(evaluation.critics)
    .filter((o) => failed(o) && o.error !== undefined)
    .map((o) => `${o.critic}: ${o.error!.message}`);
  return {
    id: row.id,
    file: row.file,
    line: row.line,
    side: row.side,
    label: row.label,
    category: row.category,
    source: row.source,
    excerpt: row.text.length > EXCERPT ? `${row.text.slice(0, EXCERPT - 1)}…` : row.text,
    decision: evaluation.decision,
    maxSeverity,
    rules: [...new Set(evaluation.violations.map((v) => v.rule))],
    latencyMs: evaluation.durationMs,
    critics,
    failed: failures,
    errors,
  };
}

/** A row's result: its record, or why the engine refused it (e.g. a text over its size limit). */
export type RowResult = { readonly record: RowRecord } | { readonly bad: BadLine };

/** Evaluates one row; never rejects for a row the engine refuses (that is a bad line). */
export async function evaluateRow(engine: Engine, row: LabelledRow, constrainAt: number): Promise<RowResult> {
  try {
    const evaluation = await engine.evaluate(
      row.side === 'input'
        ? { inputText: row.text, modelResponse: '' }
        : { inputText: row.prompt, modelResponse: row.text },
    );
    return { record: recordOf(row, evaluation, constrainAt) };
  } catch (error) {
    const field = isEleanorError(error) && error.path !== undefined ? error.path : '(evaluation)';
    const message = isEleanorError(error) ? error.message : describeError(error);
    return { bad: { file: row.file, line: row.line, field, message: `the engine refused the row — ${message}` } };
  }
}

/** The `--out` line of a row. */
function outLine(r: RowRecord): string {
  const { id, side, label, category, source, decision, maxSeverity, rules, latencyMs, failed: failures, errors } = r;
  const line = { id, side, label, category, source, decision, maxSeverity, rules, latencyMs };
  if (failures.length === 0) return `${JSON.stringify(line)}\n`;
  return `${JSON.stringify(errors.length > 0 ? { ...line, failed: failures, errors } : { ...line, failed: failures })}\n`;
}

/** Streams the rows through `evaluate`, `concurrency` at a time, keeping a record of each (and `--out` lines). */
export async function runEval(
  evaluate: (row: LabelledRow) => Promise<RowResult>,
  options: RunOptions,
): Promise<RunResult> {
  const start = performance.now();
  const rows: RowRecord[] = [];
  const bad: BadLine[] = [];
  let output: WriteStream | undefined;
  if (options.out !== undefined) {
    const stream = createWriteStream(options.out);
    try {
      await new Promise<void>((resolve, reject) => {
        stream.once('open', () => resolve());
        stream.once('error', reject);
      });
    } catch (cause) {
      throw new EleanorError('INVALID_INPUT', `--out: cannot write '${options.out}' (${(cause as Error).message})`, {
        cause,
      });
    }
    output = stream;
  }
  const out = output;
  const bar = options.progress
    ? new SingleBar({
        format: 'eval [{bar}] {value}/{total} rows  {eta_formatted} left',
        stream: process.stderr,
        fps: 5,
      })
    : undefined;
  bar?.start(options.progress ? await countLines(options.files) : 0, 0);
  // Concurrent next() calls on one async generator queue up, so the workers share it safely.
  const items = readData(options.files);
  let seen = 0;
  const worker = async (): Promise<void> => {
    for await (const item of items) {
      if ('bad' in item) bad.push(item.bad);
      else {
        const result = await evaluate(item.row);
        if ('bad' in result) bad.push(result.bad);
        else {
          rows.push(result.record);
          if (out !== undefined && !out.write(outLine(result.record))) await once(out, 'drain');
        }
      }
      if (++seen % PROGRESS_EVERY === 0) bar?.update(seen);
    }
  };
  try {
    await Promise.all(Array.from({ length: options.concurrency }, worker));
  } finally {
    bar?.update(seen);
    bar?.stop();
    if (out !== undefined) {
      out.end();
      await once(out, 'finish');
    }
  }
  // Completion order varies with timing; file order makes the report (and its examples) reproducible.
  const byPlace = (a: { file: string; line: number }, b: { file: string; line: number }): number =>
    a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line;
  rows.sort(byPlace);
  bad.sort(byPlace);
  return { rows, bad, durationMs: performance.now() - start };
}
