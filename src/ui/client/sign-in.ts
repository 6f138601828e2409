// The sign-in view: a reviewer API key, checked with the server before it is kept; a refused key says why.
import { explain } from './api.js';
import { h } from './dom.js';
import { signIn, type Session } from './session.js';

/** Draws the form into `container`; calls `done` once a key with the reviewer role is accepted. */
export function renderSignIn(container: HTMLElement, done: (session: Session) => void, message = ''): void {
  const error = h('p', { id: 'sign-in-error', class: 'error', role: 'alert' }, message);
  const input = h('input', {
    id: 'api-key',
    name: 'key',
    type: 'password',
    autocomplete: 'off',
    spellcheck: 'false',
    required: true,
    'aria-describedby': 'api-key-hint sign-in-error',
    'aria-invalid': message === '' ? 'false' : 'true',
  });
  const button = h('button', { type: 'submit' }, 'Sign in');
  const fail = (text: string): void => {
    error.textContent = text;
    input.setAttribute('aria-invalid', 'true');
    input.focus();
  };
  const submit = async (event: Event): Promise<void> => {
    event.preventDefault();
    const key = input.value.trim();
    if (key === '') return fail('Enter an API key to sign in.');
    button.disabled = true;
    button.textContent = 'Signing in…';
    error.textContent = '';
    try {
      done(await signIn(key));
    } catch (failure) {
      fail(explain(failure));
    } finally {
      button.disabled = false;
      button.textContent = 'Sign in';
    }
  };
  container.replaceChildren(
    h(
      'section',
      { class: 'sign-in', 'aria-labelledby': 'sign-in-title' },
      h('h1', { id: 'sign-in-title', tabindex: '-1' }, 'Sign in to review'),
      h(
        'form',
        { onsubmit: (event) => void submit(event), novalidate: true },
        h('label', { for: 'api-key' }, 'Reviewer API key'),
        input,
        h(
          'p',
          { id: 'api-key-hint', class: 'hint' },
          'A key with the reviewer role (eleanor keys create --role reviewer). It stays in this browser tab only and is sent to this server as a Bearer token; your reviews are recorded under its id.',
        ),
        error,
        button,
      ),
    ),
  );
  input.focus();
}
