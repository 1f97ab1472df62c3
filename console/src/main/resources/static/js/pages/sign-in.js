// Sign-in: paste a token from the configured issuer; in the embedded default only, ask the
// console for a sample caller's token minted by the local issuer.
import { h } from '../dom.js';
import { signIn } from '../session.js';

const ROLES = ['poc', 'coordinator', 'operator', 'planner', 'oversight'];

export function signInPage(main, { config }) {
  const message = h('p', { id: 'sign-in-message', role: 'alert' });
  const done = (token) => {
    signIn(token);
    location.hash = '#/';
  };
  const fail = (error) => message.replaceChildren(h('span', { class: 'error' }, error.message));

  const tokenField = h('textarea', { id: 'token', name: 'token', rows: 4, spellcheck: 'false', autocomplete: 'off', 'aria-describedby': 'token-hint' });
  const pasted = h('form', {
    onsubmit: (event) => {
      event.preventDefault();
      try { done(tokenField.value); } catch (error) { fail(error); }
    },
  },
  h('div', { class: 'field' },
    h('label', { for: 'token' }, 'Bearer token'),
    tokenField,
    h('p', { id: 'token-hint', class: 'hint' }, config.oidcIssuer
      ? `A token of ${config.oidcIssuer}.`
      : 'A token of the services\' issuer; in the embedded default: deploy/local/token.sh poc EE')),
  h('button', { type: 'submit', id: 'sign-in-token' }, 'Sign in with this token'));

  main.append(h('h1', {}, 'Sign in'), message, pasted);

  if (config.sampleSignIn) {
    const role = h('select', { id: 'sample-role', name: 'role' }, ROLES.map((value) => h('option', { value }, value)));
    const state = h('input', { id: 'sample-state', name: 'state', value: 'EE', size: 3, maxlength: 2, autocomplete: 'off', 'aria-describedby': 'sample-state-hint' });
    role.addEventListener('change', () => { state.disabled = role.value !== 'poc'; });
    main.append(h('form', {
      onsubmit: async (event) => {
        event.preventDefault();
        const response = await fetch('/sign-in/sample', {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
          body: JSON.stringify({ role: role.value, state: role.value === 'poc' ? state.value : null }),
        });
        const body = await response.json();
        if (response.ok) done(body.token);
        else fail(new Error(body.errors?.map((e) => `${e.field} ${e.message}`).join('; ') ?? body.detail));
      },
    },
    h('h2', {}, 'Sample callers (embedded default)'),
    h('p', { class: 'hint' }, 'The local issuer mints a 12-hour token; never offered with an external issuer.'),
    h('div', { class: 'filters' },
      h('div', { class: 'field' }, h('label', { for: 'sample-role' }, 'Role'), role),
      h('div', { class: 'field' }, h('label', { for: 'sample-state' }, 'State (PoC)'), state,
        h('p', { id: 'sample-state-hint', class: 'hint' }, 'ISO code, e.g. EE, FI, LV')),
      h('div', { class: 'field' }, h('button', { type: 'submit', id: 'sign-in-sample' }, 'Sign in as sample')))));
  }
  tokenField.focus();
}
