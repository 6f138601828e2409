// The HTTP API's shapes as zod schemas: they validate requests and generate /openapi.json (one source for both).
// Over 400 lines: every request and answer of the API in one registry, which /openapi.json and the dashboard's types
// both read; split by route, the shapes the routes share would be imported back and forth.
import { z } from 'zod';
// The dashboard's browser code is typechecked against this file (it has no Node types), so it reads the few
// browser-safe files it needs directly rather than whole layers (the layering test lists it as the exception).
import { CRITIC_STATUSES } from '../core/types.js';
import { MAX_TIMER_MS } from '../core/spec-schema.js';
import { contextSchema } from './context-schema.js';
import {
  CHAIN_NAME,
  CRITIC_NAME,
  REVIEW_LIMIT_MAX,
  REVIEW_SEARCH_MAX,
  isCursor,
  isIsoTime,
  isSearch,
} from '../evidence/review-query.js';

/** Every named schema, by id: /openapi.json's components. */
export const apiSchemas = z.registry<{ id: string }>();

const traceId = z
  .string()
  .regex(
    /^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$/,
    'expected 1–128 letters, digits or . _ : -, starting with a letter or digit',
  );
const chain = z.string().regex(/^[A-Za-z0-9._:-]{1,128}$/, 'expected 1–128 letters, digits or . _ : -');

export const evaluationRequestSchema = z
  .object({
    inputText: z.string().describe('What the user asked.'),
    modelResponse: z
      .string()
      .optional()
      .describe(
        "The model's answer; when absent, the configured model generates it. `''`, or none and no model configured: an input-only evaluation (mode `input`).",
      ),
    context: contextSchema.optional(),
    traceId: traceId
      .optional()
      .describe('Generated (a UUID) when absent; a trace id already on record is refused (409).'),
    deadlineMs: z
      .number()
      .int()
      .positive()
      .max(MAX_TIMER_MS)
      .optional()
      .describe("Deadline of the evaluation; default the engine's."),
    chain: chain.optional().describe("The evidence chain (tenant); default the configuration's, or the API key's."),
  })
  .strict()
  .register(apiSchemas, { id: 'EvaluationRequest' });

export const batchRequestSchema = z
  .object({
    requests: z.array(evaluationRequestSchema).min(1).describe('At most http.maxBatch requests (default 100).'),
  })
  .strict()
  .register(apiSchemas, { id: 'BatchRequest' });

export const reviewDecisionSchema = z
  .object({
    action: z.enum(['HUMAN_ACK', 'HUMAN_DETERMINATION']).describe("Must be the gate's required action."),
    statement: z.string().describe("The doctrine's canonical statement for the action, word for word."),
    outcome: z.enum(['approve', 'reject']),
  })
  .strict()
  .register(apiSchemas, { id: 'ReviewDecisionRequest' });

export const traceParamsSchema = z.object({ traceId }).strict();

/** A query-string field's message: what was expected, and what was given (as sent). */
const given = (expected: string) => ({
  error: (issue: { input?: unknown }) => `expected ${expected}, got ${JSON.stringify(issue.input) ?? 'nothing'}`,
});

/** A whole number in a query string, checked as sent (z.coerce would report 'abc' as NaN). */
function wholeNumber(min: number, max: number) {
  const expected = given(`a whole number from ${min} to ${max}`);
  return z
    .string(expected)
    .regex(/^\d{1,9}$/, expected)
    .transform(Number)
    .pipe(z.number().min(min, expected).max(max, expected));
}

/** A string query field that `valid` accepts (the store's own check), else `expected`. */
const checked = (valid: (value: string) => boolean, expected: string) =>
  z.string(given(expected)).refine(valid, given(expected));

const DECISION_LIST = "'allow', 'constrained_allow', 'escalate' or 'deny'";

export const reviewsQuerySchema = z
  .object({
    status: z
      .enum(['pending', 'approved', 'rejected'], given("'pending', 'approved' or 'rejected'"))
      .optional()
      .describe('Default: every status.'),
    limit: wholeNumber(1, REVIEW_LIMIT_MAX).optional().describe('Cases per page; default 100, at most 1000.'),
    cursor: checked(isCursor, 'the nextCursor of an earlier page')
      .optional()
      .describe('The `nextCursor` of the previous page (opaque): continues after its last case.'),
    chain: checked((c) => CHAIN_NAME.test(c), '1–128 letters, digits or . _ : -')
      .optional()
      .describe('Only this chain (a key bound to a chain sees its own only).'),
    tier: z
      .enum(['2', '3'], given('2 or 3'))
      .transform((t) => (t === '2' ? 2 : 3))
      .optional()
      .describe('Only cases of this gate tier.'),
    critic: checked((c) => CRITIC_NAME.test(c), "a critic's name (1–128 letters, digits or _ . : -)")
      .optional()
      .describe('Only cases in which this critic raised a violation.'),
    decision: z.enum(['allow', 'constrained_allow', 'escalate', 'deny'], given(DECISION_LIST)).optional(),
    since: checked(isIsoTime, 'an ISO 8601 time such as 2026-11-25T12:00:00Z')
      .optional()
      .describe('Only cases created at or after this time.'),
    q: checked(isSearch, `text to search for, 1–${REVIEW_SEARCH_MAX} characters`)
      .optional()
      .describe(
        "Case-insensitive text searched for in the recorded input and response. Texts recorded under `redact: 'hash'` are not kept and never match; under `'mask'` the masked spans do not.",
      ),
    order: z
      .enum(['newest', 'oldest'], given("'newest' or 'oldest'"))
      .optional()
      .describe('`newest` first (the default) or `oldest` first (the longest waiting).'),
  })
  .strict();

