#!/usr/bin/env node
// The `eleanor` command: evaluate, critics, config check, demo, serve, keys create|secret, evidence verify|show|export|prove|check-proof|keygen, review list|decide, eval.
// Exit codes: 0 allow (or success), 2 escalate, 3 deny, 4 evidence tampered (a broken chain), 5 an eval gate failed, 1 error.
import { availableParallelism } from 'node:os';
import { Command, InvalidArgumentError, Option } from 'commander';
import { describeError } from '../core/index.js';
import { configCheckCommand, criticsCommand, evaluateCommand, type EvaluateFlags } from './commands.js';
import { formatDemo, runDemo } from './demo.js';
import { runEngineDemo } from './engine-demo.js';
import {
  exportCommand,
  reviewDecideCommand,
  reviewListCommand,
  showCommand,
  verifyCommand,
  proveTraceCommand,
  type ReviewDecideFlags,
  type ReviewListFlags,
  type StoreFlags,
} from './evidence-commands.js';
import { keygenCommand, type WitnessFlags } from './checkpoint-commands.js';
import { checkProofCommand } from './proof-commands.js';
import { keysCreateCommand, keysSecretCommand, type KeysCreateFlags } from './keys-command.js';
import { serveCommand, type ServeFlags } from './serve-command.js';
import { API_ROLES, type ApiRole } from '../engine/index.js';
import { registerWorkerCommand } from './worker-command.js';
import { registerEvalCommand } from './eval/command.js';
import { packageVersion } from './version.js';

function positiveInteger(flag: string) {
  return (value: string): number => {
    const n = Number(value);
    if (!Number.isInteger(n) || n <= 0)
      throw new InvalidArgumentError(`${flag} must be a positive integer, got '${value}'`);
    return n;
  };
}

function nonNegativeInteger(flag: string) {
  return (value: string): number => {
    const n = Number(value);
    if (!Number.isInteger(n) || n < 0 || n > 65_535)
      throw new InvalidArgumentError(`${flag} must be a port number from 0 to 65535, got '${value}'`);
    return n;
  };
}

/** The flags every evidence and review command takes to find the store. */
function storeOptions(command: Command): Command {
  return command
    .option('--config <file>', 'configuration file (JSON or YAML); default ELEANOR_CONFIG or ./eleanor.config.*')
    .option('--db <file>', "a SQLite evidence file (instead of the configuration's store)")
    .option('--database-url <url>', "a PostgreSQL evidence store (instead of the configuration's store)");
}

async function exitWith(action: () => Promise<number>): Promise<void> {
  try {
    process.exitCode = await action();
  } catch (error) {
    console.error(`eleanor: ${error instanceof Error ? error.message : describeError(error)}`);
    process.exitCode = 1;
  }
}

/** Commander's "error: unknown command 'x'\n(Did you mean y?)" in one line: "eleanor: unknown command 'x' (did you mean 'y'?)". */
function wordError(text: string): string {
  return text.replace(
    /^error: (unknown command '[^']*')(?:\n\(Did you mean (one of )?([^?]+)\?\))?/,
    (_, what: string, several: string | undefined, names: string | undefined) =>
      names === undefined
        ? `eleanor: ${what}`
        : `eleanor: ${what} (did you mean ${several ?? ''}${names
            .split(', ')
            .map((n) => `'${n}'`)
            .join(', ')}?)`,
  );
}

// Subcommands inherit these settings when they are created, so they come before any .command().
const program = new Command('eleanor')
  .description(
    'Eleanor governs AI output at run time: critics in parallel under a deadline, a decision, a gate, and why.',
  )
  .version(packageVersion(), '-V, --version', 'print the version')
  .configureOutput({ outputError: (text, write) => write(wordError(text)) })
  .showHelpAfterError()
  .exitOverride((error) => process.exit(error.exitCode === 0 ? 0 : 1));

