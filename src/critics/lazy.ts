// once(): a value built on its first use. Rule lists expand their phrase templates when the first critic is made,
// not when `import 'eleanor'` loads the critics (the expansion costs tens of ms on this machine).
export function once<T>(build: () => T): () => T {
  let built = false;
  let value: T;
  return () => {
    if (!built) {
      value = build();
      built = true;
    }
    return value;
  };
}
