// follow(): reads GET /v1/live through fetch (so the key goes in a header, never in a URL), reconnecting with backoff.
import { ApiError, type Api } from './api.js';
import { SseParser, type SseEvent } from './sse.js';

export type StreamState =
  { kind: 'connected' } | { kind: 'retrying'; inSeconds: number; why: string } | { kind: 'refused'; error: ApiError };

const sleep = (ms: number, signal: AbortSignal): Promise<void> =>
  new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => (clearTimeout(timer), resolve()), { once: true });
  });

/** Runs until `signal` aborts or the server refuses the key (401/403); every other failure is retried. */
export async function follow(
  api: Api,
  signal: AbortSignal,
  onEvent: (event: SseEvent) => void,
  onState: (state: StreamState) => void,
): Promise<void> {
  let delayMs = 1_000;
  while (!signal.aborted) {
    let why = 'the stream ended';
    try {
      const response = await api.stream('v1/live', signal);
      onState({ kind: 'connected' });
      delayMs = 1_000;
      const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
      const parser = new SseParser();
      for (;;) {
        const chunk = await reader.read();
        if (chunk.done) break;
        for (const event of parser.push(chunk.value)) onEvent(event);
      }
    } catch (error) {
      if (signal.aborted) return;
      if (error instanceof ApiError && (error.status === 401 || error.status === 403)) {
        onState({ kind: 'refused', error });
        return;
      }
      why = error instanceof ApiError ? error.message : 'the connection dropped';
    }
    if (signal.aborted) return;
    onState({ kind: 'retrying', inSeconds: delayMs / 1000, why });
    await sleep(delayMs, signal);
    delayMs = Math.min(delayMs * 2, 15_000);
  }
}
