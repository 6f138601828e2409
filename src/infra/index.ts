// The infra layer's surface for the layers above it: the package's `eleanor/infra` (public.ts), and what
// the layers above share with it that is not public.
export * from './public.js';
export { type CriticCacheEntry, type EngineInfra, type InfraHandles, type InfraSetupContext } from './piece.js';
export { INFRA_PIECES } from './pieces.js';
