// WAL checkpoints on a worker thread: a checkpoint (copying the WAL into the file, with fsyncs) never stalls the event loop.
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

/** The worker's whole program: its own connection, a PASSIVE checkpoint (never blocks writers) every interval. */
const PROGRAM = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.path, { timeout: workerData.busyTimeoutMs });
const checkpoint = (mode) => { try { db.pragma('wal_checkpoint(' + mode + ')'); } catch {} };
const timer = setInterval(() => checkpoint('PASSIVE'), workerData.intervalMs);
parentPort.on('message', () => { clearInterval(timer); checkpoint('PASSIVE'); db.close(); parentPort.close(); });
`;

export interface Checkpointer {
  /** Runs a last checkpoint and stops the worker. */
  stop(): Promise<void>;
}

/**
 * Starts the checkpoint worker for a WAL database, or returns null when it cannot start (the caller then keeps
 * SQLite's automatic checkpoints on the writing connection, as it does after `onFailure`).
 */
export function startCheckpointer(
  path: string,
  busyTimeoutMs: number,
  onFailure: () => void,
  intervalMs = 250,
): Checkpointer | null {
  let worker: Worker;
  try {
    const driver = createRequire(import.meta.url).resolve('better-sqlite3');
    worker = new Worker(PROGRAM, { eval: true, workerData: { driver, path, busyTimeoutMs, intervalMs } });
  } catch {
    return null;
  }
  worker.unref();
  // A worker that fails must not crash us: the caller goes back to checkpointing on its own connection.
  worker.on('error', onFailure);
  const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
  return {
    async stop() {
      worker.ref(); // the process must wait for the last checkpoint
      worker.postMessage('stop');
      await exited;
    },
  };
}
