// Pieces of configuration schema the infrastructure's sections share: durations, counts, findings.
import { z } from 'zod';
import { checkFinding } from '../core/index.js';
import { MAX_TIMER_MS } from '../core/index.js';
import type { Finding } from '../core/index.js';

export const ms = z.number().positive().max(MAX_TIMER_MS);
export const count = z.number().int().min(1);

export const finding = z.custom<Finding>().superRefine((value, ctx) => {
  const problems = checkFinding(value);
  if (problems) ctx.addIssue({ code: 'custom', message: `expected a finding — ${problems.join('; ')}` });
});