export const verifyQuerySchema = z.object({ chain: chain.optional() }).strict();

/** Which chain's trace (trace ids are scoped per chain; a key bound to a chain always uses its own). */
export const traceQuerySchema = z.object({ chain: chain.optional() }).strict();

export const checkpointsQuerySchema = z
  .object({
    chain: chain.optional(),
    after: z.coerce.number().int().min(0).optional(),
    limit: z.coerce.number().int().min(1).max(1_000).optional(),
  })
  .strict();

const span = z.object({ start: z.number(), end: z.number(), text: z.string() });
const violation = z
  .object({
    rule: z.string(),
    message: z.string(),
    severity: z.number().min(0).max(3),
    clause: z.string().optional(),
    span: span.optional(),
    side: z
      .enum(['input', 'response'])
      .optional()
      .describe("Which text `span` is in (offsets into that side's text); absent in records older than the field."),
  })
  .passthrough();

const finding = z
  .object({
    score: z.number().min(0).max(1),
    severity: z.number().min(0).max(3),
    violations: z.array(violation),
    justification: z.string().optional(),
    principle: z.string().optional(),
    escalation: z
      .object({ tier: z.union([z.literal(2), z.literal(3)]), clause: z.string(), rationale: z.string() })
      .optional(),
    uncertainty: z.number().min(0).max(1).optional(),
  })
  .passthrough();

export const criticOutcomeSchema = z
  .object({
    critic: z.string(),
    status: z.enum(CRITIC_STATUSES as [string, ...string[]]),
    finding,
    durationMs: z.number(),
    attempts: z.number().int(),
    fromCache: z.boolean(),
    degraded: z.boolean(),
    error: z.object({ code: z.string(), message: z.string() }).optional(),
    gatingReason: z.string().optional(),
  })
  .register(apiSchemas, { id: 'CriticOutcome' });

const gate = z.object({
  tier: z.union([z.literal(0), z.literal(2), z.literal(3)]),
  requiredAction: z.enum(['none', 'HUMAN_ACK', 'HUMAN_DETERMINATION']),
  reasons: z.array(z.string()),
});
const evidenceRef = z.object({ chain: z.string(), seq: z.number().int(), hash: z.string() });

export const evaluationSchema = z
  .object({
    traceId: z.string(),
    decision: z.enum(['allow', 'constrained_allow', 'escalate', 'deny']),
    gate,
    critics: z.record(z.string(), criticOutcomeSchema),
    violations: z.array(violation.extend({ critic: z.string() })),
    scores: z.object({ max: z.number(), mean: z.number() }),
    degraded: z.array(z.string()),
    evidence: evidenceRef.nullable(),
    durationMs: z.number(),
    reasons: z.array(z.string()),
    modelResponse: z.string().describe("The response that was governed; '' in an input-only evaluation."),
    mode: z
      .enum(['input', 'conversation'])
      .describe(
        '`input`: the input alone (critics that read only the response are skipped); `conversation`: input and response.',
      ),
    versions: z
      .record(z.string(), z.string())
      .describe(
        "Each critic's version; a built-in's ends in `+model.<hash of its weights>` when it has a learned model.",
      ),
  })
  .register(apiSchemas, { id: 'Evaluation' });

export const errorSchema = z
  .object({
    code: z.string().describe('A stable code: see docs/http.md and docs/errors.md.'),
    message: z.string().describe('Plain words: what was wrong and what was expected.'),
    path: z.string().describe("The field at fault, e.g. 'body.requests.3.inputText'; '' when no field is."),
  })
  .register(apiSchemas, { id: 'Error' });

const reviewRecord = z.object({
  traceId: z.string(),
  action: z.enum(['HUMAN_ACK', 'HUMAN_DETERMINATION']),
  actor: z.string(),
  statement: z.string(),
  outcome: z.enum(['approve', 'reject']),
  decidedAt: z.string(),
  seq: z.number().int().optional(),
});

