// The http layer's surface for the layers above it: the package's `eleanor/http` (public.ts), and what
// the layers above share with it that is not public.
export * from './public.js';
export { keyringOf } from './keyring-setup.js';
