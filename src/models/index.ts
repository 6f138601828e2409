// The models layer's surface for the layers above it: the package's `eleanor/models` (public.ts), and what
// the layers above share with it that is not public.
export * from './public.js';
export { createChatEndpoint, type ChatEndpoint, type ChatReply } from './chat-endpoint.js';
export { formatIssues, parseConfig } from './parse-config.js';
