// SQLite's text search through the trigram index: it never misses a case the texts hold, in any script, and falls back
// to reading the texts where the index could (short searches, characters SQLite folds otherwise than toLowerCase).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { gatedCase } from '../review-queue.conformance.js';
import type { EvidenceStore } from '../types.js';
import { SqliteEvidenceStore } from './sqlite-store.js';
import { CASED_END, TextSearch, lowerPreimages } from './text-search.js';

/** A gated case whose recorded input is `inputText` (and response `modelResponse`). */
function caseWith(traceId: string, inputText: string, modelResponse = '') {
  const base = gatedCase(0);
  return {
    ...base,
    traceId,
    payload: { ...(base.payload as object), input: { inputText, modelResponse, context: {} } },
  };
}

/**
 * Whether SQLite's store finds `q` in `text`, as it did before the index: an ASCII search ignores the case of ASCII
 * letters only (LIKE), any other compares the toLowerCase of both — so K (the Kelvin sign) and İ, whose lower cases
 * are or hold ASCII letters, are found by a non-ASCII search only.
 */
function holds(text: string, q: string): boolean {
  const lower = q.toLowerCase();
  if (/^[\x20-\x7e]*$/.test(lower)) return text.replace(/[A-Z]/g, (c) => c.toLowerCase()).includes(lower);
  return text.toLowerCase().includes(lower);
}

async function found(store: EvidenceStore, q: string): Promise<string[]> {
  const page = await store.reviewPage({ q, limit: 1_000 });
  expect(page.counts.total, q).toBe(page.reviews.length);
  return page.reviews.map((c) => c.traceId).sort();
}

describe('TextSearch (SQLite)', () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  it('knows every character with a lower case: none lies past plane 1', () => {
    for (let code = CASED_END + 1; code <= 0x10ffff; code += 1) {
      const x = String.fromCodePoint(code);
      if (x.toLowerCase() !== x) expect.fail(`U+${code.toString(16)} has a lower case`);
    }
    expect(lowerPreimages().get('k')).toEqual([
      ['K', 'k'],
      ['\u212a', 'k'],
    ]);
    expect(lowerPreimages().get('ς')).toEqual([['Σ', 'ς']]);
  });

  it('asks the index for every trigram of a search of three characters or more, quoted', () => {
    const search = new TextSearch(new Database(':memory:'));
    expect(search.query('weapon')).toBe('"wea" AND "eap" AND "apo" AND "pon"');
    expect(search.query('a"b"')).toBe('"a""b" AND """b"""');
    expect(search.query('привет')).toBe('"при" AND "рив" AND "иве" AND "вет"');
    expect(search.query('日本語')).toBe('"日本語"');
    expect(search.query('ab')).toBeUndefined();
    expect(search.query('🙂🙂')).toBeUndefined(); // two characters, four UTF-16 units
    expect(search.query('a\u0000bc')).toBeUndefined();
    expect(search.query('ab\ufffd')).toBeUndefined();
    expect(search.query('ab\ud800')).toBeUndefined();
    // Cherokee and Georgian capitals lower-case (in Node) into letters SQLite's tables do not fold them to.
    expect(search.query('ꭰbc')).toBeUndefined();
    expect(search.query('ქართული')).toBeUndefined();
  });

  it('finds every text holding any character that has a lower case, in a word and at its end, as the texts do', async () => {
    const store = new SqliteEvidenceStore({ path: ':memory:' });
    const search = new TextSearch(new Database(':memory:'));
    try {
      const cased: string[] = [];
      for (let code = 0; code <= CASED_END; code += 1) {
        const x = String.fromCodePoint(code);
        if (!(code >= 0xd800 && code <= 0xdfff) && x.toLowerCase() !== x) cased.push(x);
      }
      expect(cased.length).toBeGreaterThan(1_400);
      const text = (x: string): string => `ab${x}cd ab${x}`;
      await Promise.all(cased.map((x, i) => store.append(caseWith(`c${i}`, text(x)))));
      let indexed = 0;
      for (const [i, x] of cased.entries()) {
        for (const q of [`ab${x}cd`.toLowerCase(), `ab${x}`.toLowerCase()]) {
          if (search.query(q) !== undefined) indexed += 1;
          const what = `U+${x.codePointAt(0)!.toString(16)}: ${q}`;
          if (holds(text(x), q)) expect(await found(store, q), what).toContain(`c${i}`);
          else expect(await found(store, q), what).not.toContain(`c${i}`);
        }
      }
      // Most go through the index: all but the characters SQLite folds otherwise (Cherokee, Georgian, …).
      expect(indexed).toBeGreaterThan(cased.length * 2 * 0.6);
    } finally {
      await store.close();
    }
  }, 60_000);

  it('matches as before the index: İ is i and a dot, Σ ends a word as ς', async () => {
    const store = new SqliteEvidenceStore({ path: ':memory:' });
    try {
      const texts: Record<string, string> = { turkish: 'İSTANBUL, ALİ', greek: 'ΟΔΟΣ ΚΑΙ ΣΟΦΙΑ', plain: 'istanbul' };
      for (const [id, text] of Object.entries(texts)) await store.append(caseWith(id, text));
      for (const q of ['İstanbul', 'i̇stanbul', 'istanbul', 'ali', 'ali̇', 'οδος', 'οδοσ', 'σοφ', 'ος κ', 'οσ κ']) {
        const reference = Object.keys(texts)
          .filter((id) => holds(`${texts[id]}\n`, q))
          .sort();
        expect(await found(store, q), q).toEqual(reference);
      }
      expect(await found(store, 'ali̇')).toEqual(['turkish']);
      expect(await found(store, 'istanbul')).toEqual(['plain']);
      expect(await found(store, 'οδος')).toEqual(['greek']);
      expect(await found(store, 'οδοσ')).toEqual([]);
    } finally {
      await store.close();
    }
  });

  it('reads the index for a search of three characters or more, and the texts for a shorter one', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'eleanor-text-'));
    dirs.push(dir);
    const path = join(dir, 'eleanor.db');
    const store = new SqliteEvidenceStore({ path, synchronous: 'normal' });
    try {
      await store.append(caseWith('w', 'how is the weapon made'));
      expect(await found(store, 'weapon')).toEqual(['w']);
      // Emptied behind the store's back, the index finds nothing: the store read it. A short search reads the texts.
      const db = new Database(path);
      db.exec("INSERT INTO evidence_review_text (evidence_review_text) VALUES ('delete-all')");
      db.close();
      expect(await found(store, 'weapon')).toEqual([]);
      expect(await found(store, 'we')).toEqual(['w']);
    } finally {
      await store.close();
    }
  });
});
