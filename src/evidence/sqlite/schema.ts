// SQLite migrations (PRAGMA user_version): the append-only evidence table, its indexes and the triggers enforcing it.
import { GENESIS_HASH } from '../canonical.js';

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
];
