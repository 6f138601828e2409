// The checkpoints a process trusts: those in the witness and in the store that its own key signed, per chain by seq.
import { readFile } from 'node:fs/promises';
import { checkpointText } from './checkpoint-text.js';
import { parseWitness } from './checkpoint-verify.js';
import { signatureHolds, type SigningKey } from './signing.js';
import type { Checkpoint, EvidenceStore } from './types.js';

export class KnownCheckpoints {
  /** Per chain, by seq ascending; two signed at one seq (two writers) are both kept. */
  readonly #byChain = new Map<string, Checkpoint[]>();

  add(checkpoint: Checkpoint): void {
    const list = this.#byChain.get(checkpoint.chain) ?? [];
    if (list.some((c) => c.seq === checkpoint.seq && c.signature === checkpoint.signature)) return;
    let at = list.length;
    while (at > 0 && list[at - 1]!.seq > checkpoint.seq) at -= 1;
    list.splice(at, 0, checkpoint);
    this.#byChain.set(checkpoint.chain, list);
  }

  /** The first checkpoint of the chain that covers `seq` (the smallest seq at or above it). */
  covering(chain: string, seq: number): Checkpoint | undefined {
    const list = this.#byChain.get(chain) ?? [];
    let low = 0;
    let high = list.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (list[mid]!.seq < seq) low = mid + 1;
      else high = mid;
    }
    return list[low];
  }

  /** The checkpoints signed at exactly `seq`. */
  at(chain: string, seq: number): Checkpoint[] {
    return (this.#byChain.get(chain) ?? []).filter((c) => c.seq === seq);
  }

  latestSeq(chain: string): number {
    return this.#byChain.get(chain)?.at(-1)?.seq ?? 0;
  }
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
