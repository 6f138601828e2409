// PostgreSQL migrations (recorded in eleanor_migrations): the append-only evidence table, its indexes and triggers.
import { GENESIS_HASH } from '../canonical.js';

/**
 * A record's payload as jsonb. jsonb refuses the escape \u0000 (a NUL character in a recorded text), which JSON
 * allows: it is read as U+FFFD here, so such a record is queued rather than refused. Part of migration 3, as released.
 */
function payloadOf(record: string): string {
  return `(replace(${record}, '\\u0000', '\\ufffd')::jsonb -> 'payload')`;
}

/**
 * The review-queue row of an evaluation record `e` with payload `p` (its columns chain … critics): the tier and
 * decision from the record's gate, and its critics as one `|a|b|` list (sorted, each once) that a filter finds with
 * strpos(). Part of migration 3, as released: change it and migration 3 changes.
 */
function queueColumns(e: string, p: string): string {
  const tier = `${p} #>> '{gate,tier}'`;
  return `${e}.chain, ${e}.seq, ${e}.trace_id, ${e}.created_at,
    CASE WHEN ${tier} IN ('2', '3') THEN (${tier})::smallint
      WHEN ${e}.required_action = 'HUMAN_DETERMINATION' THEN 3 ELSE 2 END,
    COALESCE(${p} ->> 'decision', ''),
    COALESCE('|' || (SELECT string_agg(DISTINCT v ->> 'critic', '|' ORDER BY v ->> 'critic')
      FROM jsonb_array_elements(CASE jsonb_typeof(${p} -> 'violations') WHEN 'array' THEN ${p} -> 'violations'
        ELSE '[]' END) AS v
      WHERE jsonb_typeof(v -> 'critic') = 'string') || '|', '|')`;
}

/**
 * The recorded input and response, one line apart and lower-cased (by the database's locale), for the text search;
 * NULL when neither is kept (hashed). Part of migration 3, as released.
 */
function queueTexts(p: string): string {
  const text = (field: string): string =>
    `CASE jsonb_typeof(${p} #> '{input,${field}}') WHEN 'string' THEN ${p} #>> '{input,${field}}' END`;
  return `CASE WHEN (${text('inputText')}) IS NULL AND (${text('modelResponse')}) IS NULL THEN NULL
    ELSE lower(COALESCE(${text('inputText')}, '') || E'\\n' || COALESCE(${text('modelResponse')}, '')) END`;
}

