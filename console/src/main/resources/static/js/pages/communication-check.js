// The state's communication check, above the inbox's alerts: a scheduled test from the hub to the
// primary point of contact, no incident. The open check is a card to acknowledge; the last decided
// one reads quietly. The alert stream does not announce checks, so they are read every minute.
import { h, fact } from '../dom.js';
import { get, post } from '../api.js';
import { duration, timeOf } from '../format.js';
import { refetchUntil } from './refetch.js';

const CHECKS = '/api/v1/communication-checks';
const POLL = 60000;

/** Shows the state's checks in container, kept current; returns what stops it. */
export async function communicationCheck(container) {
  const feedback = h('p', { id: 'communication-check-feedback', role: 'status' });
  // The check acknowledged here stays in the card once decided, with what became of it.
  let acknowledgedHere = null;

  function show(checks) {
    const inCard = checks.find((check) => check.status === 'open' || check.id === acknowledgedHere);
    const last = checks.find((check) => check.status !== 'open' && check !== inCard);
    container.replaceChildren(...[inCard && checkCard(inCard, feedback, acknowledge), last && lastCheck(last)].filter(Boolean));
  }

  async function reload() {
    try {
      show(await get('notification', CHECKS));
    } catch (error) {
      container.replaceChildren(h('p', { class: 'error' }, `Communication check: ${error.message}`));
    }
  }

  async function acknowledge(check) {
    acknowledgedHere = check.id;
    try {
      await post('notification', `${CHECKS}/${encodeURIComponent(check.id)}/acknowledgement`);
      feedback.replaceChildren(h('span', { class: 'notice success' }, 'Acknowledgement recorded.'));
      show(await refetchUntil(() => get('notification', CHECKS), (checks) => isDecided(checks, check.id)));
    } catch (error) {
      // A 409 says the check was missed meanwhile: the reloaded card shows it.
      feedback.replaceChildren(h('span', { class: 'error' }, error.message));
      await reload();
    }
  }

  await reload();
  const poll = setInterval(reload, POLL);
  return () => clearInterval(poll);
}

function isDecided(checks, id) {
  return checks.some((check) => check.id === id && check.status !== 'open');
}

function checkCard(check, feedback, acknowledge) {
  const open = check.status === 'open';
  return h('section', { id: 'communication-check', class: 'check-card', 'data-check-id': check.id, 'aria-labelledby': 'communication-check-title' },
    h('h2', { id: 'communication-check-title' }, 'Communication check — a test from the hub, no incident'),
    open ? h('p', { class: 'hint' }, 'Acknowledge it to show that your primary point of contact is reachable: '
      + 'by the due time it counts as honoured, after it as late.') : null,
    h('dl', { class: 'facts' },
      fact('Sent', timeOf(check.sentAt)),
      fact('Due', timeOf(check.dueAt)),
      check.acknowledgedAt ? fact('Acknowledged', [timeOf(check.acknowledgedAt), ` by ${check.acknowledgedBy}`]) : null,
      fact('Status', h('span', { id: 'communication-check-status', class: `status status-${check.status}` }, result(check)))),
    h('div', { class: 'actions' },
      open ? h('button', {
        type: 'button',
        id: 'acknowledge-check',
        'aria-describedby': 'communication-check-title',
        onclick: (event) => {
          event.currentTarget.disabled = true;
          acknowledge(check);
        },
      }, 'Acknowledge') : null,
      feedback));
}

function lastCheck(check) {
  return h('p', { id: 'communication-check-last', class: 'check-last' },
    'Last communication check (sent ', timeOf(check.sentAt), `): ${result(check)}.`);
}

/** "open", "missed", or "honoured in 12 min 03 s" from sending to acknowledgement. */
function result(check) {
  return check.acknowledgedAt
    ? `${check.status} in ${duration(Date.parse(check.acknowledgedAt) - Date.parse(check.sentAt))}`
    : check.status;
}
