// Builds the checkpointer the `evidence.checkpoints` section describes: its key (file or environment) and witness path.
import { resolve } from 'node:path';
import { EleanorError } from '../core/index.js';
import { Checkpointer } from './checkpoints.js';
import type { CheckpointsConfig } from './config.js';
import { readPemFile, signingKeyFrom, type SigningKey } from './signing.js';
import type { Checkpoint, EvidenceStore } from './types.js';

export const SIGNING_KEY_ENV = 'ELEANOR_EVIDENCE_SIGNING_KEY';
export const DEFAULT_CHECKPOINT_EVERY = 1_000;

/** The signing key: the configured PEM file, else the PEM in ELEANOR_EVIDENCE_SIGNING_KEY. */
export function checkpointSigningKey(config: CheckpointsConfig, baseDir: string): SigningKey {
  const what = 'evidence.checkpoints.signingKey';
  if (config.signingKey !== undefined)
    return signingKeyFrom(readPemFile(resolve(baseDir, config.signingKey), what), what);
  const pem = process.env[SIGNING_KEY_ENV];
  if (pem === undefined || pem.trim() === '') {
    throw new EleanorError(
      'INVALID_INPUT',
      `${what}: expected a PEM file, or the PEM in ${SIGNING_KEY_ENV}; got neither`,
      { path: what },
    );
  }
  return signingKeyFrom(pem, SIGNING_KEY_ENV);
}

/** The checkpointer over a store; the key is read first (checkpointSigningKey), so a bad one opens nothing. */
export function createCheckpointer(
  store: EvidenceStore,
  config: CheckpointsConfig,
  key: SigningKey,
  baseDir: string,
  warn: (error: unknown, message: string) => void,
  onSigned?: (checkpoint: Checkpoint) => void,
): Checkpointer {
  return new Checkpointer(
    store,
    {
      every: config.every ?? DEFAULT_CHECKPOINT_EVERY,
      ...(config.seconds !== undefined && { seconds: config.seconds }),
      key,
      witness: resolve(baseDir, config.witness),
      ...(onSigned && { onSigned }),
    },
    warn,
  );
}
