// When SQLite's trigram index of the review queue's texts (migration 4) can answer a search `q`, and its FTS5 query.
import type Database from 'better-sqlite3';
import { SEARCH_TOKENIZER, searchText } from './schema.js';

/** No code point past plane 1 has a lower case (a test checks it with this Node): none lower-cases into a search. */
export const CASED_END = 0x1ffff;

/** What `toLowerCase` makes of x in a word and at its end (Σ is σ, or ς at the end of a word; any other, one way). */
function lowerForms(x: string): string[] {
  const inWord = `a${x}a`.toLowerCase().slice(1, -1);
  const atEnd = `a${x}`.toLowerCase().slice(1);
  return inWord === atEnd ? [inWord] : [inWord, atEnd];
}

let preimages: Map<string, Array<[string, string]>> | undefined;

/** Each character c, with every other character x (and its lower case) whose lower case holds c: K for k, İ for i… */
export function lowerPreimages(): Map<string, Array<[string, string]>> {
  if (preimages !== undefined) return preimages;
  preimages = new Map();
  for (let code = 0; code <= CASED_END; code += 1) {
    if (code >= 0xd800 && code <= 0xdfff) continue;
    const x = String.fromCodePoint(code);
    if (x.toLowerCase() === x) continue; // caseless, or lower case already: no context changes that (only Σ's does)
    for (const form of lowerForms(x)) {
      for (const c of new Set(form)) {
        let list = preimages.get(c);
        if (list === undefined) preimages.set(c, (list = []));
        list.push([x, form]);
      }
    }
  }
  return preimages;
}

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** A NUL, U+FFFD (what an ill-formed text may be read as) or a lone surrogate: matched by reading the texts only. */
function unindexed(q: string): boolean {
  return q.includes('\u0000') || q.includes('\ufffd') || LONE_SURROGATE.test(q);
}

/**
 * Decides which searches the trigram index answers without missing a case. `q` and the texts are compared in
 * toLowerCase's case; the index holds the texts as FTS5's trigram tokenizer folds them, which is not quite the same:
 * SQLite's Unicode tables are older than Node's (Cherokee, Georgian Mtavruli… are not folded), and some characters
 * lower-case into two. So each character of `q` is checked once per process: wherever a text has a character whose lower
 * case holds it, the index must hold what the search asks for — probed in a scratch FTS5 table of this SQLite, with the
 * index's tokenizer and text. A search with a character that fails, shorter than a trigram, or with text an index may
 * read otherwise (NUL, U+FFFD, a lone surrogate) is answered by reading the texts, as before the index. The index's
 * matches are candidates: the search still checks each against the texts, so what matches never changes.
 */
export class TextSearch {
  readonly #db: Database.Database;
  readonly #safe = new Map<string, boolean>();
  #probe: { add: Database.Statement; holds: Database.Statement } | undefined;

  constructor(db: Database.Database) {
    this.#db = db;
  }

  /** The FTS5 query for the lower-cased `q` (every trigram of it), or undefined when the index cannot answer it. */
  query(q: string): string | undefined {
    const chars = [...q];
    if (chars.length < 3 || unindexed(q) || !chars.every((c) => this.#indexed(c))) return undefined;
    const trigrams = new Set<string>();
    for (let i = 0; i + 3 <= chars.length; i += 1) trigrams.add(chars.slice(i, i + 3).join(''));
    return [...trigrams].map((t) => `"${t.replace(/"/g, '""')}"`).join(' AND ');
  }

  /** True when every text holding c (in toLowerCase's case) is found by the index under c. */
  #indexed(c: string): boolean {
    let safe = this.#safe.get(c);
    if (safe === undefined) {
      const sources = lowerPreimages().get(c) ?? [];
      safe = sources.length === 0 || this.#probeAll(sources);
      this.#safe.set(c, safe);
    }
    return safe;
  }

  /** True when, for each x, the index's text of `ab x cd` holds `b form c` (`form`: x lower-cased), trigram by trigram. */
  #probeAll(sources: ReadonlyArray<[string, string]>): boolean {
    if (this.#probe === undefined) {
      // A temporary table of this connection: the store's file is not touched. Positions kept, to probe phrases.
      this.#db.exec(`CREATE VIRTUAL TABLE IF NOT EXISTS temp.eleanor_fold_probe USING fts5(
        t, content = '', tokenize = '${SEARCH_TOKENIZER}')`);
      this.#probe = {
        add: this.#db.prepare(
          `INSERT INTO temp.eleanor_fold_probe (rowid, t) VALUES (?, 'ab' || ${searchText('lower(?)')} || 'cd')`,
        ),
        holds: this.#db.prepare('SELECT 1 FROM temp.eleanor_fold_probe WHERE eleanor_fold_probe MATCH ? AND rowid = ?'),
      };
    }
    const { add, holds } = this.#probe;
    return this.#db.transaction(() => {
      const ok = sources.every(([x, form], i) => {
        add.run(i + 1, x);
        return holds.get(`"b${form.replace(/"/g, '""')}c"`, i + 1) !== undefined;
      });
      this.#db.exec("INSERT INTO temp.eleanor_fold_probe (eleanor_fold_probe) VALUES ('delete-all')");
      return ok;
    })();
  }
}
