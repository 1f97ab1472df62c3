// One alert as delivered: content, what was withheld under which agreement, deadlines, the
// timeline, and the acknowledge and respond actions.
import { h, fact } from '../dom.js';
import { get, post, ApiError } from '../api.js';
import { watchInbox } from '../stream.js';
import { tlpChip, dateTime, timeOf, countdown } from '../format.js';
import { refetchAlert } from './refetch.js';
import { fieldErrorsInto } from './forms.js';

export async function alertPage(main, { params: [id] }) {
  let alert;
  const view = h('div', { id: 'alert' });
  const feedback = h('p', { id: 'action-feedback', role: 'status' });
  main.append(h('p', {}, h('a', { href: '#/inbox' }, '← Inbox')), view);

  try {
    alert = await get('notification', `/api/v1/alerts/${encodeURIComponent(id)}`);
  } catch (error) {
    view.replaceChildren(h('h1', {}, 'Alert'), h('p', { class: 'notice problem' },
      error.status === 404 ? 'No such alert in your state\'s inbox.' : error.message));
    return undefined;
  }

  const acknowledge = async () => {
    try {
      await post('notification', `/api/v1/alerts/${encodeURIComponent(id)}/acknowledgement`);
      feedback.replaceChildren(h('span', { class: 'notice success' }, 'Acknowledgement recorded.'));
      show(await refetchAlert({ id, status: 'acknowledged' }));
    } catch (error) {
      feedback.replaceChildren(h('span', { class: 'error' }, error.message));
    }
  };

  const kind = h('select', { id: 'response-kind', name: 'kind', 'aria-describedby': 'error-kind' },
    [['initial-assessment', 'initial assessment'], ['final-report', 'final report']].map(([value, text]) => h('option', { value }, text)));
  const text = h('textarea', { id: 'response-text', name: 'text', 'aria-describedby': 'error-text' });
  const respondForm = h('form', {
    id: 'respond',
    onsubmit: async (event) => {
      event.preventDefault();
      fieldErrorsInto(respondForm, {});
      try {
        await post('notification', `/api/v1/alerts/${encodeURIComponent(id)}/responses`, { kind: kind.value, text: text.value });
        feedback.replaceChildren(h('span', { class: 'notice success' }, 'Response recorded.'));
        text.value = '';
        show(await get('notification', `/api/v1/alerts/${encodeURIComponent(id)}`));
      } catch (error) {
        if (error instanceof ApiError && error.status === 400) fieldErrorsInto(respondForm, error.fieldErrors());
        else feedback.replaceChildren(h('span', { class: 'error' }, error.message));
      }
    },
  },
  h('h2', {}, 'Respond'),
  h('div', { class: 'field', 'data-field': 'kind' }, h('label', { for: 'response-kind' }, 'Kind'), kind, h('p', { id: 'error-kind', class: 'error' })),
  h('div', { class: 'field', 'data-field': 'text' }, h('label', { for: 'response-text' }, 'Text'), text, h('p', { id: 'error-text', class: 'error' })),
  h('button', { type: 'submit' }, 'Submit response'));

  function show(current) {
    alert = current;
    const clock = countdown(alert);
    view.replaceChildren(
      h('h1', {}, alert.title),
      h('p', {}, tlpChip(alert.tlp), ' ', h('span', { id: 'alert-status', class: `status status-${alert.status}` }, alert.status),
        alert.exercise ? h('span', { class: 'badge' }, 'exercise') : null),
      h('p', { id: 'alert-countdown', class: clock.overdue ? 'overdue' : null }, clock.text),
      h('div', { class: 'actions' },
        h('button', { type: 'button', id: 'acknowledge', disabled: alert.status === 'acknowledged', onclick: acknowledge },
          alert.status === 'acknowledged' ? 'Acknowledged' : 'Acknowledge'),
        feedback),
      h('h2', {}, 'As delivered'),
      h('dl', { class: 'facts' },
        fact('From', alert.reportingState ?? 'withheld'),
        fact('Agreement', `${alert.agreement} v${alert.agreementVersion}`),
        fact('Sector', alert.sector), fact('Class', alert.incidentClass), fact('Severity', alert.severity),
        fact('Detected', dateTime(alert.detectedAt)), fact('Issued', dateTime(alert.issuedAt)),
        fact('Contact', `${alert.contact} (escalation level ${alert.escalationLevel})`),
        fact('Affected states', (alert.affectedStates ?? []).join(', ') || '—'),
        fact('Summary', alert.summary),
        alert.indicators ? fact('Indicators', h('ul', {}, alert.indicators.map((indicator) => h('li', {}, h('code', {}, indicator))))) : null,
        alert.personalData ? fact('Personal data', personalData(alert.personalData)) : null),
      h('h2', {}, 'Withheld'),
      alert.withheld.length
        ? h('ul', { class: 'withheld', id: 'withheld' }, alert.withheld.map((w) => h('li', {}, h('strong', {}, w.category), ': ', w.reason)))
        : h('p', { id: 'withheld' }, 'Nothing was withheld.'),
      h('h2', {}, 'Deadlines'),
      h('table', {},
        h('thead', {}, h('tr', {}, ['Commitment', 'Due', 'Missed at', 'Fulfilled', 'Outcome'].map((t) => h('th', { scope: 'col' }, t)))),
        h('tbody', {}, alert.deadlines.map((d) => h('tr', {},
          h('td', {}, d.commitment), h('td', {}, dateTime(d.dueAt)), h('td', {}, dateTime(d.missedAt)),
          h('td', {}, dateTime(d.fulfilledAt)), h('td', {}, d.outcome ?? 'open'))))),
      h('h2', {}, 'Timeline'),
      h('ol', { class: 'timeline', id: 'timeline' }, alert.timeline.map((t) =>
        h('li', {}, timeOf(t.at), ` ${t.what}`, t.detail ? ` (${t.detail})` : ''))),
      respondForm);
  }

  show(alert);
  const stopStream = watchInbox({
    onChange: async (change) => { if (change.id === id) show(await refetchAlert(change)); },
  });
  const ticker = setInterval(() => {
    const clock = countdown(alert);
    const element = document.getElementById('alert-countdown');
    if (element) {
      element.textContent = clock.text;
      element.classList.toggle('overdue', clock.overdue);
    }
  }, 1000);
  return () => {
    stopStream();
    clearInterval(ticker);
  };
}

function personalData(section) {
  return h('ul', {},
    ...(section.names ?? []).map((name) => h('li', {}, `name: ${name}`)),
    ...(section.emailAddresses ?? []).map((email) => h('li', {}, `e-mail: ${email}`)),
    ...(section.accountIdentifiers ?? []).map((account) => h('li', {}, `account: ${account}`)),
    section.notes ? h('li', {}, `notes: ${section.notes}`) : null);
}
