// Critics for bench/distributed.ts, loaded by path in the coordinator and in worker processes.
const OK = { score: 0, severity: 0, violations: [] };

/** Returns at once: what is measured is the transport. */
export function noop() {
  return OK;
}

/** I/O-bound: waits `context.sleepMs` (default 50 ms), honouring its signal. */
export function io(input, ctx) {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => resolve(OK), input.context.sleepMs ?? 50);
    ctx.signal.addEventListener('abort', () => {
      clearTimeout(timer);
      reject(ctx.signal.reason);
    });
  });
}
