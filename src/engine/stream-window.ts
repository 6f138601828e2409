// A streamed response's text, released window by window: what the next check reads, and how much a pass releases.

/**
 * The text of a stream and how much of it has been released. A check reads the unreleased text with up to one window
 * of released text before it (so a match across the release point is read whole); a pass releases all but the last
 * half window, which the next check reads again with the text that follows it. The first check comes at three quarters
 * of a window, so the first release does not wait for a whole one. At most `windowChars` characters are
 * held back once checked, and each character is read by a bounded number of checks; only the recent text is kept as
 * one string (the rest as parts, joined once), so the work is linear in the text's length.
 */
export class StreamWindow {
  readonly #parts: string[] = [];
  #length = 0;
  #released = 0;
  #windows = 0;
  /** The text from offset `#base` on: one window before the release point, and everything after it. */
  #recent = '';
  #base = 0;

  constructor(readonly windowChars: number) {}

  /** The whole text so far. */
  get text(): string {
    if (this.#parts.length > 1) this.#parts.splice(0, this.#parts.length, this.#parts.join(''));
    return this.#parts[0] ?? '';
  }

  get length(): number {
    return this.#length;
  }

  get released(): number {
    return this.#released;
  }

  /** Checks read so far. */
  get windows(): number {
    return this.#windows;
  }

  append(delta: string): void {
    if (delta === '') return;
    this.#parts.push(delta);
    this.#length += delta.length;
    this.#recent += delta;
  }

  /**
   * Whether enough unreleased text has arrived for a check: a window, or for the first check three quarters of one —
   * the first text then reaches the reader sooner (a pass still holds back the last half window, so a match across the
   * release point is read whole as before).
   */
  get full(): boolean {
    const due = this.#windows === 0 ? this.windowChars - (this.windowChars >> 2) : this.windowChars;
    return this.#length - this.#released >= due;
  }

  /** What the next check reads: the unreleased text after up to one window of released text. */
  window(): string {
    this.#windows++;
    return this.#recent;
  }

  /** After a passed check: releases all but the last half window (everything, at the end); returns what it released. */
  release(atEnd: boolean): string {
    const upTo = atEnd ? this.#length : Math.max(this.#released, this.#length - (this.windowChars >> 1));
    const released = this.#recent.slice(this.#released - this.#base, upTo - this.#base);
    this.#released = upTo;
    const base = Math.max(0, upTo - this.windowChars);
    this.#recent = this.#recent.slice(base - this.#base);
    this.#base = base;
    return released;
  }
}
