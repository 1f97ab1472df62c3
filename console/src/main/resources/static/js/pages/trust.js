// Trust: how the state's partners honoured their commitments on its alerts (a PoC), or every
// state's figures (operator, coordinator), as charts and as a table.
import { h } from '../dom.js';
import { get } from '../api.js';
import { outcomesChart, acknowledgeChart } from '../charts.js';
import { minutes } from '../format.js';

const PARTNERS = 'entente.trust.partners';

export async function trustPage(main, { who }) {
  const period = h('select', { id: 'trust-window' }, [['all', 'all time'], ['30d', 'last 30 days']].map(([value, text]) => h('option', { value }, text)));
  const content = h('div', { id: 'trust' });
  main.append(h('h1', {}, who.state ? `Trust: partners of ${who.state}` : 'Trust: every state'),
    h('div', { class: 'filters' }, h('div', {}, h('label', { for: 'trust-window' }, 'Window'), period)), content);
  period.addEventListener('change', () => draw());

  async function draw() {
    try {
      content.replaceChildren(...(who.state ? await partnerFigures(who.state, period.value, draw) : await allStates(period.value)));
    } catch (error) {
      content.replaceChildren(h('p', { class: 'notice problem' }, error.message));
    }
  }
  await draw();
}

async function allStates(window) {
  const answer = await get('trust', `/api/v1/trust/states?window=${window}`);
  const rows = Object.entries(answer.states).map(([state, figures]) => ({ label: state, figures }));
  return figuresOf(rows, 'How each state honoured its commitments', 'Time each state took to acknowledge');
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

function figuresOf(rows, outcomesTitle, acknowledgeTitle) {
  if (!rows.length) return [h('p', {}, 'No partner yet: add one below, or wait for alerts.')];
  return [
    h('h2', {}, outcomesTitle), outcomesChart(outcomesTitle, rows),
    h('h2', {}, acknowledgeTitle), acknowledgeChart(acknowledgeTitle, rows),
    h('h2', {}, 'Figures'),
    h('table', {},
      h('thead', {}, h('tr', {}, ['State', 'Honoured', 'Late', 'Missed', 'Honoured ratio', 'Acknowledge p50', 'p90']
        .map((title) => h('th', { scope: 'col' }, title)))),
      h('tbody', {}, rows.map(({ label, figures }) => h('tr', {},
        h('th', { scope: 'row' }, label), h('td', {}, figures.honoured), h('td', {}, figures.late), h('td', {}, figures.missed),
        h('td', {}, figures.honouredRatio === null ? '—' : `${Math.round(figures.honouredRatio * 100)} %`),
        h('td', {}, minutes(figures.acknowledgeP50Millis)), h('td', {}, minutes(figures.acknowledgeP90Millis)))))),
  ];
}