export const reviewCaseSchema = z
  .object({
    traceId: z.string(),
    chain: z.string(),
    seq: z.number().int(),
    createdAt: z.string(),
    decision: z.enum(['allow', 'constrained_allow', 'escalate', 'deny']),
    tier: z.union([z.literal(2), z.literal(3)]),
    requiredAction: z.enum(['HUMAN_ACK', 'HUMAN_DETERMINATION']),
    reasons: z.array(z.string()),
    critics: z.array(z.string()).describe('The critics whose findings raised violations, sorted.'),
    status: z.enum(['pending', 'approved', 'rejected']),
    review: reviewRecord.nullable(),
    excerpt: z
      .object({
        side: z.enum(['input', 'response']).optional().describe("The text it comes from; default 'response'."),
        text: z.string().describe("A stretch of that side's recorded text around the flagged span."),
        start: z.number().int().describe('Where the flagged span starts inside `text`.'),
        end: z.number().int().describe('Where it ends inside `text` (exclusive).'),
        clippedStart: z.boolean().optional().describe('The recorded text goes on before `text` (an ellipsis).'),
        clippedEnd: z.boolean().optional().describe('The recorded text goes on after `text`.'),
      })
      .optional()
      .describe(
        "About 130 characters around the first flagged span of the response (else of the input); absent when the text is not kept (`redact: 'hash'`) or no span is flagged.",
      ),
    topRule: z
      .object({
        rule: z.string(),
        message: z.string(),
        critic: z.string().optional(),
        severity: z.number().optional(),
      })
      .optional()
      .describe(
        "The case's highest-severity violation (the first of equals, in priority order): its rule id and its message in words.",
      ),
  })
  .register(apiSchemas, { id: 'ReviewCase' });

/** A page of the review queue: `nextCursor` continues it (null on the last); `counts` cover every matching case. */
export const reviewPageSchema = z
  .object({
    reviews: z.array(reviewCaseSchema),
    nextCursor: z
      .string()
      .nullable()
      .describe('Pass as `cursor` (with the same filters) for the next page; null on the last.'),
    counts: z
      .object({
        total: z.number().int(),
        byTier: z.record(z.string(), z.number().int()).describe('Keys "2" and "3", 0 included.'),
        byCritic: z
          .record(z.string(), z.number().int())
          .describe('Per critic that raised a violation (a case flagged by two counts for both); 0s absent.'),
        byDecision: z.record(z.string(), z.number().int()).describe('The four decisions, 0 included.'),
      })
      .describe('Every case matching the filters (the status included) on every page, not this page alone.'),
  })
  .register(apiSchemas, { id: 'ReviewPage' });

export const reviewDecisionResponseSchema = z
  .object({
    traceId: z.string(),
    status: z.enum(['approved', 'rejected']),
    review: reviewRecord,
    evidence: evidenceRef,
  })
  .register(apiSchemas, { id: 'ReviewDecision' });

/** A recorded text: itself, or its SHA-256 and length under `redact: 'hash'`. */
const recordedText = z.union([z.string(), z.object({ sha256: z.string(), length: z.number().int() })]);

export const evaluationRecordSchema = z
  .object({
    traceId: z.string(),
    createdAt: z.string(),
    evaluation: z
      .object({
        traceId: z.string(),
        startedAt: z.string(),
        durationMs: z.number(),
        deadlineMs: z.number(),
        redaction: z.enum(['none', 'hash', 'mask']),
        input: z.object({ inputText: recordedText, modelResponse: recordedText, context: z.unknown() }),
        decision: z.enum(['allow', 'constrained_allow', 'escalate', 'deny']),
        gate,
        reasons: z.array(z.string()),
        violations: z.array(violation.extend({ critic: z.string() })),
        scores: z.object({ max: z.number(), mean: z.number() }),
        degraded: z.array(z.string()),
        critics: z.record(z.string(), criticOutcomeSchema),
        versions: z.record(
          z.string(),
          z.object({ kind: z.string(), version: z.string().optional(), rulesetVersion: z.string().optional() }),
        ),
      })
      .describe('The evaluation as recorded (texts hashed or masked when redaction is on).'),
    evidence: evidenceRef.extend({ prevHash: z.string() }),
    reviewStatus: z.enum(['none', 'pending', 'approved', 'rejected']),
    review: reviewRecord.extend({ evidence: evidenceRef }).nullable(),
  })
  .register(apiSchemas, { id: 'EvaluationRecord' });

