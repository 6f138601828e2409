// Validates adapter and judge options with their zod schema; failures throw EleanorError INVALID_CONFIG naming each field.
import type { z } from 'zod';
import { CONFIG_PARSE, describeConfigIssues } from '../core/index.js';
import { EleanorError } from '../core/index.js';

/** "baseURL: Invalid URL; model: Too small: expected string to have >=1 characters" */
export function formatIssues(issues: readonly z.core.$ZodIssue[]): string {
  return issues.map((issue) => `${issue.path.map(String).join('.') || '(root)'}: ${issue.message}`).join('; ');
}

/** The parsed value, or an EleanorError INVALID_CONFIG whose message starts with `label` and names every bad field. */
export function parseConfig<S extends z.ZodType>(schema: S, value: unknown, label: string): z.output<S> {
  const result = schema.safeParse(value, CONFIG_PARSE);
  if (result.success) return result.data;
  const problems = describeConfigIssues(result.error.issues, value).join('; ');
  throw new EleanorError('INVALID_CONFIG', `${label}: ${problems}`, { cause: result.error });
}
