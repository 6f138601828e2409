// `eleanor eval`: turns the row records into the report — overall and per-group statistics, examples, gates.
import type { BadLine } from './data.js';
import type { CriticHit, RowRecord, RunResult } from './run.js';
import { groupViews, summarize, type GroupStats, type RowView } from './stats.js';

export type GroupBy = 'category' | 'source' | 'critic';

export interface Example {
  readonly id: string;
  /** file:line */
  readonly at: string;
  readonly label: 'harmful' | 'benign';
  readonly category: string;
  readonly source: string;
  readonly decision: RowRecord['decision'];
  /** For a critic group, that critic's severity; otherwise the row's highest. */
  readonly severity: number;
  /** Rules that fired (for a critic group, that critic's rules). */
  readonly rules: string[];
  readonly excerpt: string;
}

export interface GroupReport extends Omit<GroupStats, 'misses' | 'falsePositives'> {
  readonly key: string;
  readonly misses: Example[];
  readonly falsePositives: Example[];
}

export interface Gate {
  readonly flag: '--min-recall' | '--max-fpr';
  /** What is measured: recall or false-positive rate at severity ≥ 2, overall. */
  readonly measure: 'recall (severity ≥ 2)' | 'false-positive rate (severity ≥ 2)';
  readonly threshold: number;
  readonly actual: number | null;
  readonly pass: boolean;
}

export interface EvalReport {
  readonly files: string[];
  readonly by: GroupBy;
  readonly rows: { readonly evaluated: number; readonly bad: number };
  /**
   * Rows on which a critic failed (timed out, errored…), so that a failure policy decided them, and how often each
   * critic failed, by status ("hate (timeout)": 3).
   */
  readonly failures: { readonly rows: number; readonly byCritic: Record<string, number> };
  /** Lines that failed the schema or that the engine refused, with file, line, field and message. */
  readonly bad: BadLine[];
  readonly durationMs: number;
  readonly concurrency: number;
  /** Worker threads, each with its own engine (1: this thread). */
  readonly threads: number;
  readonly overall: GroupReport;
  readonly groups: GroupReport[];
  readonly gates: Gate[];
  readonly pass: boolean;
}

/** How often each critic failed over the rows, by status. */
function failureCounts(rows: readonly RowRecord[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const r of rows) for (const f of r.failed) counts[f] = (counts[f] ?? 0) + 1;
  return counts;
}

export interface ReportOptions {
  readonly files: readonly string[];
  readonly by: GroupBy;
  readonly examples: number;
  readonly concurrency: number;
  readonly threads: number;
  /** The configured critics, in the engine's order (the order of critic groups). */
  readonly criticNames: readonly string[];
  readonly minRecall?: number;
  readonly maxFpr?: number;
}

/** What a view's `ref` points at: a row, and for a critic group the critic's part in it. */
interface Ref {
  readonly row: RowRecord;
  readonly hit?: CriticHit;
}

function rowView(row: RowRecord, ref: number): RowView {
  return {
    label: row.label,
    flagged: row.decision !== 'allow',
    severity: row.maxSeverity,
    decision: row.decision,
    latencyMs: row.latencyMs,
    ref,
  };
}

/** A critic group sees every row through that critic: caught if it fired, its severity, its duration. */
function criticView(row: RowRecord, hit: CriticHit, ref: number): RowView {
  return {
    label: row.label,
    flagged: hit.fired,
    severity: hit.severity,
    decision: hit.fired ? row.decision : undefined,
    latencyMs: hit.durationMs,
    ref,
  };
}

function example({ row, hit }: Ref): Example {
  return {
    id: row.id,
    at: `${row.file}:${row.line}`,
    label: row.label,
    category: row.category,
    source: row.source,
    decision: row.decision,
    severity: hit?.severity ?? row.maxSeverity,
    rules: hit?.rules ?? row.rules,
    excerpt: row.excerpt,
  };
}

/** Without misses for a critic group: no critic is meant to catch every harmful row, so its misses are noise. */
function groupReport(key: string, stats: GroupStats, refs: readonly Ref[], misses = true): GroupReport {
  return {
    key,
    ...stats,
    misses: misses ? stats.misses.map((ref) => example(refs[ref]!)) : [],
    falsePositives: stats.falsePositives.map((ref) => example(refs[ref]!)),
  };
}

function grouped(rows: readonly RowRecord[], by: GroupBy): { groups: Map<string, RowView[]>; refs: Ref[] } {
  if (by !== 'critic') {
    return {
      groups: groupViews(rows.entries(), ([ref, row]) => [[row[by], rowView(row, ref)]]),
      refs: rows.map((row) => ({ row })),
    };
  }
  const refs: Ref[] = [];
  const groups = groupViews(rows, (row) =>
    row.critics.map((hit) => [hit.critic, criticView(row, hit, refs.push({ row, hit }) - 1)] as const),
  );
  return { groups, refs };
}

export function buildReport(run: RunResult, options: ReportOptions): EvalReport {
  const rows = run.rows;
  const overall = groupReport(
    'overall',
    summarize(
      rows.map((row, ref) => rowView(row, ref)),
      options.examples,
    ),
    rows.map((row) => ({ row })),
  );
  const { groups: byKey, refs } = grouped(rows, options.by);
  const keys =
    options.by === 'critic'
      ? [
          ...options.criticNames.filter((name) => byKey.has(name)),
          ...[...byKey.keys()].filter((k) => !options.criticNames.includes(k)),
        ]
      : [...byKey.keys()].sort();
  const groups = keys.map((key) =>
    groupReport(key, summarize(byKey.get(key)!, options.examples), refs, options.by !== 'critic'),
  );
  const gates: Gate[] = [];
  if (options.minRecall !== undefined) {
    const actual = overall.severity2.recall;
    gates.push({
      flag: '--min-recall',
      measure: 'recall (severity ≥ 2)',
      threshold: options.minRecall,
      actual,
      pass: actual !== null && actual >= options.minRecall,
    });
  }
  if (options.maxFpr !== undefined) {
    const actual = overall.severity2.fpr;
    gates.push({
      flag: '--max-fpr',
      measure: 'false-positive rate (severity ≥ 2)',
      threshold: options.maxFpr,
      actual,
      pass: actual !== null && actual <= options.maxFpr,
    });
  }
  return {
    files: [...options.files],
    by: options.by,
    rows: { evaluated: rows.length, bad: run.bad.length },
    failures: { rows: rows.filter((r) => r.failed.length > 0).length, byCritic: failureCounts(rows) },
    bad: run.bad,
    durationMs: run.durationMs,
    concurrency: options.concurrency,
    threads: options.threads,
    overall,
    groups,
    gates,
    pass: gates.every((g) => g.pass),
  };
}
