// SQLite migrations (PRAGMA user_version): the append-only evidence table, its indexes and the triggers enforcing it.
import { GENESIS_HASH } from '../canonical.js';

/**
 * The review-queue row of an evaluation record `e` (its columns chain … critics): the tier and decision from the
 * record's gate, and its critics as one `|a|b|` list (sorted, each once) that a filter finds with instr(). Part of
 * migration 3, as released: change it and migration 3 changes.
 */
function queueColumns(e: string): string {
  const tier = `json_extract(${e}.record, '$.payload.gate.tier')`;
  return `${e}.chain, ${e}.seq, ${e}.trace_id, ${e}.created_at,
    CASE WHEN ${tier} IN (2, 3) THEN ${tier} WHEN ${e}.required_action = 'HUMAN_DETERMINATION' THEN 3 ELSE 2 END,
    COALESCE(json_extract(${e}.record, '$.payload.decision'), ''),
    COALESCE((SELECT '|' || group_concat(c, '|') || '|' FROM (
      SELECT DISTINCT json_extract(v.value, '$.critic') AS c FROM json_each(${e}.record, '$.payload.violations') AS v
      WHERE v.type = 'object' AND json_type(v.value, '$.critic') = 'text' ORDER BY c)), '|')`;
}

/**
 * The recorded input and response, one line apart and lower-cased (ASCII letters: SQLite's lower()), for the text
 * search; NULL when neither is kept (hashed). Part of migration 3, as released.
 */
function queueTexts(e: string): string {
  const text = (field: string): string =>
    `CASE json_type(${e}.record, '$.payload.input.${field}') WHEN 'text' THEN json_extract(${e}.record, '$.payload.input.${field}') END`;
  return `CASE WHEN (${text('inputText')}) IS NULL AND (${text('modelResponse')}) IS NULL THEN NULL
    ELSE lower(COALESCE(${text('inputText')}, '') || char(10) || COALESCE(${text('modelResponse')}, '')) END`;
}

/**
 * The review_critics rows of evaluation records `e` (the table or table list in `from`, filtered by `where`): one per
 * critic that raised a violation in it. Part of migration 3, as released.
 */
function criticRows(e: string, from: string, where: string): string {
  return `SELECT DISTINCT json_extract(v.value, '$.critic'), ${e}.created_at, ${e}.chain, ${e}.seq
    FROM ${from}json_each(${e}.record, '$.payload.violations') AS v
    WHERE ${where}v.type = 'object' AND json_type(v.value, '$.critic') = 'text'`;
}

/** One more case of queue row `q`'s kind in the counts. Part of migration 3, as released. */
function countUp(q: string): string {
  return `INSERT INTO evidence_review_counts (status, chain, tier, decision, critics, n)
    VALUES (${q}.status, ${q}.chain, ${q}.tier, ${q}.decision, ${q}.critics, 1)
    ON CONFLICT (status, chain, tier, decision, critics) DO UPDATE SET n = n + 1;`;
}

/** The tokenizer of the queue's text index. Part of migration 4, as released: text-search.ts probes the same. */
export const SEARCH_TOKENIZER = 'trigram';

/**
 * The text the trigram index holds for queue texts `t` (lower-cased by lower()): as recorded but for İ (U+0130), which
 * toLowerCase — the case `q` and the texts are compared in — turns into i and a combining dot (U+0307) and FTS5 does
 * not fold; spelled that way, a search holding the i or the dot finds it. Part of migration 4, as released.
 */
export function searchText(t: string): string {
  return `replace(${t}, char(304), char(105, 775))`;
}

