// What every view of the page receives, and the page-wide messages (errors are announced at once, news politely).
import { fill } from './dom.js';
import type { Session } from './session.js';

export interface Notifier {
  /** Shows and announces an error (role="alert"). */
  error(text: string): void;
  /** Shows and announces news politely (role="status"). */
  success(text: string): void;
  clear(): void;
}

export interface ViewContext {
  readonly session: Session;
  /** Where the view draws itself. */
  readonly container: HTMLElement;
  /** The route's parts after the view name: '#/case/abc' gives ['abc']. */
  readonly path: readonly string[];
  /** The route's query: '#/queue?tier=3'. */
  readonly query: URLSearchParams;
  readonly notify: Notifier;
  /** Called when the key stops being accepted (401): back to sign-in. */
  readonly signedOut: (message: string) => void;
  /** Draws the current view again, with fresh data. */
  readonly reload: () => void;
}

/** A view draws itself and returns what to stop when the reader leaves it (timers, streams). */
export type View = (ctx: ViewContext) => Promise<(() => void) | void>;

export function createNotifier(alert: HTMLElement, status: HTMLElement): Notifier {
  return {
    error(text) {
      fill(status);
      fill(alert, text);
    },
    success(text) {
      fill(alert);
      fill(status, text);
    },
    clear() {
      fill(alert);
      fill(status);
    },
  };
}
