// `eleanor evidence keygen` and the witness half of `eleanor evidence verify`: signed checkpoints against the store.
import { existsSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { KeyObject } from 'node:crypto';
import { EleanorError } from '../core/index.js';
import { checkpointSigningKey } from '../evidence/index.js';
import { verifyWitness, type WitnessReport } from '../evidence/index.js';
import type { EvidenceConfig } from '../evidence/index.js';
import { generateSigningKeyPem, publicKeyFromFile } from '../evidence/index.js';
import type { EvidenceStore, ReviewSignatureReport } from '../evidence/index.js';
import { readTextSource } from './io.js';

export interface WitnessFlags {
  readonly witness?: string;
  readonly publicKey?: string;
  readonly chain?: string;
}

/** Writes an Ed25519 key pair: FILE (the private key, mode 0600) and FILE.pub; refuses to overwrite either. */
export function keygenCommand(flags: { out: string }): number {
  const privatePath = resolve(flags.out);
  const publicPath = `${privatePath}.pub`;
  for (const path of [privatePath, publicPath]) {
    if (existsSync(path)) {
      throw new EleanorError('INVALID_INPUT', `--out: '${path}' exists; a signing key is never overwritten`, {
        path: '--out',
      });
    }
  }
  const { privateKeyPem, publicKeyPem, keyId } = generateSigningKeyPem();
  writeFileSync(privatePath, privateKeyPem, { mode: 0o600, flag: 'wx' });
  writeFileSync(publicPath, publicKeyPem, { mode: 0o644, flag: 'wx' });
  console.log(
    `key ${keyId}\nprivate key ${privatePath} (keep it secret)\npublic key  ${publicPath} (give it to verifiers)`,
  );
  return 0;
}

/** The public key checkpoints and reviews are checked with: --public-key, else the configured signing key's. */
export function verificationKey(
  flags: WitnessFlags,
  settings: Exclude<EvidenceConfig, false>,
  baseDir: string,
): KeyObject | undefined {
  if (flags.publicKey !== undefined) return publicKeyFromFile(resolve(flags.publicKey), '--public-key');
  return settings.checkpoints === undefined ? undefined : checkpointSigningKey(settings.checkpoints, baseDir).publicKey;
}

/** Exit code when a chain, a checkpoint, a review signature or a proof does not hold: tampering. */
export const EXIT_TAMPERED = 4;

/** The witness file: --witness, else the configuration's checkpoints'; undefined when there is none. */
export function witnessPath(
  flags: { witness?: string },
  settings: Exclude<EvidenceConfig, false>,
  baseDir: string,
): string | undefined {
  if (flags.witness !== undefined) return resolve(flags.witness);
  const configured = settings.checkpoints?.witness;
  return configured === undefined ? undefined : resolve(baseDir, configured);
}

export function formatReviewSignatures(report: ReviewSignatureReport): string {
  const f = report.failure;
  return f === null
    ? `reviews: ${report.reviews} signed review(s) verify`
    : `reviews: TAMPERING DETECTED at ${f.chain} seq ${f.seq} (trace ${f.traceId}): ${f.reason}`;
}

/** Checks the witness (when one is given or configured) with the key; undefined when there is no witness. */
export async function checkWitness(
  store: EvidenceStore,
  flags: WitnessFlags,
  settings: Exclude<EvidenceConfig, false>,
  baseDir: string,
  key: KeyObject | undefined,
): Promise<{ path: string; report: WitnessReport } | undefined> {
  const path = witnessPath(flags, settings, baseDir);
  if (path === undefined) return undefined;
  if (key === undefined) {
    throw new EleanorError('INVALID_INPUT', '--public-key: expected the signing key’s public PEM file, got none', {
      path: '--public-key',
    });
  }
  const text = await readTextSource(path, '--witness');
  return { path, report: await verifyWitness(store, text, key, flags.chain) };
}

export function formatWitness(path: string, report: WitnessReport): string {
  return formatCheckpoints(`witness ${path}`, 'witness line', report);
}

/** The store's own copies of the checkpoints, checked as a second witness. */
export function formatStoredCheckpoints(report: WitnessReport): string {
  return formatCheckpoints("the store's checkpoint copies", 'copy', report);
}

function formatCheckpoints(what: string, line: string, report: WitnessReport): string {
  const failures = report.chains.filter((c) => c.failure !== null);
  if (failures.length === 0) {
    return `${what}: ${report.checkpoints} signed checkpoint(s) hold (${report.chains.length} chain(s))`;
  }
  return [
    `${what}: TAMPERING DETECTED`,
    ...failures.map(
      (c) => `  ${c.chain} checkpoint at seq ${c.failure!.seq} (${line} ${c.failure!.line}): ${c.failure!.reason}`,
    ),
  ].join('\n');
}
