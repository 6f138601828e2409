// The core layer's surface for the layers above it: the package's `eleanor/core` (public.ts), and what
// the layers above share with it that is not public.
export * from './public.js';
export { CONFIG_PARSE, checkConfig, describeConfigIssues, forwardIssues } from './config-issues.js';
export { describeError, toError } from './errors.js';
export { importPackage, lazyPackage, requirePackage } from './load-package.js';
export {
  MAX_TIMER_MS,
  functionSchema,
  hooksSchema,
  loggerSchema,
  policySchema,
  retriesSchema,
  timerMsSchema,
} from './spec-schema.js';
export { type RunScope } from './types.js';
