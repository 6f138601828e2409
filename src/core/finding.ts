// Checks a finding against the base Finding shape (hand-written: it runs once per critic on the hot path).
import type { ZodType } from 'zod';
import type { Finding } from './types.js';

function inRange(v: unknown, max: number): boolean {
  return typeof v === 'number' && v >= 0 && v <= max; // NaN fails both comparisons
}

function checkViolation(v: unknown, at: string, problems: string[]): void {
  if (typeof v !== 'object' || v === null) {
    problems.push(`${at}: expected an object`);
    return;
  }
  const o = v as Record<string, unknown>;
  if (typeof o['rule'] !== 'string') problems.push(`${at}.rule: expected a string`);
  if (typeof o['message'] !== 'string') problems.push(`${at}.message: expected a string`);
  if (!inRange(o['severity'], 3)) problems.push(`${at}.severity: expected a number in 0..3`);
  if (o['clause'] !== undefined && typeof o['clause'] !== 'string') problems.push(`${at}.clause: expected a string`);
  const span = o['span'] as Record<string, unknown> | undefined;
  if (span !== undefined) {
    if (
      typeof span !== 'object' ||
      span === null ||
      typeof span['start'] !== 'number' ||
      typeof span['end'] !== 'number' ||
      typeof span['text'] !== 'string'
    ) {
      problems.push(`${at}.span: expected { start: number, end: number, text: string }`);
    }
  }
}

function checkEscalation(e: unknown, problems: string[]): void {
  const o = e as Record<string, unknown> | null;
  if (
    typeof o !== 'object' ||
    o === null ||
    (o['tier'] !== 2 && o['tier'] !== 3) ||
    typeof o['clause'] !== 'string' ||
    typeof o['rationale'] !== 'string'
  ) {
    problems.push('escalation: expected { tier: 2 | 3, clause: string, rationale: string }');
  }
}

/** Problems with a value as a Finding, or undefined when it is one. */
export function checkFinding(value: unknown): string[] | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return [
      `finding: expected an object, got ${value === null ? 'null' : Array.isArray(value) ? 'an array' : typeof value}`,
    ];
  }
  const f = value as Record<string, unknown>;
  const problems: string[] = [];
  if (!inRange(f['score'], 1)) problems.push('score: expected a number in 0..1');
  if (!inRange(f['severity'], 3)) problems.push('severity: expected a number in 0..3');
  const violations = f['violations'];
  if (!Array.isArray(violations)) problems.push('violations: expected an array');
  else for (let i = 0; i < violations.length; i++) checkViolation(violations[i], `violations[${i}]`, problems);
  if (f['uncertainty'] !== undefined && !inRange(f['uncertainty'], 1))
    problems.push('uncertainty: expected a number in 0..1');
  if (f['escalation'] !== undefined) checkEscalation(f['escalation'], problems);
  if (f['justification'] !== undefined && typeof f['justification'] !== 'string')
    problems.push('justification: expected a string');
  return problems.length === 0 ? undefined : problems;
}

/** Base shape first, then the critic's own schema. */
export function validateFinding(value: unknown, schema: ZodType | undefined): string[] | undefined {
  const problems = checkFinding(value);
  if (problems || !schema) return problems;
  const parsed = schema.safeParse(value);
  if (parsed.success) return undefined;
  return parsed.error.issues.map((i) => `${i.path.length > 0 ? i.path.join('.') : 'finding'}: ${i.message}`);
}

/** The finding of a failed critic without a fallback: unknown, never "safe". */
export function failureFinding(message: string): Finding {
  return { score: 0, severity: 0, violations: [], failed: true, justification: message };
}

/** The finding of a critic that did not run (gated, skipped). */
export function notRunFinding(reason: string): Finding {
  return { score: 0, severity: 0, violations: [], justification: reason };
}

export function isFinding(value: unknown): value is Finding {
  return checkFinding(value) === undefined;
}
