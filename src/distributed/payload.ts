// What a critic job carries to a worker and what the worker sends back; both sides check what they receive.
import { z } from 'zod';
import { EleanorError } from '../core/index.js';
import type { CriticInput, CriticOutcome, Finding } from '../core/index.js';

/** The data of one critic job (JSON in Redis). */
export interface CriticJobData {
  readonly input: CriticInput;
  readonly critic: string;
  /** The coordinator's version of the critic; the worker refuses to run another (null: unversioned). */
  readonly version: string | null;
  /** When the coordinator stops waiting, in ms since the epoch (null: no deadline). */
  readonly deadlineAt: number | null;
  /** The core's attempt number (1 for the first try). */
  readonly attempt: number;
  /** Outcomes of the critic's declared dependencies. */
  readonly prior: Readonly<Record<string, CriticOutcome>>;
}

/** Why a worker did not return a finding. */
export type JobFailure = 'error' | 'version_mismatch' | 'expired' | 'aborted';

/** A worker's answer: the job completes with it (a critic's error is an answer too, not a failed job). */
export type CriticJobResult =
  | { readonly ok: true; readonly finding: Finding; readonly worker: string; readonly durationMs: number }
  | {
      readonly ok: false;
      readonly failure: JobFailure;
      readonly error: { readonly name: string; readonly message: string };
      readonly worker: string;
      readonly durationMs: number;
    };

export const criticJobDataSchema = z.object({
  input: z
    .object({
      inputText: z.string(),
      modelResponse: z.string(),
      context: z.record(z.string(), z.unknown()),
      traceId: z.string().min(1),
    })
    .passthrough(),
  critic: z.string().min(1),
  version: z.string().nullable(),
  deadlineAt: z.number().nullable(),
  attempt: z.number().int().min(1),
  prior: z.record(z.string(), z.unknown()),
});

/** The job's data if it is well-formed, else the problems (naming each field). */
export function parseJobData(data: unknown): CriticJobData | string {
  const parsed = criticJobDataSchema.safeParse(data);
  if (parsed.success) return parsed.data as unknown as CriticJobData;
  return parsed.error.issues.map((i) => `${i.path.join('.') || 'data'}: ${i.message}`).join('; ');
}

/** A critic's error as it was on the worker: the message keeps the original class name. */
export class RemoteCriticError extends Error {
  readonly worker: string;

  constructor(remote: { name: string; message: string }, worker: string) {
    super(`${remote.name}: ${remote.message} (on worker ${worker})`);
    this.name = 'RemoteCriticError';
    this.worker = worker;
  }
}

function isResult(value: unknown): value is CriticJobResult {
  const r = value as Partial<Record<string, unknown>> | null;
  if (typeof r !== 'object' || r === null || typeof r['worker'] !== 'string') return false;
  if (r['ok'] === true) return typeof r['finding'] === 'object';
  const error = r['error'] as Partial<Record<string, unknown>> | undefined;
  return r['ok'] === false && typeof error?.['name'] === 'string' && typeof error['message'] === 'string';
}

/**
 * The finding of a worker's answer, or the error its outcome should carry; undefined when the worker gave up for
 * lack of time (expired, aborted): that is no answer, and the coordinator's own deadline makes the critic `lost`.
 */
export function unwrapResult(value: unknown, jobId: string): Finding | undefined {
  if (!isResult(value)) {
    throw new EleanorError('TRANSPORT_UNAVAILABLE', `job '${jobId}': the worker's answer is not a critic result`);
  }
  if (value.ok) return value.finding;
  switch (value.failure) {
    case 'error':
      throw new RemoteCriticError(value.error, value.worker);
    case 'version_mismatch':
      throw new EleanorError('CRITIC_VERSION_MISMATCH', value.error.message);
    case 'expired':
    case 'aborted':
      return undefined;
    default: {
      const never: never = value.failure;
      throw new EleanorError('TRANSPORT_UNAVAILABLE', `job '${jobId}': unknown failure '${String(never)}'`);
    }
  }
}
