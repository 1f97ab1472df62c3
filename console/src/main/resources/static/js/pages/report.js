// Report an incident: the API validates, and its problem+json field errors appear next to the
// fields they name. A retried submission of the same form sends the same Idempotency-Key.
import { h } from '../dom.js';
import { post, ApiError } from '../api.js';
import { fieldErrorsInto } from './forms.js';

const SECTORS = ['energy', 'transport', 'banking', 'financial-market-infrastructures', 'health', 'drinking-water',
  'waste-water', 'digital-infrastructure', 'ict-service-management', 'public-administration', 'space',
  'postal-and-courier', 'waste-management', 'chemicals', 'food', 'manufacturing', 'digital-providers', 'research'];
const CLASSES = ['abusive-content', 'malicious-code', 'information-gathering', 'intrusion-attempts', 'intrusions',
  'availability', 'information-content-security', 'fraud', 'vulnerable', 'other', 'test'];
const SEVERITIES = ['low', 'medium', 'high', 'critical'];
const TLPS = ['CLEAR', 'GREEN', 'AMBER', 'AMBER+STRICT', 'RED'];

export function reportPage(main) {
  let idempotencyKey = crypto.randomUUID();
  const outcome = h('div', { id: 'report-outcome', role: 'alert' });
  const form = h('form', { id: 'report', novalidate: true, onsubmit: submit },
    h('div', { class: 'grid' },
      field('detectedAt', 'Detected at (your local time)', h('input', { type: 'datetime-local', step: 1 })),
      field('sector', 'Sector (NIS2)', choice(SECTORS)),
      field('incidentClass', 'Incident class', choice(CLASSES)),
      field('severity', 'Severity', choice(SEVERITIES)),
      field('tlp', 'TLP', choice(TLPS))),
    field('title', 'Title', h('input', { type: 'text', size: 60 })),
    field('summary', 'Summary', h('textarea', {})),
    field('indicators', 'Indicators', h('textarea', {}), 'One per line: addresses, domains, hashes.'),
    h('div', { class: 'grid' },
      field('affectedStates', 'Affected states', h('input', { type: 'text' }), 'ISO codes separated by commas, e.g. LV, LT'),
      field('namedRecipients', 'Named recipients', h('input', { type: 'text' }), 'Only these states receive it; required for TLP:RED.')),
    h('fieldset', {},
      h('legend', {}, 'Personal data (withheld unless an agreement allows it under a legal basis)'),
      field('personalData.names', 'Names', h('textarea', {}), 'One per line.'),
      field('personalData.emailAddresses', 'E-mail addresses', h('textarea', {}), 'One per line.'),
      field('personalData.accountIdentifiers', 'Account identifiers', h('textarea', {}), 'One per line.'),
      field('personalData.notes', 'Notes', h('textarea', {}))),
    h('button', { type: 'submit', id: 'submit-report' }, 'Report incident'));
  main.append(h('h1', {}, 'Report an incident'), outcome, form);

  function value(name) {
    return form.querySelector(`[name="${name}"]`).value.trim();
  }

  function list(name, separator) {
    return value(name).split(separator).map((item) => item.trim()).filter(Boolean);
  }

  function report() {
    const detected = value('detectedAt');
    const personal = {
      names: list('personalData.names', '\n'),
      emailAddresses: list('personalData.emailAddresses', '\n'),
      accountIdentifiers: list('personalData.accountIdentifiers', '\n'),
      notes: value('personalData.notes') || null,
    };
    const hasPersonal = personal.names.length || personal.emailAddresses.length || personal.accountIdentifiers.length || personal.notes;
    return {
      detectedAt: detected ? new Date(detected).toISOString() : null,
      sector: value('sector') || null,
      incidentClass: value('incidentClass') || null,
      severity: value('severity') || null,
      tlp: value('tlp') || null,
      title: value('title') || null,
      summary: value('summary') || null,
      indicators: list('indicators', '\n'),
      personalData: hasPersonal ? personal : null,
      affectedStates: list('affectedStates', ','),
      namedRecipients: list('namedRecipients', ','),
    };
  }

  async function submit(event) {
    event.preventDefault();
    outcome.replaceChildren();
    try {
      const accepted = await post('incident', '/api/v1/incidents', report(), { headers: { 'Idempotency-Key': idempotencyKey } });
      fieldErrorsInto(form, {});
      outcome.replaceChildren(h('p', { class: 'notice success' }, `Reported as ${accepted.id}. Partners whose agreements cover it are alerted now.`));
      form.reset();
      idempotencyKey = crypto.randomUUID();
    } catch (error) {
      if (!(error instanceof ApiError) || error.status !== 400) {
        outcome.replaceChildren(h('p', { class: 'notice problem' }, error.message));
        return;
      }
      const unplaced = fieldErrorsInto(form, error.fieldErrors());
      outcome.replaceChildren(h('div', { class: 'notice problem' },
        h('p', {}, `${error.problem.detail} Nothing was reported; correct the fields marked below.`),
        Object.keys(unplaced).length ? h('ul', {}, Object.entries(unplaced).map(([f, m]) => h('li', {}, `${f} ${m.join('; ')}`))) : null));
      form.querySelector('[aria-invalid="true"]')?.focus();
    }
  }
}

function field(name, label, control, hint) {
  const id = `field-${name.replace('.', '-')}`;
  control.id = id;
  control.name = name;
  control.setAttribute('aria-describedby', [hint ? `${id}-hint` : null, `${id}-error`].filter(Boolean).join(' '));
  return h('div', { class: 'field', 'data-field': name },
    h('label', { for: id }, label), control,
    hint ? h('p', { id: `${id}-hint`, class: 'hint' }, hint) : null,
    h('p', { id: `${id}-error`, class: 'error' }));
}

function choice(values) {
  return h('select', {}, h('option', { value: '' }, '— choose —'), values.map((value) => h('option', { value }, value)));
}
