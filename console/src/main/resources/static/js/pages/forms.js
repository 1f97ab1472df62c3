// The API's field errors shown next to the fields they name. A form marks each field's box with
// data-field (the API's name, e.g. "personalData.names") and an error paragraph inside it;
// "indicators[2]" belongs to "indicators".
import { h } from '../dom.js';

export function fieldErrorsInto(form, errors) {
  const byField = {};
  for (const [field, messages] of Object.entries(errors)) {
    const base = field.replace(/\[\d+\]/g, '');
    (byField[base] ??= []).push(...messages.map((message) => (field === base ? message : `${field.slice(base.length)} ${message}`)));
  }
  for (const box of form.querySelectorAll('[data-field]')) {
    const messages = byField[box.dataset.field] ?? [];
    delete byField[box.dataset.field];
    box.querySelector('.error').replaceChildren(...messages.map((message, i) => [i ? h('br') : null, message]).flat());
    box.querySelector('input, select, textarea')?.setAttribute('aria-invalid', messages.length ? 'true' : 'false');
  }
  return byField;
}
