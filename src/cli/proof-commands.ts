// `eleanor evidence prove` and `eleanor evidence check-proof`: one decision's inclusion in the signed log.
import { resolve } from 'node:path';
import { EleanorError } from '../core/index.js';
import { parseWitness } from '../evidence/index.js';
import type { EvidenceConfig } from '../evidence/index.js';
import { buildInclusionProof, inclusionProofProblem } from '../evidence/index.js';
import { publicKeyFromFile } from '../evidence/index.js';
import type { EvidenceStore } from '../evidence/index.js';
import { EXIT_TAMPERED, witnessPath } from './checkpoint-commands.js';
import { readTextSource } from './io.js';

/** The proof of a trace's evaluation record, as JSON on stdout. */
export async function proveCommand(
  store: EvidenceStore,
  traceId: string,
  flags: { chain?: string; witness?: string },
  settings: Exclude<EvidenceConfig, false>,
  baseDir: string,
): Promise<number> {
  const path = witnessPath(flags, settings, baseDir);
  if (path === undefined) {
    throw new EleanorError(
      'INVALID_INPUT',
      '--witness: expected the checkpoints file, got none (and none configured)',
      {
        path: '--witness',
      },
    );
  }
  const { lines } = parseWitness(await readTextSource(path, '--witness'));
  const proof = await buildInclusionProof(
    store,
    traceId,
    lines.map((l) => l.checkpoint),
    flags.chain,
  );
  console.log(JSON.stringify(proof, null, 2));
  return 0;
}

/** Checks a proof file with the public key alone: exit 0 when the record is in the signed log, 4 when not. */
export async function checkProofCommand(file: string, flags: { publicKey: string }): Promise<number> {
  const text = await readTextSource(resolve(file), 'proof file');
  let proof: unknown;
  try {
    proof = JSON.parse(text);
  } catch {
    throw new EleanorError('INVALID_INPUT', `proof file: expected JSON, got '${text.slice(0, 40)}…'`);
  }
  const problem = inclusionProofProblem(proof, publicKeyFromFile(resolve(flags.publicKey), '--public-key'));
  const where = proof as { record?: { chain?: string; seq?: number }; checkpoint?: { seq?: number } };
  console.log(
    problem === null
      ? `proof holds: record ${where.record?.chain} seq ${where.record?.seq} is under the signed checkpoint at seq ${where.checkpoint?.seq}`
      : `PROOF FAILS: ${problem}`,
  );
  return problem === null ? 0 : EXIT_TAMPERED;
}
