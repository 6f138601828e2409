// SseParser: reads a Server-Sent Events stream chunk by chunk (the page reads /v1/live through fetch, to send its key).
export interface SseEvent {
  /** The `event:` field, or 'message'. */
  event: string;
  /** The `data:` lines, joined with newlines. */
  data: string;
}

/** The WHATWG event-stream format: fields per line, a blank line ends an event, lines starting with ':' are comments. */
export class SseParser {
  #buffer = '';
  #event = '';
  #data: string[] = [];

  /** Feeds a chunk of text; returns the events it completed. A line split across chunks waits for its end. */
  push(chunk: string): SseEvent[] {
    this.#buffer += chunk;
    const events: SseEvent[] = [];
    for (;;) {
      const match = /\r\n|\n|\r/.exec(this.#buffer);
      // A trailing '\r' may be the first half of '\r\n': wait for the next chunk.
      if (match === null || (match[0] === '\r' && match.index === this.#buffer.length - 1)) break;
      const line = this.#buffer.slice(0, match.index);
      this.#buffer = this.#buffer.slice(match.index + match[0].length);
      const event = this.#line(line);
      if (event !== undefined) events.push(event);
    }
    return events;
  }

  #line(line: string): SseEvent | undefined {
    if (line === '') {
      const event =
        this.#data.length === 0 ? undefined : { event: this.#event || 'message', data: this.#data.join('\n') };
      this.#event = '';
      this.#data = [];
      return event;
    }
    if (line.startsWith(':')) return undefined;
    const colon = line.indexOf(':');
    const field = colon === -1 ? line : line.slice(0, colon);
    let value = colon === -1 ? '' : line.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    if (field === 'event') this.#event = value;
    else if (field === 'data') this.#data.push(value);
    return undefined;
  }
}