/** The review_critics rows of queue rows `q`: one per critic in its `|a|b|` list. Part of migration 3, as released. */
function criticRows(q: string): string {
  return `SELECT c, ${q}.created_at, ${q}.chain, ${q}.seq
    FROM unnest(string_to_array(trim(both '|' FROM ${q}.critics), '|')) AS c WHERE c <> ''`;
}

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
    // The review queue's index (issue 18): a row per gated evaluation with what its filters read, kept by a trigger.
    `
    CREATE TABLE ${s}.evidence_review_queue (
      chain      text COLLATE "C" NOT NULL,
      seq        bigint      NOT NULL,
      trace_id   text        NOT NULL,
      created_at timestamptz NOT NULL,
      tier       smallint    NOT NULL,
      decision   text        NOT NULL,
      critics    text        NOT NULL,
      status     text        NOT NULL,
      texts      text,
      PRIMARY KEY (chain, seq)
    );
    CREATE INDEX evidence_review_queue_status
      ON ${s}.evidence_review_queue (status, created_at, chain, seq) INCLUDE (tier, decision, critics);
    CREATE INDEX evidence_review_queue_time
      ON ${s}.evidence_review_queue (created_at, chain, seq) INCLUDE (tier, decision, critics, status);
    CREATE INDEX evidence_review_queue_chain
      ON ${s}.evidence_review_queue (chain, status, created_at, seq) INCLUDE (tier, decision, critics);

    INSERT INTO ${s}.evidence_review_queue (chain, seq, trace_id, created_at, tier, decision, critics, status, texts)
    SELECT ${queueColumns('e', 'p')},
      CASE r.review_outcome WHEN 'approve' THEN 'approved' WHEN 'reject' THEN 'rejected' ELSE 'pending' END,
      ${queueTexts('p')}
    FROM (SELECT *, ${payloadOf('record')} AS p FROM ${s}.evidence
          WHERE kind = 'evaluation' AND required_action <> 'none') AS e
    LEFT JOIN ${s}.evidence r ON r.kind = 'review' AND r.trace_id = e.trace_id AND r.chain = e.chain;

    -- Each case once per critic that flagged it, in queue order: a critic's cases are read directly, however rare.
    CREATE TABLE ${s}.evidence_review_critics (
      critic     text        NOT NULL,
      created_at timestamptz NOT NULL,
      chain      text COLLATE "C" NOT NULL,
      seq        bigint      NOT NULL,
      PRIMARY KEY (critic, created_at, chain, seq)
    );
    INSERT INTO ${s}.evidence_review_critics (critic, created_at, chain, seq)
    SELECT r.* FROM ${s}.evidence_review_queue q CROSS JOIN LATERAL (${criticRows('q')}) AS r;

    -- The queue's counts, kept as cases arrive and are decided: counting a filter reads a few rows, not every case.
    CREATE TABLE ${s}.evidence_review_counts (
      status   text     NOT NULL,
      chain    text COLLATE "C" NOT NULL,
      tier     smallint NOT NULL,
      decision text     NOT NULL,
      critics  text     NOT NULL,
      n        bigint   NOT NULL,
      PRIMARY KEY (status, chain, tier, decision, critics)
    );
    INSERT INTO ${s}.evidence_review_counts (status, chain, tier, decision, critics, n)
    SELECT status, chain, tier, decision, critics, count(*) FROM ${s}.evidence_review_queue
    GROUP BY status, chain, tier, decision, critics;
    CREATE FUNCTION ${s}.evidence_review_index_keep() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF TG_OP = 'INSERT' THEN
        INSERT INTO ${s}.evidence_review_critics (critic, created_at, chain, seq) ${criticRows('NEW')};
      ELSE
        UPDATE ${s}.evidence_review_counts SET n = n - 1 WHERE status = OLD.status AND chain = OLD.chain
          AND tier = OLD.tier AND decision = OLD.decision AND critics = OLD.critics;
      END IF;
      INSERT INTO ${s}.evidence_review_counts (status, chain, tier, decision, critics, n)
        VALUES (NEW.status, NEW.chain, NEW.tier, NEW.decision, NEW.critics, 1)
        ON CONFLICT (status, chain, tier, decision, critics) DO UPDATE SET n = ${s}.evidence_review_counts.n + 1;
      RETURN NULL;
    END $$;
    CREATE TRIGGER evidence_review_index_keep AFTER INSERT OR UPDATE OF status ON ${s}.evidence_review_queue
      FOR EACH ROW EXECUTE FUNCTION ${s}.evidence_review_index_keep();

    CREATE FUNCTION ${s}.evidence_review_queue_keep() RETURNS trigger LANGUAGE plpgsql AS $$
    DECLARE
      p jsonb;
    BEGIN
      IF NEW.kind = 'review' THEN
        UPDATE ${s}.evidence_review_queue
          SET status = CASE NEW.review_outcome WHEN 'approve' THEN 'approved' ELSE 'rejected' END
          WHERE chain = NEW.chain AND seq = (SELECT seq FROM ${s}.evidence
            WHERE kind = 'evaluation' AND trace_id = NEW.trace_id AND chain = NEW.chain);
      ELSIF NEW.required_action IS NOT NULL AND NEW.required_action <> 'none' THEN
        p := ${payloadOf('NEW.record')};
        INSERT INTO ${s}.evidence_review_queue (chain, seq, trace_id, created_at, tier, decision, critics, status, texts)
        SELECT ${queueColumns('NEW', 'p')}, 'pending', ${queueTexts('p')};
      END IF;
      RETURN NULL;
    END $$;
    CREATE TRIGGER evidence_review_queue_keep AFTER INSERT ON ${s}.evidence
      FOR EACH ROW EXECUTE FUNCTION ${s}.evidence_review_queue_keep();

    -- Derived, but kept as the records are: a case leaves the pending queue only by its review record.
    CREATE FUNCTION ${s}.evidence_review_queue_guard() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF TG_OP = 'UPDATE' AND OLD.status = 'pending'
        AND (NEW.chain, NEW.seq, NEW.trace_id, NEW.created_at, NEW.tier, NEW.decision, NEW.critics, NEW.texts)
          IS NOT DISTINCT FROM (OLD.chain, OLD.seq, OLD.trace_id, OLD.created_at, OLD.tier, OLD.decision, OLD.critics,
            OLD.texts) THEN
        RETURN NEW;
      END IF;
      RAISE EXCEPTION 'the review queue follows the evidence: % is not allowed (a case is reviewed once)', TG_OP;
    END $$;
    CREATE TRIGGER evidence_review_queue_no_change BEFORE UPDATE OR DELETE ON ${s}.evidence_review_queue
      FOR EACH ROW EXECUTE FUNCTION ${s}.evidence_review_queue_guard();
    CREATE TRIGGER evidence_review_queue_no_truncate BEFORE TRUNCATE ON ${s}.evidence_review_queue
      FOR EACH STATEMENT EXECUTE FUNCTION ${s}.evidence_append_only();
    `,
  ];
}