const chainBreak = z.object({
  seq: z.number().int(),
  reason: z.string(),
  expectedHash: z.string().optional(),
  actualHash: z.string().optional(),
});
export const verifyReportSchema = z
  .object({
    ok: z.boolean(),
    chains: z.array(
      z.object({
        chain: z.string(),
        records: z.number().int(),
        head: z.object({ seq: z.number().int(), hash: z.string() }).nullable(),
        firstBroken: chainBreak.nullable(),
      }),
    ),
  })
  .register(apiSchemas, { id: 'VerifyReport' });

export const checkpointPageSchema = z
  .object({
    checkpoints: z.array(
      z.object({
        chain: z.string(),
        seq: z.number().int(),
        head: z.string().describe("The chain's head hash at seq."),
        root: z.string().describe('The RFC 6962 Merkle root over records 1..seq.'),
        time: z.string(),
        keyId: z.string(),
        signature: z.string().describe('Ed25519, base64, over the canonical JSON of the other fields.'),
      }),
    ),
    next: z.number().int().nullable().describe('Pass as `after` for the next page; null on the last.'),
  })
  .register(apiSchemas, { id: 'CheckpointPage' });

export const criticInfoSchema = z
  .object({
    name: z.string(),
    kind: z.enum(['builtin', 'custom', 'module', 'judge']),
    version: z.string().optional(),
    principle: z.string().optional(),
    ruleCount: z.number().int().optional(),
    rulesetVersion: z.string().optional(),
    modelVersion: z.string().optional().describe("Hash of a built-in's learned model's weights, when it has one."),
    reads: z
      .enum(['input', 'response', 'both'])
      .describe('What the critic reads; an input-only evaluation skips critics that read only the response.'),
    failurePolicy: z.enum(['escalate', 'deny', 'ignore']),
  })
  .register(apiSchemas, { id: 'CriticInfo' });

export const executionGrantSchema = z
  .object({
    traceId: z.string(),
    decision: z.enum(['allow', 'constrained_allow', 'escalate', 'deny']),
    gate,
    authorizedBy: reviewRecord.nullable(),
    modelResponse: z.union([z.string(), z.object({ sha256: z.string(), length: z.number() }).passthrough()]),
    evidence: evidenceRef,
  })
  .register(apiSchemas, { id: 'ExecutionGrant' });

export const statsQuerySchema = z
  .object({
    windowMinutes: z.coerce.number().int().min(1).max(60).optional().describe('The rolling window; default 5.'),
  })
  .strict();

const decisionCounts = z.object({
  allow: z.number().int(),
  constrained_allow: z.number().int(),
  escalate: z.number().int(),
  deny: z.number().int(),
});

export const liveStatsSchema = z
  .object({
    enabled: z
      .boolean()
      .describe("False when the engine's event bus is off (infrastructure.events): nothing is counted."),
    source: z
      .enum(['store', 'process'])
      .describe(
        "`store`: counts and latencies read from the evidence store (every server writing to it); `process`: this server's own evaluations (no store, or it could not be read).",
      ),
    windowMinutes: z.number().int(),
    bucketSeconds: z.number().describe('Width of one point of each series.'),
    from: z.string(),
    to: z.string(),
    evaluations: z.number().int(),
    decisions: decisionCounts,
    critics: z.array(
      z.object({
        critic: z.string(),
        count: z.number().int().describe('Latency samples (outcomes that ran) in the window.'),
        failed: z.number().int(),
        p50: z.number().nullable(),
        p99: z.number().nullable(),
        series: z.array(z.object({ at: z.string(), count: z.number().int(), p50: z.number(), p99: z.number() })),
      }),
    ),
  })
  .register(apiSchemas, { id: 'LiveStats' });

export const liveEvaluationSchema = z
  .object({
    traceId: z.string(),
    at: z.string(),
    decision: z.enum(['allow', 'constrained_allow', 'escalate', 'deny']),
    tier: z.union([z.literal(0), z.literal(2), z.literal(3)]),
    requiredAction: z.enum(['none', 'HUMAN_ACK', 'HUMAN_DETERMINATION']),
    durationMs: z.number(),
    critics: z.array(
      z.object({
        critic: z.string(),
        status: z.enum(CRITIC_STATUSES as [string, ...string[]]),
        durationMs: z.number(),
        degraded: z.boolean(),
        violations: z.number().int(),
      }),
    ),
  })
  .describe('The data of each `evaluation` event of GET /v1/live.')
  .register(apiSchemas, { id: 'LiveEvaluation' });

export const whoamiSchema = z
  .object({
    id: z.string().describe("The key's id: the actor recorded for its reviews."),
    roles: z.array(z.enum(['evaluator', 'reviewer', 'admin'])),
    chain: z.string().nullable().describe('The chain the key is bound to, or null.'),
    insecureLocal: z.boolean().describe('True when the server runs without auth (--insecure-local).'),
  })
  .register(apiSchemas, { id: 'Whoami' });
