// The critics layer's surface for the layers above it: the package's `eleanor/critics` (public.ts).
export * from './public.js';
