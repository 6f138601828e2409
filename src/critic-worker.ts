// The root entry's createCriticWorker: the distributed worker, handed the critics of the configuration it is given.
import type { EngineConfig } from './engine/index.js';
import { setUpCritics } from './engine/index.js';
import {
  createCriticWorker as createWorkerFor,
  type CriticWorker,
  type CriticWorkerOptions,
} from './distributed/index.js';

/**
 * A BullMQ critic worker for an engine configuration: its critics are made from `config` unless given.
 * @example
 * const worker = createCriticWorker({ config: await loadConfig() });
 * await worker.ready();
 */
export function createCriticWorker(
  options: Omit<CriticWorkerOptions, 'config' | 'critics'> & {
    readonly config: EngineConfig;
    readonly critics?: CriticWorkerOptions['critics'];
  },
): CriticWorker {
  return createWorkerFor({ ...options, critics: options.critics ?? setUpCritics(options.config).specs });
}
