// The distributed layer's surface for the layers above it: the package's `eleanor/distributed` (public.ts), and what
// the layers above share with it that is not public.
export * from './public.js';
export { checkRemoteCritics, transportConfigSchema } from './config.js';
