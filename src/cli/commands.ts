// The `eleanor` subcommands: evaluate (one request or a JSONL batch), critics, config check.
import { constants } from 'node:fs';
import { access } from 'node:fs/promises';
import { EleanorError } from '../core/index.js';
import { moduleCritic } from '../engine/index.js';
import { loadConfig } from '../engine/index.js';
import { createEngine, type Engine } from '../engine/index.js';
import type { EvaluateRequest } from '../engine/index.js';
import { runBatch, type BatchSummary } from './batch.js';
import { exitCodeFor, formatEvaluation } from './format.js';
import { cannotRead, parseContext, readStdin, readTextSource } from './io.js';

export interface EvaluateFlags {
  readonly input?: string;
  readonly response?: string;
  readonly context?: string;
  readonly traceId?: string;
  readonly json?: boolean;
  readonly config?: string;
  readonly deadline?: number;
  readonly file?: string;
  readonly out?: string;
  readonly concurrency: number;
  readonly progress: boolean;
}

async function engineFrom(configFile: string | undefined): Promise<Engine> {
  return createEngine(await loadConfig(configFile === undefined ? {} : { file: configFile }));
}

async function buildRequest(texts: string[], flags: EvaluateFlags): Promise<EvaluateRequest> {
  if (texts.length > 2)
    throw new EleanorError('INVALID_INPUT', 'arguments: expected at most two texts, [input] [response]');
  let inputText = texts[0] ?? (flags.input !== undefined ? await readTextSource(flags.input, '--input') : undefined);
  let modelResponse =
    texts[1] ?? (flags.response !== undefined ? await readTextSource(flags.response, '--response') : undefined);
  const usage = 'give [input] [response] texts, --input/--response files, or pipe the response on stdin';
  let fromStdin = false;
  if (inputText === undefined && modelResponse === undefined) {
    if (process.stdin.isTTY) throw new EleanorError('INVALID_INPUT', `nothing to evaluate: ${usage}`);
    modelResponse = await readStdin();
    fromStdin = true;
  }
  inputText ??= '';
  if (inputText.trim() === '' && (modelResponse ?? '').trim() === '') {
    const what = fromStdin ? 'stdin was empty' : 'the input and the response are both empty';
    throw new EleanorError('INVALID_INPUT', `nothing to evaluate: ${what}; ${usage}`);
  }
  const context = parseContext(flags.context);
  return {
    inputText,
    ...(modelResponse !== undefined && { modelResponse }),
    ...(context !== undefined && { context }),
    ...(flags.traceId !== undefined && { traceId: flags.traceId }),
  };
}

/** At most this many failed lines of a batch are listed on stderr (all are in the output and in --json). */
const LISTED_FAILURES = 20;

function reportBatch(summary: BatchSummary, file: string, out: string, json: boolean): void {
  for (const f of summary.failures.slice(0, LISTED_FAILURES))
    console.error(`eleanor: ${file}:${f.line} (id '${f.id}'): ${f.code}: ${f.message}`);
  if (summary.failed > LISTED_FAILURES)
    console.error(`eleanor: … and ${summary.failed - LISTED_FAILURES} more failed lines (error records in ${out})`);
  const retried = summary.retried > 0 ? `, ${summary.retried} retried (failed before)` : '';
  console.log(
    json
      ? JSON.stringify(summary)
      : `${summary.evaluated} evaluated, ${summary.skipped} skipped (already in ${out}), ${summary.failed} failed${retried} — ${JSON.stringify(summary.decisions)}`,
  );
}

/** A batch's two files, the input readable. */
async function batchFiles(file: string | undefined, out: string | undefined): Promise<{ file: string; out: string }> {
  if (file === undefined || out === undefined) throw new EleanorError('INVALID_INPUT', '--file and --out go together');
  await access(file, constants.R_OK).catch((cause: unknown) => Promise.reject(cannotRead('--file', file, cause)));
  return { file, out };
}

/** Returns the process exit code. Bad input is refused before the engine opens its store. */
export async function evaluateCommand(texts: string[], flags: EvaluateFlags): Promise<number> {
  const job =
    flags.file !== undefined || flags.out !== undefined
      ? await batchFiles(flags.file, flags.out)
      : { request: await buildRequest(texts, flags) };
  const engine = await engineFrom(flags.config);
  try {
    await engine.ready(); // a one-shot evaluation gets the shared Redis cache, not a cold miss
    if ('file' in job) {
      const { file, out } = job;
      const summary = await runBatch(engine, {
        file,
        out,
        concurrency: flags.concurrency,
        progress: flags.progress && process.stderr.isTTY === true,
        ...(flags.deadline !== undefined && { deadlineMs: flags.deadline }),
      });
      reportBatch(summary, file, out, flags.json === true);
      if (summary.failed > 0) return 1;
      return summary.decisions.deny > 0 ? 3 : summary.decisions.escalate > 0 ? 2 : 0;
    }
    const evaluation = await engine.evaluate(
      job.request,
      flags.deadline !== undefined ? { deadlineMs: flags.deadline } : {},
    );
    console.log(flags.json ? JSON.stringify(evaluation, null, 2) : formatEvaluation(evaluation));
    return exitCodeFor(evaluation.decision);
  } finally {
    await engine.close();
  }
}

export async function criticsCommand(flags: { json?: boolean; config?: string }): Promise<number> {
  const engine = await engineFrom(flags.config);
  await engine.close();
  if (flags.json) {
    console.log(JSON.stringify(engine.critics, null, 2));
    return 0;
  }
  console.log('critic             kind      reads     version   rules  failure   principle');
  for (const c of engine.critics) {
    const rules = c.ruleCount === undefined ? '-' : String(c.ruleCount);
    const model = c.modelVersion === undefined ? '' : `   (model ${c.modelVersion})`;
    console.log(
      `${c.name.padEnd(19)}${c.kind.padEnd(10)}${c.reads.padEnd(10)}${(c.version ?? '-').padEnd(10)}${rules.padEnd(7)}${c.failurePolicy.padEnd(10)}${c.principle ?? ''}${model}`,
    );
  }
  return 0;
}

export async function configCheckCommand(file: string): Promise<number> {
  const config = await loadConfig({ file });
  const engine = createEngine(config);
  await engine.close();
  for (const entry of Object.values(config.critics ?? {})) {
    if ('module' in entry && entry.enabled !== false)
      await moduleCritic(entry.module, entry.export ?? 'default', config.baseDir ?? process.cwd()).load();
  }
  console.log(`${file}: valid — ${engine.critics.length} critics (${engine.critics.map((c) => c.name).join(', ')})`);
  return 0;
}
