// The dashboard's entry: signs in (or finds a server without auth), then routes #/queue, #/case/<id> and #/live.
import { ApiError, explain } from './api.js';
import { caseView } from './case-view.js';
import { fill, h } from './dom.js';
import { liveView } from './live-view.js';
import { queueView } from './queue.js';
import { forgetKey, signIn, storedKey, type Session } from './session.js';
import { onKeys, showShortcuts } from './shortcuts.js';
import { renderSignIn } from './sign-in.js';
import { createNotifier, type View } from './view.js';

const VIEWS: Readonly<Record<string, { view: View; title: string }>> = {
  queue: { view: queueView, title: 'Review queue' },
  case: { view: caseView, title: 'Case' },
  live: { view: liveView, title: 'Live view' },
};

const byId = (id: string): HTMLElement => document.getElementById(id)!;
const main = byId('main');
const view = byId('view');
const notify = createNotifier(byId('alert'), byId('status'));
const sessionBar = byId('session');
const nav = document.querySelector('nav')!;
const shortcutsButton = byId('shortcuts-button');
shortcutsButton.addEventListener('click', showShortcuts);
onKeys({ '?': () => session !== undefined && showShortcuts() });

let session: Session | undefined;
let leave: (() => void) | void;
/** Increments per render: a slow view that finishes after the reader moved on does not draw over the new one. */
let renders = 0;

function route(): { name: string; path: string[]; query: URLSearchParams } {
  const [path = '', query = ''] = location.hash.replace(/^#\/?/, '').split('?');
  const [name = 'queue', ...rest] = path.split('/').map(decodeURIComponent);
  return { name: VIEWS[name] ? name : 'queue', path: rest, query: new URLSearchParams(query) };
}

function showSession(): void {
  nav.hidden = session === undefined;
  shortcutsButton.hidden = session === undefined;
  if (session === undefined) {
    sessionBar.hidden = true;
    return;
  }
  const { who } = session;
  fill(
    sessionBar,
    h(
      'span',
      {},
      'Signed in as ',
      h('strong', { id: 'who' }, who.id),
      who.insecureLocal ? ' (no sign-in: --insecure-local)' : '',
    ),
    who.insecureLocal
      ? ''
      : h('button', { type: 'button', id: 'sign-out', onclick: () => signOut('You are signed out.') }, 'Sign out'),
  );
  sessionBar.hidden = false;
}

function signOut(message: string, asError = false): void {
  leave?.();
  leave = undefined;
  forgetKey();
  session = undefined;
  showSession();
  document.title = 'Sign in — Eleanor review';
  if (asError) notify.clear();
  else notify.success(message);
  renderSignIn(view, signedIn, asError ? message : '');
}

function signedIn(next: Session): void {
  session = next;
  showSession();
  notify.clear();
  void render();
}

async function render(): Promise<void> {
  if (session === undefined) return;
  const current = ++renders;
  leave?.();
  leave = undefined;
  const { name, path, query } = route();
  const { view: draw, title } = VIEWS[name]!;
  document.title = `${title}${path[0] ? ` ${path[0]}` : ''} — Eleanor review`;
  for (const link of document.querySelectorAll('nav a')) {
    if (link.getAttribute('href') === `#/${name}`) link.setAttribute('aria-current', 'page');
    else link.removeAttribute('aria-current');
  }
  fill(view, h('p', { class: 'loading', role: 'status' }, 'Loading…'));
  try {
    const cleanup = await draw({
      session,
      container: view,
      path,
      query,
      notify,
      signedOut: (message) => signOut(message, true),
      reload: () => void render(),
    });
    if (current !== renders) return cleanup?.();
    leave = cleanup;
  } catch (error) {
    if (current !== renders) return;
    if (error instanceof ApiError && error.status === 401) return signOut(explain(error), true);
    fill(view, h('h1', { tabindex: '-1' }, title), h('p', { class: 'error', role: 'alert' }, explain(error)));
  }
  // Moving focus to the new heading tells screen readers the page changed and starts keyboard users at the top.
  view.querySelector<HTMLElement>('h1')?.focus();
}

async function boot(): Promise<void> {
  main.removeAttribute('aria-busy');
  const key = storedKey();
  try {
    signedIn(await signIn(key));
  } catch (error) {
    const unauthorised = error instanceof ApiError && error.status === 401;
    if (key !== null) forgetKey();
    const message =
      key === null && unauthorised
        ? ''
        : key !== null && unauthorised
          ? 'The key this tab kept is no longer accepted; sign in again.'
          : explain(error);
    renderSignIn(view, signedIn, message);
  }
}

window.addEventListener('hashchange', () => {
  notify.clear();
  void render();
});
void boot();
