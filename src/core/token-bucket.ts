// A token bucket: `ratePerSecond` tokens refill continuously, up to `burst`.
export class TokenBucket {
  readonly #msPerToken: number;
  readonly #burst: number;
  readonly #now: () => number;
  #tokens: number;
  #last: number;

  constructor(ratePerSecond: number, burst: number, now: () => number) {
    this.#msPerToken = 1000 / ratePerSecond;
    this.#burst = burst;
    this.#now = now;
    this.#tokens = burst;
    this.#last = now();
  }

  #refill(): void {
    const now = this.#now();
    this.#tokens = Math.min(this.#burst, this.#tokens + (now - this.#last) / this.#msPerToken);
    this.#last = now;
  }

  /** Takes a token if one is there. */
  tryTake(): boolean {
    this.#refill();
    if (this.#tokens < 1) return false;
    this.#tokens -= 1;
    return true;
  }

  /** Milliseconds until the next token (0 if one is there). */
  msUntilToken(): number {
    this.#refill();
    return this.#tokens >= 1 ? 0 : (1 - this.#tokens) * this.#msPerToken;
  }
}
