// How values read on screen: TLP chips (FIRST TLP 2.0), times, countdowns.
import { h } from './dom.js';

/** TLP:CLEAR … TLP:RED, in FIRST's colours on black. */
export function tlpChip(tlp) {
  const label = `TLP:${tlp}`;
  return h('span', { class: `tlp tlp-${tlp.toLowerCase().replace('+', '-')}`, title: tlpMeaning[tlp] ?? label }, label);
}

const tlpMeaning = {
  CLEAR: 'TLP:CLEAR: no limit on disclosure',
  GREEN: 'TLP:GREEN: the recipient\'s community, not public',
  AMBER: 'TLP:AMBER: the recipient organisation and its clients, need to know',
  'AMBER+STRICT': 'TLP:AMBER+STRICT: the recipient organisation only',
  RED: 'TLP:RED: named recipients only',
};

export function dateTime(iso) {
  if (!iso) return '—';
  return new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}

/** A <time> element reading as dateTime(). */
export function timeOf(iso) {
  return h('time', { datetime: iso }, dateTime(iso));
}

/** The earliest deadline still open (no fulfilment, no outcome), or null. */
export function nextDeadline(alert) {
  return (alert.deadlines ?? [])
    .filter((deadline) => !deadline.fulfilledAt && !deadline.outcome)
    .sort((a, b) => a.dueAt.localeCompare(b.dueAt))[0] ?? null;
}

/** "acknowledge due in 42 min 10 s", "acknowledge overdue by 3 min", or "no open deadline". */
export function countdown(alert, now = Date.now()) {
  const deadline = nextDeadline(alert);
  if (!deadline) return { text: 'no open deadline', overdue: false };
  const left = Date.parse(deadline.dueAt) - now;
  const what = deadline.commitment.replace('-', ' ');
  return left >= 0
    ? { text: `${what} due in ${duration(left)}`, overdue: false }
    : { text: `${what} overdue by ${duration(-left)}`, overdue: true };
}

export function duration(millis) {
  const seconds = Math.floor(millis / 1000);
  const days = Math.floor(seconds / 86400);
  const hours = Math.floor((seconds % 86400) / 3600);
  const minutes = Math.floor((seconds % 3600) / 60);
  if (days > 0) return `${days} d ${hours} h`;
  if (hours > 0) return `${hours} h ${String(minutes).padStart(2, '0')} min`;
  return `${minutes} min ${String(seconds % 60).padStart(2, '0')} s`;
}

export function minutes(millis) {
  return millis === null || millis === undefined ? '—' : `${Math.round(millis / 6000) / 10} min`;
}
