// /openapi.json: the OpenAPI 3.1 document, its schemas generated from the same zod schemas that validate requests.
import { z } from 'zod';
import {
  apiSchemas,
  checkpointsQuerySchema,
  reviewsQuerySchema,
  statsQuerySchema,
  traceQuerySchema,
  verifyQuerySchema,
} from './schemas.js';

interface Operation {
  readonly method: 'get' | 'post';
  readonly path: string;
  readonly summary: string;
  /** Roles that may call it (admin always may), or 'public'. */
  readonly access: readonly string[] | 'public';
  readonly body?: string;
  readonly query?: z.ZodObject;
  readonly ok: {
    readonly status: number;
    readonly schema?: string;
    readonly type?: string;
    readonly description: string;
  };
  readonly errors?: readonly number[];
}

const ERR = [400, 401, 403, 429];

/** Every route of the service (a test checks this list against the routes the server registers). */
export const OPERATIONS: readonly Operation[] = [
  {
    method: 'post',
    path: '/v1/evaluations',
    summary:
      'Evaluate one request; with only `inputText` (and no model configured) the input alone (`mode: input`). With `Accept: text/event-stream`: Server-Sent Events — `outcome` per critic as it completes, then `evaluation` (or `error`); disconnecting cancels the evaluation.',
    access: ['evaluator'],
    body: 'EvaluationRequest',
    ok: {
      status: 200,
      schema: 'Evaluation',
      description: 'The evaluation, committed to the evidence store (strict mode).',
    },
    errors: [...ERR, 409, 413, 415, 502, 503],
  },
  {
    method: 'post',
    path: '/v1/evaluations/batch',
    summary:
      'Evaluate up to http.maxBatch requests; NDJSON lines `{ index, evaluation }` or `{ index, error }` in completion order, then `{ summary }`.',
    access: ['evaluator'],
    body: 'BatchRequest',
    ok: { status: 200, type: 'application/x-ndjson', description: 'One JSON object per line.' },
    errors: [...ERR, 413, 415],
  },
  {
    method: 'get',
    path: '/v1/evaluations/{traceId}',
    summary:
      'An evaluation as recorded in the evidence store, its place in the chain and its review. Trace ids are scoped per chain: `?chain=` names one (a key bound to a chain always uses its own).',
    access: ['evaluator', 'reviewer'],
    query: traceQuerySchema,
    ok: { status: 200, schema: 'EvaluationRecord', description: 'The record.' },
    errors: [400, 401, 403, 404, 429, 503],
  },
  {
    method: 'post',
    path: '/v1/evaluations/{traceId}/execute',
    summary:
      'The execution gate: the recorded response, only if allowed outright or approved by its reviewer, and only if its records verify (409 `EVIDENCE_TAMPERED` otherwise). `?chain=` as for GET.',
    access: ['evaluator'],
    query: traceQuerySchema,
    ok: { status: 200, schema: 'ExecutionGrant', description: 'Granted.' },
    errors: [400, 401, 403, 404, 409, 429, 503],
  },
  {
    method: 'get',
    path: '/v1/reviews',
    summary:
      'The human-review queue: gated evaluations, newest first (or `order=oldest`), a page at a time, filtered on the server by `status`, `tier`, `critic`, `decision`, `chain`, `since` and `q` (text in the recorded input and response, ignoring case; texts recorded hashed never match). Pass `nextCursor` as `cursor` (same filters) for the next page; `counts` cover every matching case. A bad filter or cursor answers 400 naming the field, what was expected and what was given.',
    access: ['reviewer'],
    query: reviewsQuerySchema,
    ok: { status: 200, description: '`{ reviews: ReviewCase[], nextCursor, counts }`', schema: 'ReviewPage' },
    errors: [...ERR, 503],
  },
  {
    method: 'post',
    path: '/v1/reviews/{traceId}/decision',
    summary:
      "Acknowledge or determine a gated evaluation as the signed-in reviewer (the key's id is the recorded actor). `?chain=` as for GET /v1/evaluations/{traceId}.",
    access: ['reviewer'],
    query: traceQuerySchema,
    body: 'ReviewDecisionRequest',
    ok: { status: 200, schema: 'ReviewDecision', description: 'The decision, appended to the chain.' },
    errors: [...ERR, 404, 409],
  },
  {
    method: 'get',
    path: '/v1/evidence/verify',
    summary: 'Walk one chain (or every chain) and report the first broken record; `ok: false` when tampered with.',
    access: ['reviewer'],
    query: verifyQuerySchema,
    ok: { status: 200, schema: 'VerifyReport', description: 'The report.' },
    errors: ERR,
  },
  {
    method: 'get',
    path: '/v1/evidence/checkpoints',
    summary:
      'The signed checkpoints the store keeps (`{ chain, seq, head, root, time, keyId, signature }`), oldest first; pass `next` as `after` for the next page. Another machine keeps them to check this one later.',
    access: ['reviewer'],
    query: checkpointsQuerySchema,
    ok: { status: 200, schema: 'CheckpointPage', description: '`{ checkpoints: Checkpoint[], next: number | null }`' },
    errors: [...ERR, 503],
  },
  {
    method: 'get',
    path: '/v1/critics',
    summary:
      'The configured critics: kind, what each reads (input, response, both), version, rules and failure policy.',
    access: ['evaluator', 'reviewer'],
    ok: { status: 200, description: '`{ critics: CriticInfo[] }`', schema: 'CriticList' },
    errors: [401, 403, 429],
  },
  {
    method: 'get',
    path: '/v1/live',
    summary:
      "Server-Sent Events: one `evaluation` event per evaluation as it completes (`LiveEvaluation`: trace id, decision, gate tier, each critic's status and duration). Needs the engine's event bus (infrastructure.events, on under `eleanor serve`); refused to keys bound to a chain.",
    access: ['reviewer'],
    ok: { status: 200, type: 'text/event-stream', description: 'An open stream; comments keep it alive.' },
    errors: [401, 403, 429],
  },
  {
    method: 'post',
    path: '/v1/chat/completions',
    summary:
      "The governing proxy (docs/proxy.md): OpenAI's Chat Completions wire format, forwarded to `proxy.upstream`. The input critics run while the upstream answers and abort it on deny; the answer is governed (as it streams, with `stream: true`). `x-eleanor-trace-id` and `x-eleanor-decision` headers and an `eleanor` object on every answer; a refusal is `finish_reason: content_filter`; errors in OpenAI's shape. 404 without a `proxy` section.",
    access: ['evaluator'],
    ok: {
      status: 200,
      description:
        'A chat completion (or its Server-Sent chunks), or the refusal; 202 `eleanor.held` for an escalation under `onEscalate: hold`.',
    },
    errors: [...ERR, 404, 413, 415, 502, 504],
  },
  {
    method: 'get',
    path: '/v1/stats',
    summary:
      "Counts by decision and each critic's p50/p99 latency over a rolling window (`windowMinutes`, default 5, at most 60), with one point per 10 s; refused to keys bound to a chain.",
    access: ['reviewer'],
    query: statsQuerySchema,
    ok: { status: 200, schema: 'LiveStats', description: 'The window.' },
    errors: ERR,
  },
  {
    method: 'get',
    path: '/v1/whoami',
    summary: "The calling key: its id (the actor of its reviews), roles and chain; the dashboard's sign-in check.",
    access: ['evaluator', 'reviewer'],
    ok: { status: 200, schema: 'Whoami', description: 'The key.' },
    errors: [401, 403, 429],
  },
  {
    method: 'get',
    path: '/healthz',
    summary: 'Alive.',
    access: 'public',
    ok: { status: 200, description: '`{ status: "ok" }`' },
  },
  {
    method: 'get',
    path: '/readyz',
    summary:
      'Ready: the evidence store answers and the server is not shutting down; Redis, NATS and breaker states reported.',
    access: 'public',
    ok: { status: 200, description: 'Ready (503 with the same body when not).' },
  },
  {
    method: 'get',
    path: '/metrics',
    summary: 'Prometheus metrics.',
    access: 'public',
    ok: { status: 200, type: 'text/plain', description: 'Exposition format.' },
  },
  {
    method: 'get',
    path: '/openapi.json',
    summary: 'This document.',
    access: 'public',
    ok: { status: 200, description: 'OpenAPI 3.1.' },
  },
];

