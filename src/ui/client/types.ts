// The API's answers as the page reads them: derived (types only) from the zod schemas that validate and document them.
import type { z } from 'zod';
import type {
  criticInfoSchema,
  criticOutcomeSchema,
  errorSchema,
  evaluationRecordSchema,
  liveEvaluationSchema,
  liveStatsSchema,
  reviewCaseSchema,
  reviewPageSchema,
  verifyReportSchema,
  whoamiSchema,
} from '../../http/schemas.js';

export type ErrorBody = z.output<typeof errorSchema>;
export type Whoami = z.output<typeof whoamiSchema>;
export type ReviewCase = z.output<typeof reviewCaseSchema>;
export type ReviewPage = z.output<typeof reviewPageSchema>;
export type EvaluationRecord = z.output<typeof evaluationRecordSchema>;
export type VerifyReport = z.output<typeof verifyReportSchema>;
export type CriticInfo = z.output<typeof criticInfoSchema>;
export type LiveEvaluation = z.output<typeof liveEvaluationSchema>;
export type LiveStats = z.output<typeof liveStatsSchema>;
export type CriticOutcome = z.output<typeof criticOutcomeSchema>;

export type Decision = ReviewCase['decision'];
export type RequiredAction = EvaluationRecord['evaluation']['gate']['requiredAction'];
export type ReviewAction = ReviewCase['requiredAction'];
export type ReviewStatus = ReviewCase['status'];
export type ReviewRecord = NonNullable<EvaluationRecord['review']>;
export type Violation = EvaluationRecord['evaluation']['violations'][number];
export type Span = NonNullable<Violation['span']>;
export type RecordedText = EvaluationRecord['evaluation']['input']['inputText'];
export type EvidenceRef = ReviewRecord['evidence'];
export type LatencyPoint = LiveStats['critics'][number]['series'][number];
