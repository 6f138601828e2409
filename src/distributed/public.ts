// The distributed area's public surface: critic execution on a pool of BullMQ workers through Redis.
export { createLocalTransport, type TransportKind } from './transport.js';
export {
  createBullmqTransport,
  type BullmqTransport,
  type BullmqTransportOptions,
  type BullmqTransportStats,
} from './bullmq-transport.js';
export { createCriticWorker, type CriticWorker, type CriticWorkerOptions } from './worker.js';
export { listWorkers, type WorkerRecord } from './heartbeat.js';
export { JOB_RESULTS, type JobResult, type WorkerCounts } from './worker-metrics.js';
export {
  DEFAULT_PREFIX,
  DEFAULT_QUEUE,
  WORKER_DEFAULTS,
  jobIdFor,
  queueNames,
  type BullmqTransportConfig,
  type QueueNames,
  type TransportConfig,
  type WorkerSettings,
} from './config.js';
export { RemoteCriticError, type CriticJobData, type CriticJobResult, type JobFailure } from './payload.js';
