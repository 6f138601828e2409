// What a checkpoint's signature covers: every field but the signature, as canonical JSON.
import { canonicalJson } from './canonical.js';
import type { Checkpoint } from './types.js';

export function checkpointText(c: Omit<Checkpoint, 'signature'>): string {
  return canonicalJson({ chain: c.chain, seq: c.seq, head: c.head, root: c.root, time: c.time, keyId: c.keyId });
}
