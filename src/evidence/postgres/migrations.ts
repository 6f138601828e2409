// PostgreSQL migrations (recorded in eleanor_migrations): the append-only evidence table, its indexes and triggers.
import { GENESIS_HASH } from '../canonical.js';

/**
 * Migration n brings `schema` (a checked identifier) from version n to n + 1. Never edit a released migration; add one.
 * Names are schema-qualified, the trigger functions' included, so no statement depends on the session's search_path.
 */
export function pgMigrations(schema: string): readonly string[] {
  const s = `"${schema}"`;
  return [
    `
    CREATE TABLE ${s}.evidence (
      chain           text COLLATE "C" NOT NULL,
      seq             bigint      NOT NULL,
      kind            text        NOT NULL CHECK (kind IN ('evaluation', 'review')),
      trace_id        text        NOT NULL,
      created_at      timestamptz NOT NULL,
      required_action text,
      review_outcome  text,
      record          text        NOT NULL,
      prev_hash       text        NOT NULL,
      hash            text        NOT NULL,
      CONSTRAINT evidence_chain_seq UNIQUE (chain, seq)
    );
    CREATE UNIQUE INDEX evidence_evaluation_trace ON ${s}.evidence (trace_id) WHERE kind = 'evaluation';
    CREATE UNIQUE INDEX evidence_review_trace ON ${s}.evidence (trace_id) WHERE kind = 'review';
    CREATE INDEX evidence_gated ON ${s}.evidence (created_at) WHERE kind = 'evaluation' AND required_action <> 'none';

    -- Append-only: no record is ever changed or removed, whoever connects.
    CREATE FUNCTION ${s}.evidence_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      RAISE EXCEPTION 'evidence is append-only: % is not allowed', TG_OP;
    END $$;
    CREATE TRIGGER evidence_no_update BEFORE UPDATE ON ${s}.evidence
      FOR EACH ROW EXECUTE FUNCTION ${s}.evidence_append_only();
    CREATE TRIGGER evidence_no_delete BEFORE DELETE ON ${s}.evidence
      FOR EACH ROW EXECUTE FUNCTION ${s}.evidence_append_only();
    CREATE TRIGGER evidence_no_truncate BEFORE TRUNCATE ON ${s}.evidence
      FOR EACH STATEMENT EXECUTE FUNCTION ${s}.evidence_append_only();

    -- A record must extend its chain: the next seq, and the previous record's hash as prev_hash.
    CREATE FUNCTION ${s}.evidence_extends_chain() RETURNS trigger LANGUAGE plpgsql AS $$
    DECLARE
      head_seq bigint;
      head_hash text;
    BEGIN
      SELECT seq, hash INTO head_seq, head_hash FROM ${s}.evidence WHERE chain = NEW.chain ORDER BY seq DESC LIMIT 1;
      IF NEW.seq IS DISTINCT FROM COALESCE(head_seq, 0) + 1
        OR NEW.prev_hash IS DISTINCT FROM COALESCE(head_hash, '${GENESIS_HASH}') THEN
        RAISE EXCEPTION 'evidence chain: a record must extend its chain (next seq, previous hash)';
      END IF;
      RETURN NEW;
    END $$;
    CREATE TRIGGER evidence_extends_chain BEFORE INSERT ON ${s}.evidence
      FOR EACH ROW EXECUTE FUNCTION ${s}.evidence_extends_chain();
    `,
    // Trace ids are scoped per chain; signed checkpoints are kept beside the records (append-only too).
    `
    DROP INDEX ${s}.evidence_evaluation_trace;
    DROP INDEX ${s}.evidence_review_trace;
    CREATE UNIQUE INDEX evidence_evaluation_trace ON ${s}.evidence (trace_id, chain) WHERE kind = 'evaluation';
    CREATE UNIQUE INDEX evidence_review_trace ON ${s}.evidence (trace_id, chain) WHERE kind = 'review';

    CREATE TABLE ${s}.evidence_checkpoints (
      id        bigserial PRIMARY KEY,
      chain     text COLLATE "C" NOT NULL,
      seq       bigint NOT NULL,
      head      text   NOT NULL,
      root      text   NOT NULL,
      time      text   NOT NULL,
      key_id    text   NOT NULL,
      signature text   NOT NULL
    );
    CREATE INDEX evidence_checkpoints_chain ON ${s}.evidence_checkpoints (chain, id);
    CREATE TRIGGER evidence_checkpoints_no_update BEFORE UPDATE ON ${s}.evidence_checkpoints
      FOR EACH ROW EXECUTE FUNCTION ${s}.evidence_append_only();
    CREATE TRIGGER evidence_checkpoints_no_delete BEFORE DELETE ON ${s}.evidence_checkpoints
      FOR EACH ROW EXECUTE FUNCTION ${s}.evidence_append_only();
    CREATE TRIGGER evidence_checkpoints_no_truncate BEFORE TRUNCATE ON ${s}.evidence_checkpoints
      FOR EACH STATEMENT EXECUTE FUNCTION ${s}.evidence_append_only();
    `,
  ];
}
