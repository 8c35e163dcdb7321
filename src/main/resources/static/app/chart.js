// Hand-written SVG charts (no library): a line chart for series, horizontal bars for contributions and counts.
// Each chart has a title and a table fallback for screen readers.
import { h, num } from './ui.js';

const NS = 'http://www.w3.org/2000/svg';

function s(tag, attrs = {}, text) {
  const el = document.createElementNS(NS, tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
  if (text !== undefined) el.textContent = text;
  return el;
}

function frame(title, width, height) {
  const svg = s('svg', { viewBox: `0 0 ${width} ${height}`, role: 'img', 'aria-label': title, class: 'chart' });
  svg.append(s('title', {}, title));
  return svg;
}

function fallback(title, rows) {
  return h('table', { class: 'visually-hidden' }, h('caption', {}, title),
    h('tbody', {}, rows.map(([k, v]) => h('tr', {}, h('th', { scope: 'row' }, k), h('td', {}, v)))));
}

const compact = new Intl.NumberFormat('en-US', { notation: 'compact', maximumFractionDigits: 2 });

export function lineChart(title, points, { label = p => p.x, format = v => compact.format(v) } = {}) {
  const W = 640; const H = 240; const L = 56; const B = 32; const T = 12; const R = 28;
  const svg = frame(title, W, H);
  if (!points.length) return h('p', { class: 'empty' }, 'No data for this metric and period.');
  const ys = points.map(p => p.y);
  let lo = Math.min(...ys); let hi = Math.max(...ys);
  if (lo === hi) { lo -= 1; hi += 1; }
  const x = i => L + (points.length === 1 ? (W - L - R) / 2 : (i * (W - L - R)) / (points.length - 1));
  const y = v => T + (H - T - B) * (1 - (v - lo) / (hi - lo));
  for (let k = 0; k <= 4; k++) {
    const v = lo + ((hi - lo) * k) / 4;
    svg.append(s('line', { x1: L, x2: W - R, y1: y(v), y2: y(v), class: 'grid' }));
    svg.append(s('text', { x: L - 6, y: y(v) + 4, 'text-anchor': 'end', class: 'axis' }, format(v)));
  }
  svg.append(s('polyline', { points: points.map((p, i) => `${x(i)},${y(p.y)}`).join(' '), class: 'line' }));
  const step = Math.max(1, Math.ceil(points.length / 8));
  points.forEach((p, i) => {
    svg.append(s('circle', { cx: x(i), cy: y(p.y), r: 3, class: 'dot' }, undefined));
    svg.lastChild.append(s('title', {}, `${label(p)}: ${format(p.y)}`));
    if (i % step === 0) svg.append(s('text', { x: x(i), y: H - 10, 'text-anchor': 'middle', class: 'axis' }, label(p)));
  });
  return h('figure', { class: 'figure' }, svg, fallback(title, points.map(p => [label(p), format(p.y)])));
}

// Bars from a zero line: negative values go left (lower risk), positive right (higher risk).
export function barChart(title, bars, { format = v => num(v, 3) } = {}) {
  const W = 640; const row = 26; const LBL = 230; const H = bars.length * row + 16;
  const svg = frame(title, W, H);
  const max = Math.max(1e-9, ...bars.map(b => Math.abs(b.value)));
  const anyNegative = bars.some(b => b.value < 0);
  const zero = anyNegative ? LBL + (W - LBL - 70) / 2 : LBL;
  const span = anyNegative ? (W - LBL - 70) / 2 : W - LBL - 70;
  svg.append(s('line', { x1: zero, x2: zero, y1: 4, y2: H - 4, class: 'axis-line' }));
  bars.forEach((b, i) => {
    const len = (Math.abs(b.value) / max) * span;
    const yy = 8 + i * row;
    svg.append(s('text', { x: LBL - 8, y: yy + 14, 'text-anchor': 'end', class: 'axis' }, b.label));
    svg.append(s('rect', { x: b.value < 0 ? zero - len : zero, y: yy + 2, width: Math.max(1, len), height: row - 8,
      class: b.value < 0 ? 'bar negative' : 'bar positive', 'data-label': b.label }));
    svg.append(s('text', { x: b.value < 0 ? zero - len - 4 : zero + len + 4, y: yy + 14,
      'text-anchor': b.value < 0 ? 'end' : 'start', class: 'value' }, format(b.value)));
  });
  return h('figure', { class: 'figure' }, svg, fallback(title, bars.map(b => [b.label, format(b.value)])));
}
