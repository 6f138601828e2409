// Failed authentications per client address: after `max` 401s within a window the address is refused (429) until the window ends.
import { isIPv4, isIPv6 } from 'node:net';
import { LRUCache } from 'lru-cache';

export interface AuthFailureLimit {
  /** Failed authentications an address may make in one window. */
  readonly max: number;
  /** The window, from the address's first failure in it. */
  readonly windowMs: number;
}

export interface AuthFailuresOptions {
  /** @default Date.now */
  readonly now?: () => number;
  /** Addresses remembered at once; the one that failed least recently is forgotten first. @default 10_000 */
  readonly maxAddresses?: number;
}

interface Window {
  count: number;
  readonly endsAt: number;
}

/** The first four groups of an IPv6 address, fully written out: one host usually holds a whole /64. */
function ipv6Prefix64(address: string): string {
  const [head = '', tail] = address.split('%')[0]!.split('::');
  const left = head === '' ? [] : head.split(':');
  const right = tail === undefined || tail === '' ? [] : tail.split(':');
  const groups =
    tail === undefined ? left : [...left, ...new Array<string>(8 - left.length - right.length).fill('0'), ...right];
  return `${groups
    .slice(0, 4)
    .map((g) => g.toLowerCase().padStart(4, '0'))
    .join(':')}::/64`;
}

/**
 * What failures are counted under: an IPv4 address (an IPv4-mapped IPv6 one as IPv4), or the /64 of an IPv6
 * address — else a client could take a fresh address of its /64 for every guess.
 */
export function clientKey(ip: string): string {
  const mapped = ip.slice(7);
  if (ip.slice(0, 7).toLowerCase() === '::ffff:' && isIPv4(mapped)) return mapped;
  return isIPv6(ip) ? ipv6Prefix64(ip) : ip;
}

/**
 * Counts failed authentications per client (see `clientKey`) in fixed windows that open at a client's first failure.
 * Memory stays bounded: at most `maxAddresses` clients are remembered (least recently failed forgotten first).
 *
 * @example
 * const failures = new AuthFailures({ max: 20, windowMs: 60_000 });
 * if (failures.retryAfterSeconds(ip) > 0) refuse(); else if (!valid) failures.fail(ip);
 */
export class AuthFailures {
  readonly #windows: LRUCache<string, Window>;
  readonly #now: () => number;

  constructor(
    readonly limit: AuthFailureLimit,
    options: AuthFailuresOptions = {},
  ) {
    this.#now = options.now ?? Date.now;
    this.#windows = new LRUCache({ max: options.maxAddresses ?? 10_000 });
  }

  /** Clients remembered now. */
  get size(): number {
    return this.#windows.size;
  }

  /** Seconds (at least 1) until the client may authenticate again, or 0 when it may now. */
  retryAfterSeconds(ip: string): number {
    const key = clientKey(ip);
    const window = this.#windows.peek(key);
    if (window === undefined) return 0;
    const left = window.endsAt - this.#now();
    if (left <= 0) {
      this.#windows.delete(key);
      return 0;
    }
    return window.count >= this.limit.max ? Math.ceil(left / 1000) : 0;
  }

  /** Counts one failed authentication of the client. */
  fail(ip: string): void {
    const key = clientKey(ip);
    const now = this.#now();
    const window = this.#windows.get(key);
    if (window === undefined || window.endsAt <= now) {
      this.#windows.set(key, { count: 1, endsAt: now + this.limit.windowMs });
    } else window.count++;
  }
}
