// Checks a witness against a store: every checkpoint signed by the key, and the store still holding what each one covers.
import type { KeyObject } from 'node:crypto';
import { checkpointText } from './checkpoint-text.js';
import { MerkleFrontier, recordLeaf } from './merkle.js';
import { keyIdOf, signatureHolds } from './signing.js';
import type { Checkpoint, EvidenceStore } from './types.js';

export interface WitnessFailure {
  /** The witness line (1-based) of the checkpoint that fails. */
  readonly line: number;
  readonly chain: string;
  readonly seq: number;
  readonly reason: string;
}

export interface WitnessReport {
  readonly ok: boolean;
  readonly checkpoints: number;
  /** Per chain: how many checkpoints, the last seq they cover, and the first that fails. */
  readonly chains: ReadonlyArray<{
    chain: string;
    checkpoints: number;
    lastSeq: number;
    failure: WitnessFailure | null;
  }>;
}

interface Line {
  readonly line: number;
  readonly checkpoint: Checkpoint;
}

const HEX64 = /^[0-9a-f]{64}$/;

/** Parses the witness's JSONL; a line that is not a checkpoint fails the whole check, naming the line. */
export function parseWitness(text: string): { lines: Line[]; failure: WitnessFailure | null } {
  const lines: Line[] = [];
  const rows = text.split('\n');
  for (let i = 0; i < rows.length; i++) {
    const raw = rows[i]!;
    if (raw === '' && i === rows.length - 1) continue; // after the last line's newline
    // The witness is written one compact JSON line each: a blank line or stray whitespace is an edit.
    if (raw === '' || raw !== raw.trim()) {
      return { lines, failure: { line: i + 1, chain: '?', seq: 0, reason: 'the witness line is not as written' } };
    }
    let c: Partial<Checkpoint>;
    try {
      c = JSON.parse(raw) as Partial<Checkpoint>;
    } catch {
      return { lines, failure: { line: i + 1, chain: '?', seq: 0, reason: 'the witness line is not JSON' } };
    }
    const valid =
      typeof c.chain === 'string' &&
      Number.isInteger(c.seq) &&
      (c.seq ?? 0) >= 1 &&
      typeof c.head === 'string' &&
      HEX64.test(c.head) &&
      typeof c.root === 'string' &&
      HEX64.test(c.root) &&
      typeof c.time === 'string' &&
      typeof c.keyId === 'string' &&
      typeof c.signature === 'string';
    if (!valid) {
      const reason = 'the witness line is not a checkpoint { chain, seq, head, root, time, keyId, signature }';
      return { lines, failure: { line: i + 1, chain: String(c.chain ?? '?'), seq: Number(c.seq ?? 0), reason } };
    }
    lines.push({ line: i + 1, checkpoint: c as Checkpoint });
  }
  return { lines, failure: null };
}

/** The first problem of one chain's checkpoints (taken by seq) against the store's records of that chain. */
async function chainFailure(
  store: EvidenceStore,
  chain: string,
  lines: Line[],
  key: KeyObject,
): Promise<WitnessFailure | null> {
  const keyId = keyIdOf(key);
  const fail = (l: Line, reason: string): WitnessFailure => ({ line: l.line, chain, seq: l.checkpoint.seq, reason });
  for (const l of lines) {
    const c = l.checkpoint;
    if (c.keyId !== keyId) return fail(l, `signed by key ${c.keyId}, not by the key given (${keyId})`);
    if (!signatureHolds(key, checkpointText(c), c.signature)) return fail(l, 'the signature does not verify');
  }
  // Each checkpoint extends the one before it by seq: every root is recomputed below from the same records, in one
  // pass, so two that are not prefixes of one history cannot both hold. By seq rather than by line: processes sharing
  // a witness (eleanor serve --workers) may append a checkpoint of a lower seq after another's higher one.
  const ordered = [...lines].sort((a, b) => a.checkpoint.seq - b.checkpoint.seq || a.line - b.line);
  const frontier = new MerkleFrontier();
  let next = 0;
  try {
    for await (const entry of store.export({ chain })) {
      if (entry.seq !== frontier.size + 1) {
        return ordered[next] ? fail(ordered[next]!, `record ${frontier.size + 1} is missing from the store`) : null;
      }
      frontier.push(recordLeaf(entry.hash));
      while (next < ordered.length && ordered[next]!.checkpoint.seq === entry.seq) {
        const l = ordered[next]!;
        if (l.checkpoint.head !== entry.hash)
          return fail(l, `the store's record ${entry.seq} is not the head it signed`);
        if (l.checkpoint.root !== frontier.root()) {
          return fail(l, `the store's records 1–${entry.seq} do not give the Merkle root it signed`);
        }
        next += 1;
      }
      if (next === ordered.length) return null;
    }
  } catch (error) {
    // A record that is not even JSON any more: the chain check (store.verify) names it; here it fails the checkpoint.
    return fail(ordered[next]!, `the store's records cannot be read (${(error as Error).message})`);
  }
  const l = ordered[next];
  return l === undefined
    ? null
    : fail(l, `the store ends at seq ${frontier.size}: records up to ${l.checkpoint.seq} were cut`);
}

/** Checks the witness's checkpoints (of one chain, if given) against the store. */
export async function verifyWitness(
  store: EvidenceStore,
  witnessText: string,
  key: KeyObject,
  onlyChain?: string,
): Promise<WitnessReport> {
  const parsed = parseWitness(witnessText);
  const byChain = new Map<string, Line[]>();
  for (const l of parsed.lines) {
    if (onlyChain !== undefined && l.checkpoint.chain !== onlyChain) continue;
    byChain.set(l.checkpoint.chain, [...(byChain.get(l.checkpoint.chain) ?? []), l]);
  }
  const chains = [];
  for (const [chain, lines] of [...byChain].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const failure = await chainFailure(store, chain, lines, key);
    chains.push({
      chain,
      checkpoints: lines.length,
      lastSeq: Math.max(...lines.map((l) => l.checkpoint.seq)),
      failure,
    });
  }
  if (parsed.failure) {
    chains.push({ chain: parsed.failure.chain, checkpoints: 0, lastSeq: 0, failure: parsed.failure });
  }
  const checkpoints = [...byChain.values()].reduce((n, lines) => n + lines.length, 0);
  return { ok: chains.every((c) => c.failure === null), checkpoints, chains };
}

/**
 * Checks the copies of the checkpoints the store keeps (of one chain, if given) as a witness of their own: each signed
 * by the key and still given by the store's records. The engine trusts only copies its key signed, so an altered copy
 * does no harm; here it is reported, so that no byte of the store changes unseen.
 */
export async function verifyStoredCheckpoints(
  store: EvidenceStore,
  key: KeyObject,
  onlyChain?: string,
): Promise<WitnessReport> {
  const lines: string[] = [];
  for (let after: number | null = 0; after !== null;) {
    const page = await store.checkpoints({ after, limit: 1_000, ...(onlyChain !== undefined && { chain: onlyChain }) });
    for (const c of page.checkpoints) lines.push(`${JSON.stringify(c)}\n`);
    after = page.next;
  }
  return verifyWitness(store, lines.join(''), key, onlyChain);
}
