#!/usr/bin/env node
// The `eleanor` command: evaluate, critics, config check, demo. Exit codes: 0 allow, 2 escalate, 3 deny, 1 error.
import { Command, InvalidArgumentError, Option } from 'commander';
import { describeError } from '../core/errors.js';
import { configCheckCommand, criticsCommand, evaluateCommand, type EvaluateFlags } from './commands.js';
import { formatDemo, runDemo } from './demo.js';
import { runEngineDemo } from './engine-demo.js';

function positiveInteger(flag: string) {
  return (value: string): number => {
    const n = Number(value);
    if (!Number.isInteger(n) || n <= 0)
      throw new InvalidArgumentError(`${flag} must be a positive integer, got '${value}'`);
    return n;
  };
}

async function exitWith(action: () => Promise<number>): Promise<void> {
  try {
    process.exitCode = await action();
  } catch (error) {
    console.error(`eleanor: ${error instanceof Error ? error.message : describeError(error)}`);
    process.exitCode = 1;
  }
}

const program = new Command('eleanor')
  .description(
    'Eleanor governs AI output at run time: critics in parallel under a deadline, a decision, a gate, and why.',
  )
  .showHelpAfterError()
  .exitOverride((error) => process.exit(error.exitCode === 0 ? 0 : 1));

program
  .command('evaluate')
  .description('evaluate one request (texts, files or stdin) or a JSONL batch; the exit code follows the decision')
  .argument('[texts...]', '[input] [response]: the user input and the model response')
  .option('--input <file>', "read the user input from a file ('-' for stdin)")
  .option('--response <file>', "read the model response from a file ('-' for stdin)")
  .option('--context <json>', 'context as a JSON object, e.g. \'{"riskTier":"high"}\'')
  .option('--trace-id <id>', 'the trace id')
  .option('--json', 'print the Evaluation as JSON')
  .option('--config <file>', 'configuration file (JSON or YAML); default ELEANOR_CONFIG or ./eleanor.config.*')
  .option('--deadline <ms>', 'deadline of each evaluation in ms', positiveInteger('--deadline'))
  .option('--file <in.jsonl>', 'batch: one request per line ({ id?, inputText, modelResponse?, context?, traceId? })')
  .option('--out <out.jsonl>', 'batch: where evaluations are appended; ids already there are skipped (resumable)')
  .addOption(
    new Option('--concurrency <n>', 'batch: evaluations at once')
      .argParser(positiveInteger('--concurrency'))
      .default(8),
  )
  .option('--no-progress', 'batch: no progress bar')
  .action((texts: string[], flags: EvaluateFlags) => exitWith(() => evaluateCommand(texts, flags)));

program
  .command('critics')
  .description('list the configured critics with kind, version, rule count and failure policy')
  .option('--json', 'print as JSON')
  .option('--config <file>', 'configuration file')
  .action((flags: { json?: boolean; config?: string }) => exitWith(() => criticsCommand(flags)));

program
  .command('config')
  .description('configuration tools')
  .command('check')
  .argument('<file>', 'eleanor.config.json or .yaml')
  .description('validate a configuration file and load its critics')
  .action((file: string) => exitWith(() => configCheckCommand(file)));

program
  .command('demo', { isDefault: true })
  .description('evaluate three sample responses with the built-in critics (the README main job)')
  .option('--orchestrator', 'instead, run the bare orchestrator on toy critics')
  .option('--deadline <ms>', 'deadline in ms', positiveInteger('--deadline'), 250)
  .option('--json', 'print JSON')
  .action((opts: { orchestrator?: boolean; deadline: number; json?: boolean }) =>
    exitWith(async () => {
      if (opts.orchestrator) {
        const result = await runDemo('We guarantee your loan will be approved by Friday.', opts.deadline);
        console.log(opts.json ? JSON.stringify(result, null, 2) : formatDemo(result));
        return 0;
      }
      await runEngineDemo(opts.json === true);
      return 0;
    }),
  );

await program.parseAsync(process.argv);