/** The trigram index of the queue's texts: its name, schema-qualified. */
export function textIndexName(schema: string): string {
  return `"${schema}".evidence_review_queue_text`;
}

/** The statements that build it, once pg_trgm (of schema `trgm`, a quoted name) is in the database. */
function textIndex(schema: string, trgm: string): string {
  return `CREATE INDEX evidence_review_queue_text ON "${schema}".evidence_review_queue USING gin (texts ${trgm}.gin_trgm_ops)`;
}

/** The queries a migration runs on its connection: pg's client, typed as far as used here. */
export interface MigrationClient {
  query<R extends object = Record<string, unknown>>(text: string, values?: unknown[]): Promise<{ rows: R[] }>;
}

/**
 * Builds the trigram index of the queue's texts (issue 18: `q` reads the few cases holding its trigrams, not every
 * case) when it is missing: at each opening, under the migrations' lock, not as a numbered migration — it needs the
 * pg_trgm extension, which an application's user may not be allowed to create. Then the store opens all the same, `q`
 * reads every candidate's texts as before (the same answers, slower), `warn` says so, and the next opening after a
 * database owner runs `CREATE EXTENSION pg_trgm` builds the index. Returns whether the index is there.
 */
export async function ensureTextIndex(
  client: MigrationClient,
  schema: string,
  warn: (message: string) => void,
): Promise<boolean> {
  const found = await client.query<{ index: string | null }>('SELECT to_regclass($1) AS index', [
    textIndexName(schema),
  ]);
  if (found.rows[0]?.index != null) return true;
  await client.query('SAVEPOINT eleanor_text_index');
  try {
    await client.query('CREATE EXTENSION IF NOT EXISTS pg_trgm');
    const trgm = await client.query<{ schema: string }>(
      "SELECT extnamespace::regnamespace::text AS schema FROM pg_extension WHERE extname = 'pg_trgm'",
    );
    await client.query(textIndex(schema, trgm.rows[0]!.schema));
    await client.query('RELEASE SAVEPOINT eleanor_text_index');
    return true;
  } catch (error) {
    await client.query('ROLLBACK TO SAVEPOINT eleanor_text_index');
    warn(
      `eleanor: no trigram index of the review queue's texts in schema '${schema}' (${error instanceof Error ? error.message : String(error)}): ` +
        'the text search (q) reads every candidate case instead, with the same answers, more slowly. ' +
        'A database owner can run CREATE EXTENSION pg_trgm; the index is built when the store is next opened.',
    );
    return false;
  }
}