program
  .command('evaluate')
  .description('evaluate one request (texts, files or stdin) or a JSONL batch; the exit code follows the decision')
  .argument(
    '[texts...]',
    '[input] [response]: the user input and the model response; the input alone (and no model) is evaluated input-only',
  )
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
  .description('list the configured critics with kind, what they read, version, rule count and failure policy')
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

const evidence = program
  .command('evidence')
  .description('the tamper-evident record: verify, show, export, prove, check-proof, keygen');

storeOptions(evidence.command('verify'))
  .description('walk the hash chains and check the signed checkpoints; exit 4 when either fails (tampering)')
  .option('--chain <name>', 'only this chain (tenant)')
  .option('--json', 'print the VerifyReport as JSON')
  .option('--witness <file>', "the signed checkpoints to check the store against (default: the configuration's)")
  .option('--public-key <file>', "the signing key's public PEM (default: from the configured signing key)")
  .action((flags: StoreFlags & WitnessFlags & { json?: boolean }) => exitWith(() => verifyCommand(flags)));

storeOptions(evidence.command('prove'))
  .description("print a trace's inclusion proof as JSON: its record, Merkle audit path and signed checkpoint")
  .argument('<traceId>', 'the trace id')
  .option('--chain <name>', 'the chain the trace is in (when several hold it)')
  .option('--witness <file>', "the signed checkpoints (default: the configuration's)")
  .action((traceId: string, flags: StoreFlags & { chain?: string; witness?: string }) =>
    exitWith(() => proveTraceCommand(traceId, flags)),
  );

evidence
  .command('check-proof')
  .description('check an inclusion proof without the store; exit 4 when it does not hold')
  .argument('<file>', 'the proof (eleanor evidence prove > proof.json)')
  .requiredOption('--public-key <file>', "the signing key's public PEM")
  .action((file: string, flags: { publicKey: string }) => exitWith(() => checkProofCommand(file, flags)));

evidence
  .command('keygen')
  .description('write an Ed25519 key pair for signed checkpoints: FILE (private, mode 0600) and FILE.pub')
  .requiredOption('--out <file>', 'where to write the private key')
  .action((flags: { out: string }) => exitWith(() => Promise.resolve(keygenCommand(flags))));

storeOptions(evidence.command('show'))
  .description("print a trace's records (its evaluation, then its review) as JSON")
  .argument('<traceId>', 'the trace id')
  .option('--chain <name>', 'the chain the trace is in (trace ids are scoped per chain)')
  .action((traceId: string, flags: StoreFlags & { chain?: string }) => exitWith(() => showCommand(traceId, flags)));

storeOptions(evidence.command('export'))
  .description('stream the records as JSONL, in chain order')
  .option('--since <time>', 'only records created at or after this ISO 8601 time')
  .option('--chain <name>', 'only this chain (tenant)')
  .option('--out <file>', 'write to this file instead of stdout')
  .action((flags: StoreFlags & { since?: string; chain?: string; out?: string }) =>
    exitWith(() => exportCommand(flags)),
  );

const review = program.command('review').description('the human-review queue of gated evaluations');

storeOptions(review.command('list'))
  .description('gated evaluations and their review state, newest first, a page at a time, with the counts matching')
  .addOption(
    new Option('--status <status>', 'which cases').choices(['pending', 'approved', 'rejected']).default('pending'),
  )
  .option('--limit <n>', 'cases per page (default 100, at most 1000)', positiveInteger('--limit'))
  .option('--cursor <cursor>', 'the next page: the cursor the previous page printed (give the same filters)')
  .option('--critic <name>', 'only cases in which this critic raised a violation')
  .addOption(new Option('--tier <tier>', 'only cases of this gate tier').choices(['2', '3']))
  .addOption(
    new Option('--decision <decision>', 'only cases with this decision').choices([
      'allow',
      'constrained_allow',
      'escalate',
      'deny',
    ]),
  )
  .option('--since <time>', 'only cases created at or after this ISO 8601 time')
  .option('--search <text>', 'only cases whose recorded input or response holds this text (ignoring case)')
  .option('--oldest', 'oldest first (the longest waiting) instead of newest first')
  .option('--chain <name>', 'only this chain (tenant)')
  .option('--json', 'print the page as JSON: { reviews, nextCursor, counts }')
  .action((flags: ReviewListFlags) => exitWith(() => reviewListCommand(flags)));

