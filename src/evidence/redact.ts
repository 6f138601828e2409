// Redaction before storage: 'hash' replaces texts and matched spans with SHA-256 digests; 'mask' masks the PII spans.
import { createHash } from 'node:crypto';
import type { CriticOutcome } from '../core/index.js';

export type Redaction = 'none' | 'hash' | 'mask';

/** The stored form of a text under 'hash': its digest and length, enough to prove which text it was. */
export interface HashedText {
  sha256: string;
  length: number;
}

export function hashText(text: string): HashedText {
  return { sha256: createHash('sha256').update(text).digest('hex'), length: text.length };
}

/** The matched texts to hide: every violation span under 'hash', the privacy critic's spans under 'mask'. */
export function sensitiveSpans(critics: Record<string, CriticOutcome>, redaction: Redaction): string[] {
  if (redaction === 'none') return [];
  const found = new Set<string>();
  for (const [name, outcome] of Object.entries(critics)) {
    if (redaction === 'mask' && name !== 'privacy') continue;
    for (const violation of outcome.finding.violations) {
      const text = violation.span?.text;
      // A span of one or two characters would rewrite unrelated words.
      if (typeof text === 'string' && text.length >= 3) found.add(text);
    }
  }
  // Longest first, so a span containing another is replaced whole.
  return [...found].sort((a, b) => b.length - a.length);
}

/** 'mask' keeps the length (span offsets stay true for highlighting); 'hash' leaves a short digest. */
function replacement(text: string, redaction: Redaction): string {
  return redaction === 'mask' ? '*'.repeat(text.length) : `[sha256:${hashText(text).sha256.slice(0, 16)}]`;
}

/** A deep copy of `value` with every occurrence of each span replaced in every string. */
export function scrub<T>(value: T, spans: readonly string[], redaction: Redaction): T {
  if (spans.length === 0) return value;
  const walk = (node: unknown): unknown => {
    if (typeof node === 'string') {
      let out = node;
      for (const span of spans) if (out.includes(span)) out = out.split(span).join(replacement(span, redaction));
      return out;
    }
    if (Array.isArray(node)) return node.map(walk);
    if (typeof node === 'object' && node !== null) {
      return Object.fromEntries(Object.entries(node).map(([k, v]) => [k, walk(v)]));
    }
    return node;
  };
  return walk(value) as T;
}
