import * as api from '../api.js';
import { h, field, input, select, num, date, snippet, values, showErrors, announce } from '../ui.js';

export async function searchPage() {
  const q = input('q', { type: 'search', required: true, autocomplete: 'off' });
  const form = h('form', { class: 'filters', role: 'search', 'aria-label': 'Search filings' },
    field('Search filings and documents', q),
    field('Mode', select('mode', [['hybrid', 'Hybrid'], ['keyword', 'Keyword'], ['semantic', 'Semantic']])),
    field('Form', input('form', { size: 6, placeholder: '10-K' })),
    field('Section', input('section', { size: 10, placeholder: '1A' })),
    field('From', input('from', { type: 'date' })),
    field('To', input('to', { type: 'date' })),
    h('p', { class: 'form-error', role: 'alert' }),
    h('button', { type: 'submit' }, 'Search'));
  const out = h('div', { 'aria-live': 'polite' });
  form.addEventListener('submit', async e => {
    e.preventDefault();
    showErrors(form, null);
    try {
      const results = await api.get('/api/v1/search', { ...values(form), limit: 20 });
      out.replaceChildren(h('p', { class: 'hint' }, `${results.items.length} passages, ${results.mode} search, `
        + `${num(results.took_ms, 1)} ms`),
      results.items.length ? h('ol', { class: 'hits' }, results.items.map(hit => h('li', {},
        h('a', { href: `#/documents/${hit.document_id}/chunks/${hit.chunk_index}` },
          `${hit.document_title || 'Document'}${hit.section ? ` — ${hit.section}` : ''}`),
        h('div', { class: 'meta' }, [hit.company_name, hit.form_type, date(hit.document_date),
          `score ${num(hit.score, 4)}`].filter(Boolean).join(' · ')),
        h('p', {}, snippet(hit.snippet)))))
        : h('p', { class: 'empty' }, 'No passage matches.'));
      announce(`${results.items.length} results`);
    } catch (error) { showErrors(form, error); }
  });
  queueMicrotask(() => q.focus());
  return h('div', {}, h('h1', {}, 'Search'), form, out);
}

export async function passagePage(documentId, index) {
  const p = await api.get(`/api/v1/documents/${documentId}/chunks/${index}`);
  const link = (n, text) => (n === undefined || n === null ? h('span') : h('a', { href: `#/documents/${documentId}/chunks/${n}` }, text));
  return h('article', {},
    h('p', {}, h('a', { href: '#/search', onclick: e => { e.preventDefault(); history.back(); } }, '← Back to results')),
    h('h1', {}, p.document_title || 'Document'),
    h('p', { class: 'meta' }, `${p.section || 'No section'} · passage ${p.chunk_index + 1} · characters `
      + `${p.start_offset}–${p.end_offset}`),
    h('blockquote', { class: 'passage' }, p.content),
    h('nav', { class: 'pager', 'aria-label': 'Passages' }, link(p.previous, '← Previous passage'),
      link(p.next, 'Next passage →')));
}