const STATUS_TEXT: Readonly<Record<number, string>> = {
  400: 'Invalid input: `{ code, message, path }` names the field',
  401: 'No valid API key',
  403: 'The key lacks the role (or the chain)',
  404: 'Not on record',
  409: 'Conflicts with the record (trace id taken, already reviewed, execution refused)',
  413: 'Body larger than http.bodyLimitBytes',
  415: 'Not application/json',
  429: 'Rate limited; see Retry-After',
  502: 'The model could not generate a response',
  503: 'Shutting down, or the evidence store is unavailable',
};

function components(): Record<string, unknown> {
  const { schemas } = z.toJSONSchema(apiSchemas, {
    uri: (id) => `#/components/schemas/${id}`,
    target: 'draft-2020-12',
    unrepresentable: 'any',
  });
  const cleaned = Object.fromEntries(
    Object.entries(schemas).map(([id, schema]) => {
      const { $schema: _schema, $id: _id, ...rest } = schema as Record<string, unknown>;
      return [id, rest];
    }),
  );
  const ref = (id: string) => ({ $ref: `#/components/schemas/${id}` });
  cleaned['CriticList'] = {
    type: 'object',
    properties: { critics: { type: 'array', items: ref('CriticInfo') } },
    required: ['critics'],
  };
  return cleaned;
}

