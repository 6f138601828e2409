// `eleanor eval --data PATH…`: critic quality on a labelled corpus — recall, false positives, gates (exit 5).
import { availableParallelism } from 'node:os';
import { InvalidArgumentError, Option, type Command } from 'commander';
import { EleanorError } from '../../core/index.js';
import { loadConfig } from '../../engine/index.js';
import { DEFAULT_THRESHOLDS } from '../../verdict/index.js';
import { dataFiles } from './data.js';
import { formatReport, gateLine } from './format.js';
import { buildReport, type GroupBy } from './report.js';
import { inProcess, threadPool, type RowEvaluator } from './pool.js';
import { runEval } from './run.js';

/** The exit code when a quality gate (--min-recall, --max-fpr) fails. */
export const EXIT_GATE_FAILED = 5;

export interface EvalFlags {
  readonly data: string[];
  readonly json?: boolean;
  readonly by: GroupBy;
  readonly examples: number;
  readonly concurrency: number;
  readonly threads?: number;
  readonly config?: string;
  readonly minRecall?: number;
  readonly maxFpr?: number;
  readonly out?: string;
  readonly progress: boolean;
}

function integer(flag: string, min: number, max: number) {
  return (value: string): number => {
    const n = Number(value);
    if (value.trim() === '' || !Number.isInteger(n) || n < min || n > max)
      throw new InvalidArgumentError(`${flag} must be an integer from ${min} to ${max}, got '${value}'`);
    return n;
  };
}

function fraction(flag: string) {
  return (value: string): number => {
    const n = Number(value);
    if (value.trim() === '' || !Number.isFinite(n) || n < 0 || n > 1)
      throw new InvalidArgumentError(`${flag} must be a number from 0 to 1, got '${value}'`);
    return n;
  };
}

/** Returns the exit code: 0 when the gates hold, 5 when one fails. */
export async function evalCommand(flags: EvalFlags): Promise<number> {
  const files = await dataFiles(flags.data);
  const config = await loadConfig(flags.config === undefined ? {} : { file: flags.config });
  const constrainAt = config.decision?.constrainAt ?? DEFAULT_THRESHOLDS.constrainAt;
  // Up to two threads by default: with the input's sentence vector the work is CPU-bound (the held-out split took 78 s
  // on one thread, 42 s on two, on this 2-core machine); each thread holds its own engine (some hundred MB).
  const threads = flags.threads ?? Math.min(2, availableParallelism());
  const evaluator: RowEvaluator =
    threads > 1
      ? await threadPool(threads, { configFile: flags.config, constrainAt })
      : await inProcess(config, constrainAt);
  let run;
  try {
    run = await runEval(evaluator.evaluate, {
      files,
      concurrency: flags.concurrency,
      // On stderr, so it never mixes with the table or the JSON on stdout.
      progress: flags.progress && process.stderr.isTTY === true,
      ...(flags.out !== undefined && { out: flags.out }),
    });
  } finally {
    await evaluator.close();
  }
  if (run.rows.length === 0) {
    const first = run.bad[0];
    throw new EleanorError(
      'INVALID_INPUT',
      `--data: no valid line to evaluate (${run.bad.length} bad)` +
        (first === undefined ? '' : `; the first: ${first.file}:${first.line}: ${first.message}`),
    );
  }
  const report = buildReport(run, {
    files,
    by: flags.by,
    examples: flags.examples,
    concurrency: flags.concurrency,
    threads,
    criticNames: evaluator.critics,
    ...(flags.minRecall !== undefined && { minRecall: flags.minRecall }),
    ...(flags.maxFpr !== undefined && { maxFpr: flags.maxFpr }),
  });
  console.log(flags.json ? JSON.stringify(report, null, 2) : formatReport(report));
  if (report.bad.length > 0 && flags.json === true)
    console.error(`eleanor eval: ${report.bad.length} bad line(s), not evaluated (listed in the report's "bad")`);
  for (const gate of report.gates) if (!gate.pass) console.error(`eleanor eval: gate failed: ${gateLine(gate)}`);
  return report.pass ? 0 : EXIT_GATE_FAILED;
}

/** Adds `eleanor eval` to the program; `run` maps the action's result or error to the exit code. */
export function registerEvalCommand(program: Command, run: (action: () => Promise<number>) => Promise<void>): void {
  program
    .command('eval')
    .description(
      'measure the critics on labelled JSONL rows: recall, false-positive rate, precision (Wilson 95 % intervals), ' +
        'decisions, latency and the worst misses; exit 5 when a gate (--min-recall, --max-fpr) fails',
    )
    .requiredOption(
      '--data <path...>',
      'JSONL files or folders of *.jsonl, one { id?, text, side: input|response, prompt?, label: harmful|benign, category?, source? } a line',
    )
    .option('--json', 'print the full report as JSON on stdout')
    .addOption(
      new Option('--by <key>', 'group rows by this key (critic: by the critic that fired)')
        .choices(['category', 'source', 'critic'])
        .default('category'),
    )
    .addOption(
      new Option('--examples <n>', 'worst misses and false positives shown per group')
        .argParser(integer('--examples', 0, 1000))
        .default(3),
    )
    .addOption(
      new Option('--concurrency <n>', 'evaluations in flight at once, over all threads')
        .argParser(integer('--concurrency', 1, 10_000))
        .default(8),
    )
    .option(
      '--threads <n>',
      'worker threads, each with its own engine (default: 2, or 1 on a single core)',
      integer('--threads', 1, 64),
    )
    .option('--config <file>', 'configuration file (JSON or YAML); default ELEANOR_CONFIG or ./eleanor.config.*')
    .option('--min-recall <r>', 'gate: recall at severity ≥ 2, overall, at least r (0..1)', fraction('--min-recall'))
    .option(
      '--max-fpr <f>',
      'gate: false-positive rate at severity ≥ 2, overall, at most f (0..1)',
      fraction('--max-fpr'),
    )
    .option(
      '--out <file>',
      'write one JSON line per row: id, side, label, category, source, decision, maxSeverity, rules, latencyMs',
    )
    .option('--no-progress', 'no progress bar (there is none unless stderr is a terminal)')
    .addHelpText(
      'after',
      '\nExit codes: 0 the gates hold (or none was given), 5 a gate failed (named on stderr), 1 an error (a bad flag, ' +
        'a missing file, no valid line).',
    )
    .action((flags: EvalFlags) => run(() => evalCommand(flags)));
}
