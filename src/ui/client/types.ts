// The parts of the API's answers the page reads (the whole shapes are in src/http/schemas.ts and /openapi.json).
export type Decision = 'allow' | 'constrained_allow' | 'escalate' | 'deny';
export type RequiredAction = 'none' | 'HUMAN_ACK' | 'HUMAN_DETERMINATION';
export type ReviewAction = Exclude<RequiredAction, 'none'>;
export type ReviewStatus = 'pending' | 'approved' | 'rejected';

export interface ErrorBody {
  code: string;
  message: string;
  path: string;
}

export interface Whoami {
  id: string;
  roles: string[];
  chain: string | null;
  insecureLocal: boolean;
}

export interface ReviewRecord {
  action: ReviewAction;
  actor: string;
  outcome: 'approve' | 'reject';
  decidedAt: string;
  seq?: number;
}

export interface ReviewCase {
  traceId: string;
  chain: string;
  seq: number;
  createdAt: string;
  decision: Decision;
  tier: 2 | 3;
  requiredAction: ReviewAction;
  reasons: string[];
  critics: string[];
  status: ReviewStatus;
}

export interface Span {
  start: number;
  end: number;
  text: string;
}

export interface Violation {
  rule: string;
  message: string;
  severity: number;
  clause?: string;
  span?: Span;
  /** Which text the span is in (built-in critics set it; 'response' when absent). */
  source?: 'response' | 'input';
}

export interface CriticOutcome {
  critic: string;
  status: string;
  finding: { severity: number; violations: Violation[]; justification?: string };
  durationMs: number;
  attempts: number;
  fromCache: boolean;
  degraded: boolean;
  error?: { code: string; message: string };
  gatingReason?: string;
}

/** A recorded text: itself, or its digest under `redact: 'hash'`. */
export type RecordedText = string | { sha256: string; length: number };

export interface EvidenceRef {
  chain: string;
  seq: number;
  hash: string;
}

export interface EvaluationRecord {
  traceId: string;
  createdAt: string;
  evaluation: {
    durationMs: number;
    redaction: 'none' | 'hash' | 'mask';
    input: { inputText: RecordedText; modelResponse: RecordedText };
    decision: Decision;
    gate: { tier: 0 | 2 | 3; requiredAction: RequiredAction; reasons: string[] };
    reasons: string[];
    violations: (Violation & { critic: string })[];
    degraded: string[];
    critics: Record<string, CriticOutcome>;
  };
  evidence: EvidenceRef & { prevHash: string };
  reviewStatus: ReviewStatus | 'none';
  review: (ReviewRecord & { evidence: EvidenceRef }) | null;
}

export interface VerifyReport {
  ok: boolean;
  chains: {
    chain: string;
    records: number;
    head: { seq: number; hash: string } | null;
    firstBroken: { seq: number; reason: string } | null;
  }[];
}

export interface CriticInfo {
  name: string;
}

export interface LiveEvaluation {
  traceId: string;
  at: string;
  decision: Decision;
  tier: 0 | 2 | 3;
  requiredAction: RequiredAction;
  durationMs: number;
  critics: { critic: string; status: string; durationMs: number; degraded: boolean; violations: number }[];
}

export interface LatencyPoint {
  at: string;
  count: number;
  p50: number;
  p99: number;
}

export interface LiveStats {
  enabled: boolean;
  windowMinutes: number;
  bucketSeconds: number;
  from: string;
  to: string;
  evaluations: number;
  decisions: Record<Decision, number>;
  critics: {
    critic: string;
    count: number;
    failed: number;
    p50: number | null;
    p99: number | null;
    series: LatencyPoint[];
  }[];
}
