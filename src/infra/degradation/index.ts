// Public surface of the degradation hooks.
export { createDegradationHooks, type DegradationOptions } from './degradation-hooks.js';
