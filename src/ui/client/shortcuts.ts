// Keyboard shortcuts: one key each (j/k, o, a/r, n, ?), ignored while typing or in a dialog, and their help.
import { h } from './dom.js';

/** Every shortcut, as the help lists it. */
export const SHORTCUTS: readonly (readonly [keys: string, where: string, what: string])[] = [
  ['j', 'queue', 'select the next case'],
  ['k', 'queue', 'select the previous case'],
  ['o or Enter', 'queue', 'open the selected case'],
  ['a', 'queue, case', 'approve the case — asks you to confirm, with the statement you make'],
  ['r', 'queue, case', 'reject the case — asks you to confirm, with the statement you make'],
  ['n', 'case', 'go to the next case in the queue, once this one is decided'],
  ['?', 'anywhere', 'show these shortcuts'],
  ['Escape', 'a dialog', 'close it without acting'],
];

/** Keys typed into a field, with a modifier, or while a dialog is open are not shortcuts. */
function isShortcut(event: KeyboardEvent): boolean {
  if (event.defaultPrevented || event.isComposing || event.ctrlKey || event.metaKey || event.altKey) return false;
  const target = event.target;
  if (target instanceof HTMLElement) {
    if (target.isContentEditable || target.closest('input, select, textarea, dialog') !== null) return false;
  }
  return document.querySelector('dialog[open]') === null;
}

/** Listens for the keys given (event.key: 'j', 'a', '?'…) until the returned function is called. */
export function onKeys(handlers: Readonly<Record<string, (event: KeyboardEvent) => void>>): () => void {
  const listener = (event: KeyboardEvent): void => {
    const handler = handlers[event.key];
    if (handler === undefined || !isShortcut(event)) return;
    event.preventDefault();
    handler(event);
  };
  document.addEventListener('keydown', listener);
  return () => document.removeEventListener('keydown', listener);
}

/** The shortcuts as a table (the help dialog and the views' hints use it). */
export function shortcutsTable(): HTMLElement {
  return h(
    'table',
    { class: 'shortcuts' },
    h('caption', {}, 'Keyboard shortcuts'),
    h(
      'thead',
      {},
      h(
        'tr',
        {},
        ['Key', 'Where', 'What it does'].map((t) => h('th', { scope: 'col' }, t)),
      ),
    ),
    h(
      'tbody',
      {},
      SHORTCUTS.map(([keys, where, what]) =>
        h(
          'tr',
          {},
          h(
            'th',
            { scope: 'row' },
            keys.split(' or ').flatMap((k, i) => [i > 0 ? ' or ' : '', h('kbd', {}, k)]),
          ),
          h('td', {}, where),
          h('td', {}, what),
        ),
      ),
    ),
  );
}

/** Opens the shortcuts' help (a modal dialog; Escape or Close closes it and returns focus where it was). */
export function showShortcuts(): void {
  if (document.getElementById('shortcuts-help') !== null) return;
  const back = document.activeElement instanceof HTMLElement ? document.activeElement : null;
  const closeButton = h('button', { type: 'button', class: 'secondary' }, 'Close');
  const dialog = h(
    'dialog',
    { id: 'shortcuts-help', 'aria-labelledby': 'shortcuts-title' },
    h('h2', { id: 'shortcuts-title' }, 'Keyboard shortcuts'),
    h('p', {}, 'Single keys, when you are not typing in a field. Acting always asks you to confirm first.'),
    shortcutsTable(),
    h('div', { class: 'dialog-buttons' }, closeButton),
  );
  const close = (): void => {
    dialog.close();
    dialog.remove();
    back?.focus();
  };
  closeButton.addEventListener('click', close);
  dialog.addEventListener('cancel', (event) => {
    event.preventDefault();
    close();
  });
  document.body.append(dialog);
  dialog.showModal();
  closeButton.focus();
}

/** The one-line reminder a view shows under its heading. */
export function shortcutsHint(text: string): HTMLElement {
  return h(
    'p',
    { class: 'hint keys-hint' },
    text,
    ' ',
    h('button', { type: 'button', class: 'link', onclick: showShortcuts }, 'All shortcuts (?)'),
  );
}
