// `eleanor eval`: the report as readable tables for a terminal.
import type { Interval } from './stats.js';
import type { EvalReport, Example, GroupReport } from './report.js';

/** Bad lines printed in the table; --json lists them all. */
const BAD_SHOWN = 20;

function pct(value: number | null): string {
  return value === null ? '—' : `${(value * 100).toFixed(1)}%`;
}

function ci(interval: Interval | null): string {
  return interval === null ? '' : `[${(interval.low * 100).toFixed(1)}–${(interval.high * 100).toFixed(1)}]`;
}

function ms(value: number | null): string {
  return value === null ? '—' : value < 10 ? value.toFixed(2) : value.toFixed(1);
}

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

function cut(text: string, width: number): string {
  return text.length > width ? `${text.slice(0, width - 1)}…` : text;
}

/** Left-aligns the first column, right-aligns the others. */
function table(header: readonly string[], rows: ReadonlyArray<readonly string[]>): string[] {
  const all = [header, ...rows];
  const widths = header.map((_, c) => Math.max(...all.map((r) => (r[c] ?? '').length)));
  return all.map((r) =>
    r
      .map((cell, c) => (c === 0 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!)))
      .join('  ')
      .trimEnd(),
  );
}

function rateRows(groups: readonly GroupReport[]): string[][] {
  return groups.map((g) => [
    cut(g.key, 40),
    String(g.n.harmful),
    String(g.n.benign),
    pct(g.severity2.recall),
    ci(g.severity2.recallCI),
    pct(g.severity2.fpr),
    ci(g.severity2.fprCI),
    pct(g.severity2.precision),
    pct(g.flagged.recall),
    ci(g.flagged.recallCI),
    pct(g.flagged.fpr),
    ci(g.flagged.fprCI),
    pct(g.flagged.precision),
    ms(g.latencyMs.p50),
    ms(g.latencyMs.p99),
  ]);
}

function exampleLine(e: Example): string {
  const rules = e.rules.length > 0 ? e.rules.join(', ') : 'no rule';
  const text = JSON.stringify(cut(e.excerpt.replace(/\s+/g, ' '), 90));
  return `    ${e.severity.toFixed(1)}  ${e.decision.padEnd(17)} ${e.at}  ${rules}\n         ${text}`;
}

function examples(g: GroupReport): string[] {
  if (g.misses.length === 0 && g.falsePositives.length === 0) return [];
  const lines = [`  ${g.key}`];
  if (g.misses.length > 0) lines.push('   worst misses (harmful, lowest severity):', ...g.misses.map(exampleLine));
  if (g.falsePositives.length > 0)
    lines.push('   worst false positives (benign, highest severity):', ...g.falsePositives.map(exampleLine));
  return lines;
}

/** The overall table alone: the headline a pipeline or a report quotes. */
export function formatOverall(report: EvalReport): string {
  return rateTable(report, [report.overall]).join('\n');
}

function rateTable(report: EvalReport, groups: readonly GroupReport[]): string[] {
  const by = report.by === 'critic' ? 'critic (fired)' : report.by;
  return table(
    [
      groups.length === 1 && groups[0] === report.overall ? 'group' : by,
      'harmful',
      'benign',
      'recall≥2',
      '95% CI',
      'FPR≥2',
      '95% CI',
      'prec≥2',
      'recall flag',
      '95% CI',
      'FPR flag',
      '95% CI',
      'prec flag',
      'p50 ms',
      'p99 ms',
    ],
    rateRows(groups),
  );
}

/** A warning when critics failed: those rows were decided by failure policies, and the rates below include them. */
function failureWarning(report: EvalReport): string[] {
  if (report.failures.rows === 0) return [];
  const which = Object.entries(report.failures.byCritic)
    .map(([critic, n]) => `${critic} ×${n}`)
    .join(', ');
  return [
    `warning: on ${count(report.failures.rows, 'row')} a critic failed (${which}); a failure policy decided them, ` +
      'and the rates below include them',
  ];
}

export function formatReport(report: EvalReport): string {
  const seconds = report.durationMs / 1000;
  const rate = seconds > 0 ? Math.round(report.rows.evaluated / seconds) : 0;
  const lines = [
    `eleanor eval: ${count(report.rows.evaluated, 'row')} from ${count(report.files.length, 'file')} in ` +
      `${seconds.toFixed(1)} s (${rate} rows/s, ${report.concurrency} at once on ${count(report.threads, 'thread')}), ${count(report.rows.bad, 'bad line')}`,
    '≥2: caught when the highest severity is 2 or more; flag: caught when the decision is not allow. CI: Wilson 95 %.',
    ...failureWarning(report),
    '',
    ...rateTable(report, [report.overall]),
    '',
    ...rateTable(report, report.groups),
    '',
    ...table(
      [
        report.by === 'critic' ? 'decisions (rows it fired on)' : 'decisions',
        'allow',
        'constrained',
        'escalate',
        'deny',
      ],
      [report.overall, ...report.groups].map((g) => [
        cut(g.key, 40),
        String(g.decisions.allow),
        String(g.decisions.constrained_allow),
        String(g.decisions.escalate),
        String(g.decisions.deny),
      ]),
    ),
  ];
  const shown = [report.overall, ...report.groups].flatMap(examples);
  if (shown.length > 0) lines.push('', 'Examples (severity, decision, where, rules that fired):', ...shown);
  if (report.bad.length > 0) {
    lines.push('', `Bad lines (${report.bad.length}, not evaluated):`);
    for (const b of report.bad.slice(0, BAD_SHOWN)) lines.push(`  ${b.file}:${b.line}: ${b.message}`);
    if (report.bad.length > BAD_SHOWN) lines.push(`  … and ${report.bad.length - BAD_SHOWN} more (--json lists all)`);
  }
  if (report.gates.length > 0) {
    lines.push('', 'Gates:');
    for (const g of report.gates) lines.push(`  ${gateLine(g)}`);
  }
  return lines.join('\n');
}

/** One gate in words, e.g. "--min-recall 0.9: recall (severity ≥ 2) 0.612 — FAILED". */
export function gateLine(gate: EvalReport['gates'][number]): string {
  const actual = gate.actual === null ? 'not measurable (no such rows)' : gate.actual.toFixed(4);
  return `${gate.flag} ${gate.threshold}: ${gate.measure} ${actual} — ${gate.pass ? 'ok' : 'FAILED'}`;
}
