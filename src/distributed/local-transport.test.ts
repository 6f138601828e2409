import { createLocalTransport } from './transport.js';
import { transportConformance } from './transport.conformance.js';

transportConformance('createLocalTransport', {
  open: () => Promise.resolve({ transport: createLocalTransport(), close: () => Promise.resolve() }),
});
