// `eleanor eval`: where rows are evaluated — one engine in this thread, or one engine per worker thread.
import { Worker } from 'node:worker_threads';
import { EleanorError } from '../../core/index.js';
import type { EngineConfig } from '../../engine/index.js';
import { createEngine } from '../../engine/index.js';
import type { LabelledRow } from './data.js';
import { evaluateRow, type RowResult } from './run.js';

export interface RowEvaluator {
  readonly evaluate: (row: LabelledRow) => Promise<RowResult>;
  /** The configured critics, in the engine's order. */
  readonly critics: readonly string[];
  close(): Promise<void>;
}

/** What a worker thread needs to build the same engine: the configuration is loaded again from its file. */
export interface ThreadData {
  readonly configFile: string | undefined;
  readonly constrainAt: number;
}

export type ThreadMessage =
  | { readonly ready: readonly string[] }
  | { readonly seq: number; readonly result: RowResult }
  | { readonly failed: string };

/** Eval never records evidence: 30,000 records would only slow it down and fill the store. */
export function evalEngineConfig(config: EngineConfig): EngineConfig {
  return { ...config, evidence: false };
}

export async function inProcess(config: EngineConfig, constrainAt: number): Promise<RowEvaluator> {
  const engine = createEngine(evalEngineConfig(config));
  await engine.ready();
  return {
    evaluate: (row) => evaluateRow(engine, row, constrainAt),
    critics: engine.critics.map((c) => c.name),
    close: () => engine.close(),
  };
}

/**
 * The worker entry: thread.js beside this file once built. Run from source (tsx), Node 20 does not apply tsx's
 * loader to a worker's entry, so a tiny evaluated script registers it first.
 */
function spawn(data: ThreadData): Worker {
  const fromSource = import.meta.url.endsWith('.ts');
  const entry = new URL(fromSource ? './thread.ts' : './thread.js', import.meta.url);
  if (!fromSource) return new Worker(entry, { workerData: data });
  const tsx = JSON.stringify(import.meta.resolve('tsx/esm/api'));
  const script = `import(${tsx}).then(({ register }) => { register(); return import(${JSON.stringify(entry.href)}); });`;
  return new Worker(script, { eval: true, workerData: data });
}

/** `threads` worker threads, each with its own engine; a row goes to the thread with the fewest in flight. */
export async function threadPool(threads: number, data: ThreadData): Promise<RowEvaluator> {
  const pending = new Map<number, (result: RowResult) => void>();
  let seq = 0;
  let fault: Error | undefined;
  const rejectAll = new Set<(error: Error) => void>();
  const fail = (error: Error): void => {
    fault ??= error;
    for (const reject of rejectAll) reject(fault);
  };
  const workers = Array.from({ length: threads }, () => spawn(data));
  const load = workers.map(() => 0);
  const ready = await Promise.all(
    workers.map(
      (worker, w) =>
        new Promise<readonly string[]>((resolve, reject) => {
          worker.on('message', (message: ThreadMessage) => {
            if ('ready' in message) resolve(message.ready);
            else if ('failed' in message) {
              const error = new EleanorError('INVALID_CONFIG', message.failed);
              reject(error);
              fail(error);
            } else {
              load[w]!--;
              pending.get(message.seq)?.(message.result);
              pending.delete(message.seq);
            }
          });
          worker.on('error', (error) => {
            reject(error);
            fail(error);
          });
          worker.on('exit', (code) => {
            const error = new Error(`an eval worker thread exited (code ${code})`);
            reject(error);
            fail(error);
          });
        }),
    ),
  ).catch(async (error: unknown) => {
    await Promise.all(workers.map((w) => w.terminate()));
    throw error;
  });
  let closing = false;
  return {
    critics: ready[0] ?? [],
    evaluate: (row) =>
      new Promise<RowResult>((resolve, reject) => {
        if (fault !== undefined) return reject(fault);
        let w = 0;
        for (let i = 1; i < workers.length; i++) if (load[i]! < load[w]!) w = i;
        const id = seq++;
        load[w]!++;
        rejectAll.add(reject);
        pending.set(id, (result) => {
          rejectAll.delete(reject);
          resolve(result);
        });
        workers[w]!.postMessage({ seq: id, row });
      }),
    close: async () => {
      if (closing) return;
      closing = true;
      for (const worker of workers) worker.removeAllListeners('exit');
      await Promise.all(workers.map((w) => w.terminate()));
    },
  };
}
