// Engines for a test file: recorded in memory unless a test names its own evidence settings, all closed after the file.
import { afterAll } from 'vitest';
import { createEngine, type Engine, type EngineConfig } from '../../src/engine/index.js';

/** Returns a factory whose engines are closed once the calling test file is done. */
export function engineFactory(): (config?: EngineConfig) => Engine {
  const engines: Engine[] = [];
  afterAll(async () => {
    await Promise.all(engines.map((e) => e.close()));
  });
  return (config = {}) => {
    const e = createEngine({ evidence: { store: 'memory' }, ...config });
    engines.push(e);
    return e;
  };
}