function parameters(op: Operation): unknown[] {
  const params: unknown[] = [];
  if (op.path.includes('{traceId}')) {
    params.push({
      name: 'traceId',
      in: 'path',
      required: true,
      schema: { type: 'string', pattern: '^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$' },
    });
  }
  if (op.query) {
    const schema = z.toJSONSchema(op.query, { target: 'draft-2020-12', io: 'input' }) as {
      properties?: Record<string, unknown>;
    };
    for (const [name, s] of Object.entries(schema.properties ?? {}))
      params.push({ name, in: 'query', required: false, schema: s });
  }
  return params;
}

function operation(op: Operation): Record<string, unknown> {
  const content = op.ok.schema
    ? { [op.ok.type ?? 'application/json']: { schema: { $ref: `#/components/schemas/${op.ok.schema}` } } }
    : op.ok.type
      ? { [op.ok.type]: {} }
      : undefined;
  const responses: Record<string, unknown> = {
    [op.ok.status]: { description: op.ok.description, ...(content && { content }) },
  };
  for (const status of op.errors ?? []) {
    responses[status] = {
      description: STATUS_TEXT[status] ?? 'Error',
      content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
    };
  }
  return {
    summary: op.summary,
    ...(op.access === 'public' ? { security: [] } : { 'x-roles': [...op.access, 'admin'] }),
    parameters: parameters(op),
    ...(op.body && {
      requestBody: {
        required: true,
        content: { 'application/json': { schema: { $ref: `#/components/schemas/${op.body}` } } },
      },
    }),
    responses,
  };
}

/** The OpenAPI document of the service. */
export function openApiDocument(version: string): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const op of OPERATIONS) (paths[op.path] ??= {})[op.method] = operation(op);
  return {
    openapi: '3.1.0',
    info: {
      title: 'Eleanor',
      version,
      description:
        'Run-time governance of AI output: critics in parallel under a deadline, a decision, a gate, and a tamper-evident record. Errors answer `{ code, message, path }`.',
    },
    components: {
      schemas: components(),
      securitySchemes: {
        apiKey: { type: 'http', scheme: 'bearer', description: 'An API key (`eleanor keys create`).' },
      },
    },
    security: [{ apiKey: [] }],
    paths,
  };
}
