#!/usr/bin/env node
// The `eleanor` command. Until the engine exists (issue 4), its main job is the orchestrator demo.
import { Command, InvalidArgumentError } from 'commander';
import { formatDemo, runDemo } from './demo.js';

function positiveInteger(name: string) {
  return (value: string): number => {
    const n = Number(value);
    if (!Number.isInteger(n) || n <= 0)
      throw new InvalidArgumentError(`${name} must be a positive integer (ms), got '${value}'`);
    return n;
  };
}

const program = new Command('eleanor')
  .description('Eleanor governs AI output at run time: parallel critics under a deadline, isolated failures.')
  .showHelpAfterError()
  .exitOverride((error) => process.exit(error.exitCode === 0 ? 0 : 2));

program
  .command('demo', { isDefault: true })
  .description('run the orchestrator on toy critics and print every outcome')
  .argument('[response]', 'the model response to govern', 'We guarantee your loan will be approved by Friday.')
  .option('--deadline <ms>', 'the run deadline in milliseconds', positiveInteger('--deadline'), 250)
  .option('--json', 'print the outcomes as JSON')
  .action(async (response: string, opts: { deadline: number; json?: boolean }) => {
    const result = await runDemo(response, opts.deadline);
    console.log(opts.json ? JSON.stringify(result, null, 2) : formatDemo(result));
  });

await program.parseAsync(process.argv);
