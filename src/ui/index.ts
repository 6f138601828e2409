// The ui layer's surface for the layers above it.
export { dashboard } from './dashboard.js';
