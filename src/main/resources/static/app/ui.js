// Small DOM helpers: elements are built with text nodes only, so nothing from the API is ever parsed as HTML.
let ids = 0;

export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === undefined || v === null || v === false) continue;
    if (k.startsWith('on')) el.addEventListener(k.slice(2), v);
    else if (k === 'class') el.className = v;
    else if (k in el && typeof v !== 'string') el[k] = v;
    else el.setAttribute(k, v === true ? '' : v);
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const c of children.flat()) {
    if (c === undefined || c === null || c === false) continue;
    el.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
}

export function uid(prefix) { return `${prefix}-${++ids}`; }

// A labelled control with a hint and a place for its error, tied together for screen readers.
export function field(label, control, hint) {
  const id = control.id || (control.id = uid('f'));
  const hintEl = hint ? h('small', { id: `${id}-hint`, class: 'hint' }, hint) : null;
  const error = h('small', { id: `${id}-error`, class: 'error', 'aria-live': 'polite' });
  control.setAttribute('aria-describedby', [hintEl && hintEl.id, error.id].filter(Boolean).join(' '));
  return h('div', { class: 'field', 'data-field': control.name || '' }, h('label', { for: id }, label), control,
    hintEl, error);
}

export function input(name, attrs = {}) { return h('input', { name, ...attrs }); }

export function select(name, options, attrs = {}) {
  return h('select', { name, ...attrs },
    options.map(o => (Array.isArray(o) ? h('option', { value: o[0] }, o[1]) : h('option', { value: o }, o || 'Any'))));
}

export function showErrors(form, error) {
  form.querySelectorAll('.error').forEach(e => { e.textContent = ''; });
  form.querySelectorAll('[aria-invalid]').forEach(e => e.removeAttribute('aria-invalid'));
  const banner = form.querySelector('.form-error');
  if (!error) { if (banner) banner.textContent = ''; return; }
  let placed = false;
  for (const fe of error.fieldErrors ? error.fieldErrors() : []) {
    const control = form.querySelector(`[name="${CSS.escape(fe.field)}"]`);
    if (control) {
      control.setAttribute('aria-invalid', 'true');
      document.getElementById(`${control.id}-error`).textContent = fe.message;
      placed = true;
    }
  }
  if (banner) banner.textContent = placed ? 'Please correct the fields marked below.' : error.message;
}

export function values(form) {
  const out = {};
  for (const [k, v] of new FormData(form).entries()) if (typeof v === 'string' && v.trim() !== '') out[k] = v.trim();
  return out;
}

export function table(caption, columns, rows, empty = 'Nothing here yet.') {
  if (!rows.length) return h('p', { class: 'empty' }, empty);
  return h('table', {}, h('caption', {}, caption),
    h('thead', {}, h('tr', {}, columns.map(c => h('th', { scope: 'col' }, c[0])))),
    h('tbody', {}, rows.map(r => h('tr', {}, columns.map(c => h('td', {}, c[1](r)))))));
}

export function announce(text) { document.getElementById('status').textContent = text; }

export function num(v, digits = 2) {
  if (v === undefined || v === null) return '—';
  return Number(v).toLocaleString('en-US', { maximumFractionDigits: digits });
}

export function pct(v) { return v === undefined || v === null ? '—' : `${(Number(v) * 100).toFixed(1)}%`; }

export function date(v) { return v ? String(v).slice(0, 10) : '—'; }

// A snippet is HTML-escaped by the server with the query's words in <mark>: rebuild it from text nodes.
export function snippet(text) {
  const out = h('span', { class: 'snippet' });
  const parts = String(text || '').split(/(<mark>|<\/mark>)/);
  let marked = false;
  for (const p of parts) {
    if (p === '<mark>') marked = true;
    else if (p === '</mark>') marked = false;
    else if (p) out.append(marked ? h('mark', {}, unescape(p)) : unescape(p));
  }
  return out;
}

function unescape(s) {
  return s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');
}

export function section(title, ...children) {
  const id = uid('s');
  return h('section', { 'aria-labelledby': id }, h('h2', { id }, title), ...children);
}

export function busy(button, promise) {
  button.disabled = true;
  return promise.finally(() => { button.disabled = false; });
}