/** Migration n brings the schema from user_version n to n + 1. Never edit a released migration; add one. */
export const SQLITE_MIGRATIONS: readonly string[] = [
  `
  CREATE TABLE evidence (
    chain           TEXT    NOT NULL,
    seq             INTEGER NOT NULL,
    kind            TEXT    NOT NULL CHECK (kind IN ('evaluation', 'review')),
    trace_id        TEXT    NOT NULL,
    created_at      TEXT    NOT NULL,
    required_action TEXT,
    review_outcome  TEXT,
    record          TEXT    NOT NULL,
    prev_hash       TEXT    NOT NULL,
    hash            TEXT    NOT NULL,
    UNIQUE (chain, seq)
  );
  CREATE UNIQUE INDEX evidence_evaluation_trace ON evidence (trace_id) WHERE kind = 'evaluation';
  CREATE UNIQUE INDEX evidence_review_trace ON evidence (trace_id) WHERE kind = 'review';
  CREATE INDEX evidence_gated ON evidence (created_at) WHERE kind = 'evaluation' AND required_action <> 'none';

  -- Append-only: no record is ever changed or removed, whoever connects.
  CREATE TRIGGER evidence_no_update BEFORE UPDATE ON evidence
  BEGIN SELECT RAISE(ABORT, 'evidence is append-only: UPDATE is not allowed'); END;
  CREATE TRIGGER evidence_no_delete BEFORE DELETE ON evidence
  BEGIN SELECT RAISE(ABORT, 'evidence is append-only: DELETE is not allowed'); END;

  -- A record must extend its chain: the next seq, and the previous record's hash as prev_hash.
  CREATE TRIGGER evidence_extends_chain BEFORE INSERT ON evidence
  WHEN NEW.seq <> COALESCE((SELECT MAX(seq) FROM evidence WHERE chain = NEW.chain), 0) + 1
    OR NEW.prev_hash <> COALESCE(
      (SELECT hash FROM evidence WHERE chain = NEW.chain ORDER BY seq DESC LIMIT 1), '${GENESIS_HASH}')
  BEGIN SELECT RAISE(ABORT, 'evidence chain: a record must extend its chain (next seq, previous hash)'); END;
  `,
  // Trace ids are scoped per chain; signed checkpoints are kept beside the records (append-only too).
  `
  DROP INDEX evidence_evaluation_trace;
  DROP INDEX evidence_review_trace;
  CREATE UNIQUE INDEX evidence_evaluation_trace ON evidence (trace_id, chain) WHERE kind = 'evaluation';
  CREATE UNIQUE INDEX evidence_review_trace ON evidence (trace_id, chain) WHERE kind = 'review';

  CREATE TABLE evidence_checkpoints (
    id        INTEGER PRIMARY KEY AUTOINCREMENT,
    chain     TEXT    NOT NULL,
    seq       INTEGER NOT NULL,
    head      TEXT    NOT NULL,
    root      TEXT    NOT NULL,
    time      TEXT    NOT NULL,
    key_id    TEXT    NOT NULL,
    signature TEXT    NOT NULL
  );
  CREATE INDEX evidence_checkpoints_chain ON evidence_checkpoints (chain, id);
  CREATE TRIGGER evidence_checkpoints_no_update BEFORE UPDATE ON evidence_checkpoints
  BEGIN SELECT RAISE(ABORT, 'evidence checkpoints are append-only: UPDATE is not allowed'); END;
  CREATE TRIGGER evidence_checkpoints_no_delete BEFORE DELETE ON evidence_checkpoints
  BEGIN SELECT RAISE(ABORT, 'evidence checkpoints are append-only: DELETE is not allowed'); END;
  `,
  // The review queue's index (issue 18): a row per gated evaluation with what its filters read, kept by triggers.
  `
  CREATE TABLE evidence_review_queue (
    chain      TEXT    NOT NULL,
    seq        INTEGER NOT NULL,
    trace_id   TEXT    NOT NULL,
    created_at TEXT    NOT NULL,
    tier       INTEGER NOT NULL,
    decision   TEXT    NOT NULL,
    critics    TEXT    NOT NULL,
    status     TEXT    NOT NULL,
    texts      TEXT,
    PRIMARY KEY (chain, seq)
  );
  CREATE INDEX evidence_review_queue_status
    ON evidence_review_queue (status, created_at, chain, seq, tier, decision, critics);
  CREATE INDEX evidence_review_queue_time
    ON evidence_review_queue (created_at, chain, seq, tier, decision, critics, status);
  CREATE INDEX evidence_review_queue_chain
    ON evidence_review_queue (chain, status, created_at, seq, tier, decision, critics);

  INSERT INTO evidence_review_queue (chain, seq, trace_id, created_at, tier, decision, critics, status, texts)
  SELECT ${queueColumns('e')},
    CASE r.review_outcome WHEN 'approve' THEN 'approved' WHEN 'reject' THEN 'rejected' ELSE 'pending' END, ${queueTexts('e')}
  FROM evidence e LEFT JOIN evidence r ON r.kind = 'review' AND r.trace_id = e.trace_id AND r.chain = e.chain
  WHERE e.kind = 'evaluation' AND e.required_action <> 'none' AND json_valid(e.record);

  -- Each case once per critic that flagged it, in queue order: a critic's cases are read directly, however rare.
  CREATE TABLE evidence_review_critics (
    critic     TEXT    NOT NULL,
    created_at TEXT    NOT NULL,
    chain      TEXT    NOT NULL,
    seq        INTEGER NOT NULL,
    PRIMARY KEY (critic, created_at, chain, seq)
  ) WITHOUT ROWID;
  INSERT INTO evidence_review_critics (critic, created_at, chain, seq)
  ${criticRows('e', 'evidence e, ', "e.kind = 'evaluation' AND e.required_action <> 'none' AND json_valid(e.record) AND ")};

  -- The queue's counts, kept as cases arrive and are decided: counting a filter reads a few rows, not every case.
  CREATE TABLE evidence_review_counts (
    status   TEXT    NOT NULL,
    chain    TEXT    NOT NULL,
    tier     INTEGER NOT NULL,
    decision TEXT    NOT NULL,
    critics  TEXT    NOT NULL,
    n        INTEGER NOT NULL,
    PRIMARY KEY (status, chain, tier, decision, critics)
  ) WITHOUT ROWID;
  INSERT INTO evidence_review_counts (status, chain, tier, decision, critics, n)
  SELECT status, chain, tier, decision, critics, count(*) FROM evidence_review_queue
  GROUP BY status, chain, tier, decision, critics;
  CREATE TRIGGER evidence_review_counts_add AFTER INSERT ON evidence_review_queue
  BEGIN
    ${countUp('NEW')}
  END;
  CREATE TRIGGER evidence_review_counts_move AFTER UPDATE OF status ON evidence_review_queue
  BEGIN
    UPDATE evidence_review_counts SET n = n - 1 WHERE status = OLD.status AND chain = OLD.chain AND tier = OLD.tier
      AND decision = OLD.decision AND critics = OLD.critics;
    ${countUp('NEW')}
  END;

  CREATE TRIGGER evidence_review_queue_add AFTER INSERT ON evidence
  WHEN NEW.kind = 'evaluation' AND NEW.required_action <> 'none' AND json_valid(NEW.record)
  BEGIN
    INSERT INTO evidence_review_queue (chain, seq, trace_id, created_at, tier, decision, critics, status, texts)
    VALUES (${queueColumns('NEW')}, 'pending', ${queueTexts('NEW')});
    INSERT INTO evidence_review_critics (critic, created_at, chain, seq) ${criticRows('NEW', '', '')};
  END;
  CREATE TRIGGER evidence_review_queue_decided AFTER INSERT ON evidence WHEN NEW.kind = 'review'
  BEGIN
    UPDATE evidence_review_queue SET status = CASE NEW.review_outcome WHEN 'approve' THEN 'approved' ELSE 'rejected' END
    WHERE chain = NEW.chain AND seq = (
      SELECT seq FROM evidence WHERE kind = 'evaluation' AND trace_id = NEW.trace_id AND chain = NEW.chain);
  END;

  -- Derived, but kept as the records are: a case leaves the pending queue only by its review record.
  CREATE TRIGGER evidence_review_queue_no_delete BEFORE DELETE ON evidence_review_queue
  BEGIN SELECT RAISE(ABORT, 'the review queue follows the evidence: DELETE is not allowed'); END;
  CREATE TRIGGER evidence_review_queue_no_update
  BEFORE UPDATE OF chain, seq, trace_id, created_at, tier, decision, critics, texts ON evidence_review_queue
  BEGIN SELECT RAISE(ABORT, 'the review queue follows the evidence: UPDATE is not allowed'); END;
  CREATE TRIGGER evidence_review_queue_decided_once BEFORE UPDATE OF status ON evidence_review_queue
  WHEN OLD.status <> 'pending'
  BEGIN SELECT RAISE(ABORT, 'the review queue follows the evidence: a case is reviewed once'); END;
  `,
  // The queue's texts in a trigram index (issue 18): a text search reads the few cases holding its trigrams, not every
  // case. Contentless and without positions or sizes (the smallest index: its matches are candidates, which the search
  // checks against the texts). Its rowids are those of text_case, which says which case each is: a queue row's own
  // rowid may change with VACUUM.
  `
  CREATE TABLE evidence_review_text_case (
    id    INTEGER PRIMARY KEY,
    chain TEXT    NOT NULL,
    seq   INTEGER NOT NULL
  );
  CREATE VIRTUAL TABLE evidence_review_text USING fts5(
    texts, content = '', columnsize = 0, detail = 'none', tokenize = '${SEARCH_TOKENIZER}'
  );
  INSERT INTO evidence_review_text_case (chain, seq)
  SELECT chain, seq FROM evidence_review_queue WHERE texts IS NOT NULL ORDER BY created_at, chain, seq;
  INSERT INTO evidence_review_text (rowid, texts)
  SELECT k.id, ${searchText('q.texts')}
  FROM evidence_review_text_case k JOIN evidence_review_queue q ON q.chain = k.chain AND q.seq = k.seq;
  CREATE TRIGGER evidence_review_text_add AFTER INSERT ON evidence_review_queue WHEN NEW.texts IS NOT NULL
  BEGIN
    INSERT INTO evidence_review_text_case (chain, seq) VALUES (NEW.chain, NEW.seq);
    INSERT INTO evidence_review_text (rowid, texts) VALUES (last_insert_rowid(), ${searchText('NEW.texts')});
  END;
  `,
];
