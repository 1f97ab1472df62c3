// The console: a hash router over pages; each page renders into <main> and returns what stops it.
import { h } from './dom.js';
import { loadConfig } from './api.js';
import { user, signOut } from './session.js';
import { signInPage } from './pages/sign-in.js';
import { inboxPage } from './pages/inbox.js';
import { alertPage } from './pages/alert.js';
import { reportPage } from './pages/report.js';
import { trustPage } from './pages/trust.js';
import { statesPage, contactsPage, agreementsPage, networkPage } from './pages/coordinator.js';

const pages = [
  { path: /^\/sign-in$/, page: signInPage, public: true },
  { path: /^\/inbox$/, page: inboxPage, label: 'Inbox', href: '#/inbox', roles: ['poc'] },
  { path: /^\/alerts\/([^/]+)$/, page: alertPage, roles: ['poc'] },
  { path: /^\/report$/, page: reportPage, label: 'Report', href: '#/report', roles: ['poc'] },
  { path: /^\/trust$/, page: trustPage, label: 'Trust', href: '#/trust', roles: ['poc', 'operator', 'coordinator'] },
  { path: /^\/states$/, page: statesPage, label: 'States', href: '#/states', roles: ['coordinator'] },
  { path: /^\/contacts$/, page: contactsPage, label: 'Contacts', href: '#/contacts', roles: ['coordinator'] },
  { path: /^\/agreements$/, page: agreementsPage, label: 'Agreements', href: '#/agreements', roles: ['coordinator'] },
  { path: /^\/network$/, page: networkPage, label: 'Network', href: '#/network', roles: ['coordinator'] },
];

let config;
let stop = () => {};

function allowed(entry, who) {
  return entry.public || (who && entry.roles.some((role) => who.roles.includes(role)));
}

/** The first page of a role: the inbox for a PoC, the states for the coordinator, trust otherwise. */
export function home(who = user()) {
  return pages.find((entry) => entry.href && allowed(entry, who))?.href ?? '#/sign-in';
}

function renderChrome(current) {
  const who = user();
  const nav = document.getElementById('nav');
  const links = pages.filter((entry) => entry.href && allowed(entry, who));
  nav.replaceChildren(h('ul', {}, links.map((entry) =>
    h('li', {}, h('a', { href: entry.href, 'aria-current': entry === current ? 'page' : null }, entry.label)))));
  const whoBox = document.getElementById('who');
  whoBox.replaceChildren(...(who ? [
    h('span', {}, `${who.state ? `${who.state} · ` : ''}${who.roles.join(', ')} (${who.subject})`),
    h('button', { type: 'button', onclick: () => { signOut(); location.hash = '#/sign-in'; } }, 'Sign out'),
  ] : []));
}

async function route() {
  stop();
  stop = () => {};
  const path = location.hash.replace(/^#/, '') || '/';
  const who = user();
  const entry = pages.find((candidate) => candidate.path.test(path));
  if (!entry || !allowed(entry, who)) {
    location.replace(who ? home(who) : '#/sign-in');
    return;
  }
  renderChrome(entry);
  const main = document.getElementById('main');
  main.replaceChildren();
  const params = path.match(entry.path).slice(1).map(decodeURIComponent);
  stop = (await entry.page(main, { config, params, who })) ?? (() => {});
  document.title = `${main.querySelector('h1')?.textContent ?? 'Console'} · Entente`;
}

async function start() {
  config = await loadConfig();
  document.getElementById('exposure').hidden = !config.listensBeyondLoopback;
  window.addEventListener('hashchange', route);
  await route();
}

start();
