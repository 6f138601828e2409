// Test support: one raw HTTP exchange over TCP, for requests fetch will not send (no Host, oversize headers, bad HTTP).
import { connect } from 'node:net';

export interface RawAnswer {
  /** The status line's code (0 when the server sent nothing). */
  readonly status: number;
  readonly head: string;
  readonly body: string;
}

/** Writes `request` as it is on a fresh connection to `url`'s host and port; resolves once the server closes it. */
export function rawRequest(url: string, request: string): Promise<RawAnswer> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname, () => socket.write(request));
    let text = '';
    socket.on('data', (chunk: Buffer) => (text += chunk.toString('latin1')));
    socket.on('error', reject);
    socket.on('close', () => {
      const split = text.indexOf('\r\n\r\n');
      resolve({
        status: Number(/^HTTP\/1\.1 (\d{3})/.exec(text)?.[1] ?? 0),
        head: split < 0 ? text : text.slice(0, split),
        body: split < 0 ? '' : text.slice(split + 4),
      });
    });
  });
}
