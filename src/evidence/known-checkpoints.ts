// The checkpoints a process trusts: those in the witness and in the store that its own key signed, per chain by seq.
import { readFile } from 'node:fs/promises';
import { checkpointText } from './checkpoint-text.js';
import { parseWitness } from './checkpoint-verify.js';
import { signatureHolds, type SigningKey } from './signing.js';
import type { Checkpoint, EvidenceStore } from './types.js';

export class KnownCheckpoints {
  /** Per chain: the checkpoints by seq (two signed at one seq, by two writers, are both kept), and the seqs sorted. */
  readonly #byChain = new Map<string, { bySeq: Map<number, Checkpoint[]>; seqs: number[] }>();

  add(checkpoint: Checkpoint): void {
    let chain = this.#byChain.get(checkpoint.chain);
    if (chain === undefined) this.#byChain.set(checkpoint.chain, (chain = { bySeq: new Map(), seqs: [] }));
    const same = chain.bySeq.get(checkpoint.seq);
    if (same !== undefined) {
      if (!same.some((c) => c.signature === checkpoint.signature)) same.push(checkpoint);
      return;
    }
    chain.bySeq.set(checkpoint.seq, [checkpoint]);
    const seqs = chain.seqs;
    if (seqs.length === 0 || seqs[seqs.length - 1]! < checkpoint.seq) seqs.push(checkpoint.seq);
    else seqs.splice(firstAtOrAbove(seqs, checkpoint.seq), 0, checkpoint.seq);
  }

  /** The first checkpoint of the chain that covers `seq` (the smallest seq at or above it). */
  covering(chain: string, seq: number): Checkpoint | undefined {
    const known = this.#byChain.get(chain);
    if (known === undefined) return undefined;
    const at = known.seqs[firstAtOrAbove(known.seqs, seq)];
    return at === undefined ? undefined : known.bySeq.get(at)![0];
  }

  /** The checkpoints signed at exactly `seq`. */
  at(chain: string, seq: number): readonly Checkpoint[] {
    return this.#byChain.get(chain)?.bySeq.get(seq) ?? [];
  }

  latestSeq(chain: string): number {
    return this.#byChain.get(chain)?.seqs.at(-1) ?? 0;
  }
}

/** The index of the first of the sorted `seqs` at or above `seq` (seqs.length when none is). */
function firstAtOrAbove(seqs: readonly number[], seq: number): number {
  let low = 0;
  let high = seqs.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (seqs[mid]! < seq) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** Reads the witness (missing: none yet) and the store's copies, keeping what the key's own signature vouches for. */
export async function loadKnownCheckpoints(
  store: EvidenceStore,
  witness: string,
  key: SigningKey,
  warn: (error: unknown, message: string) => void,
): Promise<KnownCheckpoints> {
  const known = new KnownCheckpoints();
  let ignored = 0;
  const keep = (c: Checkpoint): void => {
    if (c.keyId === key.keyId && signatureHolds(key.publicKey, checkpointText(c), c.signature)) known.add(c);
    else ignored += 1;
  };
  try {
    const parsed = parseWitness(await readFile(witness, 'utf8'));
    parsed.lines.forEach((l) => keep(l.checkpoint));
    if (parsed.failure) {
      warn(
        null,
        `eleanor: the witness ${witness} line ${parsed.failure.line}: ${parsed.failure.reason}; read up to it`,
      );
    }
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT')
      warn(error, `eleanor: the witness ${witness} is unreadable`);
  }
  try {
    for (let after: number | null = 0; after !== null;) {
      const page = await store.checkpoints({ after, limit: 1_000 });
      page.checkpoints.forEach(keep);
      after = page.next;
    }
  } catch (error) {
    warn(error, 'eleanor: the checkpoints kept in the evidence store are unreadable; the witness alone is used');
  }
  if (ignored > 0) warn(null, `eleanor: ${ignored} checkpoint(s) not signed by this evidence key were ignored`);
  return known;
}