storeOptions(review.command('decide'))
  .description("record a reviewer's decision on a gated evaluation, with the doctrine's canonical statement")
  .argument('<traceId>', 'the trace id of the gated evaluation')
  .addOption(
    new Option('--action <action>', "the gate's required action")
      .choices(['HUMAN_ACK', 'HUMAN_DETERMINATION'])
      .makeOptionMandatory(),
  )
  .requiredOption('--actor <who>', 'who decides (recorded as is)')
  .addOption(new Option('--outcome <outcome>', 'the decision').choices(['approve', 'reject']).makeOptionMandatory())
  .requiredOption('--statement <text>', 'the canonical statement for the action, word for word')
  .option('--chain <name>', 'the chain the trace is in (trace ids are scoped per chain)')
  .action((traceId: string, flags: ReviewDecideFlags) => exitWith(() => reviewDecideCommand(traceId, flags)));

registerWorkerCommand(program, exitWith);
registerEvalCommand(program, exitWith);

program
  .command('serve')
  .description('run the HTTP service (API, SSE, OpenAPI docs, health, metrics) until SIGTERM or SIGINT')
  .option('--config <file>', 'configuration file (JSON or YAML); default ELEANOR_CONFIG or ./eleanor.config.*')
  .option('--port <n>', 'port (default http.port, else 8080; 0 picks a free one)', nonNegativeInteger('--port'))
  .option('--host <address>', 'address to bind (default http.host, else 127.0.0.1)')
  .option(
    '--insecure-local',
    'no API keys: every request acts as the local admin; binds 127.0.0.1 and answers only a loopback Host (else 421)',
  )
  .option(
    '--workers <n>',
    `processes sharing the port and the evidence store (default: the available parallelism, ${availableParallelism()} here; 1 serves from one process)`,
    positiveInteger('--workers'),
  )
  .addOption(
    new Option('--log-level <level>', 'service log level')
      .choices(['silent', 'fatal', 'error', 'warn', 'info', 'debug'])
      .default('warn'),
  )
  .action((flags: ServeFlags) => exitWith(() => serveCommand(flags)));

const keys = program.command('keys').description('API keys for `eleanor serve`');
keys
  .command('create')
  .description('make a new random API key; prints it once, with the http.apiKeys entry holding only its keyed hash')
  .requiredOption('--id <id>', "the key's owner: recorded as the actor of its reviews")
  .addOption(new Option('--role <role...>', 'one or more roles').choices([...API_ROLES]).makeOptionMandatory())
  .option('--chain <name>', 'bind the key to one evidence chain (tenant)')
  .option('--secret-file <file>', 'the key secret (default ELEANOR_API_KEY_SECRET, else http.keySecretFile)')
  .option(
    '--config <file>',
    'configuration whose http.keySecretFile to use; default ELEANOR_CONFIG or ./eleanor.config.*',
  )
  .option('--json', 'print { key, entry } as JSON')
  .action((flags: KeysCreateFlags & { role: ApiRole[] }) => exitWith(() => keysCreateCommand(flags)));
keys
  .command('secret')
  .description('make a new key secret (256 random bits) for the keyed hashes of API keys; prints it, or writes --out')
  .option('--out <file>', 'write it to this new file, readable by you only (for http.keySecretFile)')
  .action((flags: { out?: string }) => exitWith(() => Promise.resolve(keysSecretCommand(flags))));

program
  .command('demo')
  .description('evaluate three sample responses with the built-in critics (no server)')
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

// `eleanor` alone runs the demo. Not a default command: that would take `eleanor evalute hi` as the demo's arguments
// ("too many arguments for 'demo'") instead of an unknown command with a suggestion.
const args = process.argv.slice(2);
await program.parseAsync(args.length === 0 ? ['demo'] : args, { from: 'user' });
