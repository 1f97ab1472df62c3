// Inbox: the state's communication check, then its alerts, newest first, kept live by the alert
// stream; filters by status and by exercise or real traffic; a countdown to each alert's next
// deadline.
import { h, announce } from '../dom.js';
import { get } from '../api.js';
import { watchInbox } from '../stream.js';
import { tlpChip, timeOf, countdown } from '../format.js';
import { refetchAlert } from './refetch.js';
import { communicationCheck } from './communication-check.js';

export async function inboxPage(main, { who }) {
  const alerts = new Map();
  const fresh = new Set();
  const status = h('select', { id: 'status-filter' },
    ['all', 'delivered', 'escalated', 'acknowledged'].map((value) => h('option', { value }, value)));
  const kind = h('select', { id: 'kind-filter' },
    [['all', 'all'], ['real', 'real only'], ['exercise', 'exercises only']].map(([value, text]) => h('option', { value }, text)));
  const live = h('span', { id: 'live-state', class: 'live' }, 'connecting…');
  const body = h('tbody', { id: 'inbox-rows' });
  const empty = h('p', { id: 'inbox-empty', hidden: true }, 'No alert matches.');
  const problem = h('p', { role: 'alert' });
  const checkArea = h('div', { id: 'communication-check-area' });
  status.addEventListener('change', render);
  kind.addEventListener('change', render);

  main.append(
    h('h1', {}, `Inbox of ${who.state}`),
    checkArea,
    h('div', { class: 'filters' },
      h('div', {}, h('label', { for: 'status-filter' }, 'Status'), status),
      h('div', {}, h('label', { for: 'kind-filter' }, 'Traffic'), kind),
      h('p', { 'aria-live': 'off' }, live)),
    problem,
    h('table', { 'aria-describedby': 'live-state' },
      h('caption', { class: 'visually-hidden' }, 'Alerts addressed to your state, newest first'),
      h('thead', {}, h('tr', {}, ['TLP', 'Alert', 'From', 'Sector', 'Severity', 'Status', 'Next deadline', 'Issued']
        .map((title) => h('th', { scope: 'col' }, title)))),
      body),
    empty);

  function visible(alert) {
    return (status.value === 'all' || alert.status === status.value)
      && (kind.value === 'all' || (kind.value === 'exercise') === alert.exercise);
  }

  function row(alert) {
    const clock = countdown(alert);
    return h('tr', { 'data-alert-id': alert.id, class: fresh.has(alert.id) ? 'fresh' : null },
      h('td', { class: 'tlp-cell' }, tlpChip(alert.tlp)),
      h('td', {}, h('a', { href: `#/alerts/${encodeURIComponent(alert.id)}` }, alert.title),
        alert.exercise ? h('span', { class: 'badge' }, 'exercise') : null),
      h('td', { class: 'from' }, alert.reportingState ?? h('span', { title: 'not disclosed to you' }, 'withheld')),
      h('td', {}, alert.sector),
      h('td', {}, alert.severity),
      h('td', { class: `status status-${alert.status}` }, alert.status),
      h('td', { class: `countdown${clock.overdue ? ' overdue' : ''}`, 'data-alert-id': alert.id }, clock.text),
      h('td', {}, timeOf(alert.issuedAt)));
  }

  function render() {
    const shown = [...alerts.values()].filter(visible)
      .sort((a, b) => b.issuedAt.localeCompare(a.issuedAt) || a.id.localeCompare(b.id));
    body.replaceChildren(...shown.map(row));
    empty.hidden = shown.length > 0;
  }

  async function reload() {
    try {
      const list = await get('notification', '/api/v1/alerts');
      alerts.clear();
      list.forEach((alert) => alerts.set(alert.id, alert));
      problem.replaceChildren();
      render();
    } catch (error) {
      problem.replaceChildren(h('span', { class: 'error' }, error.message));
    }
  }

  async function onChange(change) {
    const known = alerts.get(change.id);
    if (known) {
      known.status = change.status;
      render();
    }
    const alert = await refetchAlert(change);
    if (!alert) return;
    if (!known) {
      fresh.add(alert.id);
      announce(`New alert: ${alert.title}`);
    }
    alerts.set(alert.id, alert);
    render();
  }

  const stopCheck = await communicationCheck(checkArea);
  await reload();
  const stopStream = watchInbox({
    onChange,
    onOpen: reload,
    onState: (state) => { live.textContent = state === 'live' ? 'live: updates appear without reload' : 'reconnecting…'; },
  });
  const ticker = setInterval(() => {
    for (const cell of body.querySelectorAll('td.countdown')) {
      const clock = countdown(alerts.get(cell.dataset.alertId));
      cell.textContent = clock.text;
      cell.classList.toggle('overdue', clock.overdue);
    }
  }, 1000);
  return () => {
    stopStream();
    stopCheck();
    clearInterval(ticker);
  };
}
