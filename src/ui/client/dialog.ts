// confirm(): a modal question (the native <dialog>: focus kept inside, Escape cancels) that resolves true or false.
import { h, type Child } from './dom.js';

export interface ConfirmOptions {
  readonly title: string;
  /** What the reader is asked to confirm, in full. */
  readonly body: readonly Child[];
  readonly confirm: string;
  /** @default 'Cancel' */
  readonly cancel?: string;
  /** Which button has focus when it opens: 'cancel' for a question whose safe answer is no. @default 'confirm' */
  readonly focus?: 'confirm' | 'cancel';
  /** Styles the confirm button as a warning. @default false */
  readonly danger?: boolean;
}

let titles = 0;

/** Opens the dialog; resolves true on confirm, false on cancel or Escape, and removes it either way. */
export function confirm(options: ConfirmOptions): Promise<boolean> {
  const titleId = `dialog-title-${++titles}`;
  return new Promise((resolve) => {
    const close = (answer: boolean): void => {
      dialog.close();
      dialog.remove();
      resolve(answer);
    };
    const yes = h(
      'button',
      { type: 'button', class: options.danger ? 'danger' : '', onclick: () => close(true) },
      options.confirm,
    );
    const no = h(
      'button',
      { type: 'button', class: 'secondary', onclick: () => close(false) },
      options.cancel ?? 'Cancel',
    );
    const dialog = h(
      'dialog',
      { class: 'confirm', 'aria-labelledby': titleId },
      h('h2', { id: titleId }, options.title),
      options.body,
      h('div', { class: 'dialog-buttons' }, yes, no),
    );
    dialog.addEventListener('cancel', (event) => {
      event.preventDefault();
      close(false);
    });
    document.body.append(dialog);
    dialog.showModal();
    (options.focus === 'cancel' ? no : yes).focus();
  });
}
