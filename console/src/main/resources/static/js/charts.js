// Small inline-SVG charts; each comes with a caption-like title for screen readers, and the
// pages show the same figures in a table.
import { s } from './dom.js';
import { minutes } from './format.js';

const COLOURS = { honoured: '#1e6b2e', late: '#b35c00', missed: '#a4161a' };
const ROW = 28;
const LABEL = 110;
const WIDTH = 640;

/** One stacked bar per subject: honoured, late, missed. rows: [{label, figures}] */
export function outcomesChart(title, rows) {
  const height = rows.length * ROW + 40;
  const most = Math.max(1, ...rows.map((row) => row.figures.total));
  const scale = (WIDTH - LABEL - 60) / most;
  return s('svg', { class: 'chart', viewBox: `0 0 ${WIDTH} ${height}`, role: 'img', 'aria-label': title },
    s('title', {}, title),
    rows.map((row, i) => {
      let x = LABEL;
      const y = i * ROW + 4;
      const bars = ['honoured', 'late', 'missed'].map((kind) => {
        const width = row.figures[kind] * scale;
        const bar = s('rect', { x, y, width, height: ROW - 8, fill: COLOURS[kind] },
          s('title', {}, `${row.label}: ${row.figures[kind]} ${kind}`));
        x += width;
        return bar;
      });
      return [
        s('text', { x: 0, y: y + ROW / 2 }, row.label),
        bars,
        s('text', { x: x + 6, y: y + ROW / 2 }, `${row.figures.honoured}/${row.figures.late}/${row.figures.missed}`),
      ];
    }),
    legend(rows.length * ROW + 16));
}

/** Time to acknowledge, median and 90th percentile, in minutes. */
export function acknowledgeChart(title, rows) {
  const height = rows.length * ROW + 40;
  const most = Math.max(1, ...rows.map((row) => row.figures.acknowledgeP90Millis ?? 0));
  const scale = (WIDTH - LABEL - 90) / most;
  return s('svg', { class: 'chart', viewBox: `0 0 ${WIDTH} ${height}`, role: 'img', 'aria-label': title },
    s('title', {}, title),
    rows.map((row, i) => {
      const y = i * ROW + 4;
      const p50 = row.figures.acknowledgeP50Millis;
      const p90 = row.figures.acknowledgeP90Millis;
      return [
        s('text', { x: 0, y: y + ROW / 2 }, row.label),
        p90 === null ? null : s('rect', { x: LABEL, y, width: p90 * scale, height: ROW - 8, fill: '#9fb8d6' }),
        p50 === null ? null : s('rect', { x: LABEL, y: y + 5, width: p50 * scale, height: ROW - 18, fill: '#0b5cad' }),
        s('text', { x: LABEL + (p90 ?? 0) * scale + 6, y: y + ROW / 2 },
          p50 === null ? 'no acknowledgement' : `p50 ${minutes(p50)}, p90 ${minutes(p90)}`),
      ];
    }),
    s('text', { x: LABEL, y: rows.length * ROW + 26 }, 'dark: median; light: 90th percentile'));
}

function legend(y) {
  return Object.entries(COLOURS).map(([kind, colour], i) => [
    s('rect', { x: LABEL + i * 110, y: y, width: 12, height: 12, fill: colour }),
    s('text', { x: LABEL + i * 110 + 16, y: y + 11 }, kind),
  ]);
}
