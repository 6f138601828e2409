// Worker-thread entry of `eleanor eval`: builds its own engine from the configuration file and evaluates the rows it is sent.
import { parentPort, workerData } from 'node:worker_threads';
import { describeError } from '../../core/index.js';
import { loadConfig } from '../../engine/index.js';
import { createEngine, type Engine } from '../../engine/index.js';
import type { LabelledRow } from './data.js';
import { evalEngineConfig, type ThreadData, type ThreadMessage } from './pool.js';
import { evaluateRow } from './run.js';

const port = parentPort!;
const data = workerData as ThreadData;
const send = (message: ThreadMessage): void => port.postMessage(message);

let engine: Engine;
try {
  const config = await loadConfig(data.configFile === undefined ? {} : { file: data.configFile });
  engine = createEngine(evalEngineConfig(config));
  await engine.ready();
} catch (error) {
  send({ failed: error instanceof Error ? error.message : describeError(error) });
  throw error;
}
port.on('message', (message: { seq: number; row: LabelledRow }) => {
  void evaluateRow(engine, message.row, data.constrainAt).then((result) => send({ seq: message.seq, result }));
});
send({ ready: engine.critics.map((c) => c.name) });
