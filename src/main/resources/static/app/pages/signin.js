import * as api from '../api.js';
import { h, field, input, showErrors } from '../ui.js';

export function signInPage(done) {
  const email = input('email', { type: 'email', autocomplete: 'username', required: true });
  const password = input('password', { type: 'password', autocomplete: 'current-password', required: true });
  const button = h('button', { type: 'submit' }, 'Sign in');
  const form = h('form', { class: 'card narrow', novalidate: true },
    h('h1', {}, 'Sign in'),
    h('p', { class: 'form-error', role: 'alert' }),
    field('Email', email), field('Password', password), button);
  form.addEventListener('submit', async e => {
    e.preventDefault();
    button.disabled = true;
    try {
      await api.signIn(email.value.trim(), password.value);
      await done();
    } catch (error) {
      showErrors(form, error);
      form.querySelector('.form-error').textContent = error.status === 401 || error.status === 400
        ? 'Email or password is wrong.' : error.message;
      password.focus();
    } finally {
      button.disabled = false;
    }
  });
  queueMicrotask(() => email.focus());
  return form;
}
