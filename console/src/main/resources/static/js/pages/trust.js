// Trust: how the state's partners honoured their commitments on its alerts (a PoC), or every
// state's figures (operator, coordinator), as charts and as a table. Apart from them, and never
// added to them, how the state's (or every state's) primary contact answered communication checks.
import { h } from '../dom.js';
import { get } from '../api.js';
import { outcomesChart, acknowledgeChart } from '../charts.js';
import { minutes } from '../format.js';

const PARTNERS = 'entente.trust.partners';

export async function trustPage(main, { who }) {
  const period = h('select', { id: 'trust-window' }, [['all', 'all time'], ['30d', 'last 30 days']].map(([value, text]) => h('option', { value }, text)));
  const commitments = h('div', { id: 'trust' });
  const checks = h('div', { id: 'communication-check-figures' });
  main.append(h('h1', {}, who.state ? `Trust: partners of ${who.state}` : 'Trust: every state'),
    h('div', { class: 'filters' }, h('div', {}, h('label', { for: 'trust-window' }, 'Window'), period)), commitments,
    h('section', { id: 'communication-checks', 'aria-labelledby': 'communication-checks-title' },
      h('h2', { id: 'communication-checks-title' }, 'Communication checks'),
      h('p', { class: 'hint' }, 'Scheduled test alerts from the hub to each state\'s primary point of contact, no incident; '
        + 'counted apart from the commitments on alerts.'),
      checks));
  period.addEventListener('change', () => draw());

  async function draw() {
    await Promise.all([
      fill(commitments, () => (who.state ? partnerFigures(who.state, period.value, draw) : allStates(period.value))),
      fill(checks, () => communicationCheckFigures(who.state, period.value)),
    ]);
  }
  await draw();
}

/** Replaces element's content with what build() makes, or with the problem that stopped it. */
async function fill(element, build) {
  try {
    element.replaceChildren(...(await build()));
  } catch (error) {
    element.replaceChildren(h('p', { class: 'notice problem' }, error.message));
  }
}

async function allStates(window) {
  const answer = await get('trust', `/api/v1/trust/states?window=${window}`);
  return figuresOf(rowsOf(answer.states), 'How each state honoured its commitments', 'Time each state took to acknowledge');
}

/** Partners: those remembered in this browser, and the reporting and affected states of the inbox. */
async function partnerFigures(state, window, redraw) {
  const remembered = JSON.parse(localStorage.getItem(PARTNERS) ?? '[]');
  const inbox = await get('notification', '/api/v1/alerts').catch(() => []);
  const partners = [...new Set([...remembered, ...inbox.flatMap((alert) => [alert.reportingState, ...(alert.affectedStates ?? [])])])]
    .filter((code) => code && code !== state).sort();
  const own = await get('trust', `/api/v1/trust/states/${state}?window=${window}`);
  const rows = await Promise.all(partners.map(async (partner) => ({
    label: partner,
    figures: (await get('trust', `/api/v1/trust/pairs/${state}/${partner}?window=${window}`)).figures,
  })));
  const add = h('input', { id: 'add-partner', maxlength: 2, size: 3, autocomplete: 'off' });
  return [
    h('p', {}, `${state} itself: ${own.figures.honoured} honoured, ${own.figures.late} late, ${own.figures.missed} missed; `
      + `time to acknowledge p50 ${minutes(own.figures.acknowledgeP50Millis)}.`),
    ...figuresOf(rows, `How partners honoured their commitments on alerts from ${state}`, `Time partners took to acknowledge alerts from ${state}`),
    h('form', {
      class: 'filters',
      onsubmit: (event) => {
        event.preventDefault();
        const code = add.value.trim().toUpperCase();
        if (/^[A-Z]{2}$/.test(code)) localStorage.setItem(PARTNERS, JSON.stringify([...new Set([...remembered, code])]));
        redraw();
      },
    }, h('div', {}, h('label', { for: 'add-partner' }, 'Add a partner state'), add), h('button', { type: 'submit' }, 'Add')),
  ];
}

/** A PoC: its own state's figures; hub roles: every state's. */
async function communicationCheckFigures(state, window) {
  const rows = state ? await ownChecks(state, window) : await everyStatesChecks(window);
  return rows.some((row) => row.figures.total > 0)
    ? [figuresTable('How primary contacts answered communication checks', rows)]
    : [h('p', {}, 'No communication check decided yet.')];
}

async function ownChecks(state, window) {
  const answer = await get('trust', `/api/v1/trust/communication-checks/${state}?window=${window}`);
  return [{ label: state, figures: answer.figures }];
}

async function everyStatesChecks(window) {
  const answer = await get('trust', `/api/v1/trust/communication-checks?window=${window}`);
  return rowsOf(answer.states);
}

/** {code: figures} as rows, one per state. */
function rowsOf(states) {
  return Object.entries(states).map(([state, figures]) => ({ label: state, figures }));
}

function figuresOf(rows, outcomesTitle, acknowledgeTitle) {
  if (!rows.length) return [h('p', {}, 'No partner yet: add one below, or wait for alerts.')];
  return [
    h('h2', {}, outcomesTitle), outcomesChart(outcomesTitle, rows),
    h('h2', {}, acknowledgeTitle), acknowledgeChart(acknowledgeTitle, rows),
    h('h2', {}, 'Figures'),
    figuresTable('Commitments honoured, late and missed, and time to acknowledge', rows),
  ];
}

function figuresTable(caption, rows) {
  return h('table', {},
    h('caption', { class: 'visually-hidden' }, caption),
    h('thead', {}, h('tr', {}, ['State', 'Honoured', 'Late', 'Missed', 'Honoured ratio', 'Acknowledge p50', 'p90']
      .map((title) => h('th', { scope: 'col' }, title)))),
    h('tbody', {}, rows.map(({ label, figures }) => h('tr', {},
      h('th', { scope: 'row' }, label), h('td', {}, figures.honoured), h('td', {}, figures.late), h('td', {}, figures.missed),
      h('td', {}, figures.honouredRatio === null ? '—' : `${Math.round(figures.honouredRatio * 100)} %`),
      h('td', {}, minutes(figures.acknowledgeP50Millis)), h('td', {}, minutes(figures.acknowledgeP90Millis))))));
}
