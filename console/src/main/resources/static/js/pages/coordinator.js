// The coordinator's pages: states, contact chains, agreements, and the agreement network.
import { h, s } from '../dom.js';
import { get } from '../api.js';
import { tlpChip, dateTime } from '../format.js';

export async function statesPage(main) {
  main.append(h('h1', {}, 'States'));
  const states = await loaded(main, () => get('notification', '/api/v1/reference/states'));
  if (!states) return;
  main.append(table(['Code', 'Name'], states.map((state) => [state.code, state.name])));
}

export async function contactsPage(main) {
  main.append(h('h1', {}, 'Contact chains'),
    h('p', { class: 'hint' }, 'An unacknowledged alert escalates down the chain at each acknowledgement deadline.'));
  const chains = await loaded(main, async () => {
    const states = await get('notification', '/api/v1/reference/states');
    return Promise.all(states.map((state) => get('notification', `/api/v1/reference/contacts/${state.code}`)
      .catch((error) => (error.status === 404 ? { state: state.code, chain: [] } : Promise.reject(error)))));
  });
  if (!chains) return;
  for (const { state, chain } of chains) {
    main.append(h('h2', {}, state), chain.length
      ? h('ol', {}, chain.map((contact) => h('li', {}, `${contact.name} (${contact.id}): `,
        contact.channels.map((channel) => (channel.address ? `${channel.type} ${channel.address}` : channel.type)).join(', '))))
      : h('p', {}, 'No contact chain.'));
  }
}

export async function agreementsPage(main) {
  main.append(h('h1', {}, 'Agreements'));
  const agreements = await loaded(main, () => get('notification', '/api/v1/reference/agreements'));
  if (!agreements) return;
  main.append(table(['Agreement', 'Parties', 'Scope', 'Sharing', 'Commitments', 'Valid', 'Status'], agreements.map((a) => [
    h('span', {}, h('strong', {}, `${a.id} v${a.version}`), h('br'), a.title),
    a.parties.join(', '),
    `${a.sectors.join(', ')}; ${a.incidentClasses.join(', ')}; severity ≥ ${a.minimumSeverity}`,
    h('span', {}, 'up to ', tlpChip(a.maxTlp), ' ', a.dataCategories.join(', '),
      a.personalDataLegalBasis ? ` (personal data under ${a.personalDataLegalBasis})` : ''),
    (a.commitments ?? []).map((c) => `${c.kind} within ${c.within}`).join('; ') || '—',
    `${dateTime(a.validFrom)} – ${a.validUntil ? dateTime(a.validUntil) : 'open'}`,
    a.status,
  ])));
}

/** States on a circle; a bilateral agreement is a line, a group agreement a square linked to its parties. */
export async function networkPage(main) {
  main.append(h('h1', {}, 'Agreement network'));
  const data = await loaded(main, async () => ({
    states: await get('notification', '/api/v1/reference/states'),
    agreements: await get('notification', '/api/v1/reference/agreements'),
  }));
  if (!data) return;
  const size = 560;
  const centre = size / 2;
  const radius = size / 2 - 60;
  const at = new Map(data.states.map((state, i) => {
    const angle = (2 * Math.PI * i) / data.states.length - Math.PI / 2;
    return [state.code, { x: centre + radius * Math.cos(angle), y: centre + radius * Math.sin(angle) }];
  }));
  const active = data.agreements.filter((a) => a.status === 'active' && a.parties.every((party) => at.has(party)));
  const links = active.map((agreement, i) => {
    const points = agreement.parties.map((party) => at.get(party));
    const label = `${agreement.id} v${agreement.version}: ${agreement.parties.join(', ')}`;
    if (points.length === 2) {
      return s('line', { x1: points[0].x, y1: points[0].y, x2: points[1].x, y2: points[1].y, stroke: hue(i), 'stroke-width': 3 },
        s('title', {}, label));
    }
    const hub = { x: points.reduce((sum, p) => sum + p.x, 0) / points.length, y: points.reduce((sum, p) => sum + p.y, 0) / points.length };
    return s('g', {}, s('title', {}, label),
      points.map((p) => s('line', { x1: hub.x, y1: hub.y, x2: p.x, y2: p.y, stroke: hue(i), 'stroke-width': 2, 'stroke-dasharray': '6 3' })),
      s('rect', { x: hub.x - 6, y: hub.y - 6, width: 12, height: 12, fill: hue(i) }));
  });
  const nodes = data.states.map((state) => {
    const p = at.get(state.code);
    return s('g', {}, s('title', {}, state.name),
      s('circle', { cx: p.x, cy: p.y, r: 22, fill: '#102a43' }),
      s('text', { x: p.x, y: p.y + 5, 'text-anchor': 'middle', fill: '#ffffff', 'font-weight': 700 }, state.code));
  });
  main.append(
    s('svg', { class: 'chart', id: 'network', viewBox: `0 0 ${size} ${size}`, role: 'img',
      'aria-label': `${data.states.length} states and ${active.length} active agreements` }, links, nodes),
    h('h2', {}, 'Legend'),
    h('ul', {}, active.map((agreement, i) => h('li', {},
      s('svg', { width: 14, height: 14, 'aria-hidden': 'true' }, s('rect', { width: 14, height: 14, fill: hue(i) })),
      ` ${agreement.id} v${agreement.version} (${agreement.parties.length === 2 ? 'bilateral' : 'group'}): ${agreement.parties.join(', ')}`))));
}

async function loaded(main, load) {
  try {
    return await load();
  } catch (error) {
    main.append(h('p', { class: 'notice problem' }, error.message));
    return null;
  }
}

function table(headings, rows) {
  return h('table', {},
    h('thead', {}, h('tr', {}, headings.map((heading) => h('th', { scope: 'col' }, heading)))),
    h('tbody', {}, rows.map((cells) => h('tr', {}, cells.map((cell) => h('td', {}, cell))))));
}

function hue(i) {
  return `hsl(${(i * 67) % 360} 70% 35%)`;
}
