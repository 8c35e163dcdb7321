import * as api from '../api.js';
import { h, field, input, select, table, num, date, section, announce, values } from '../ui.js';
import { lineChart } from '../chart.js';

const PAGE = 25;

export async function companiesPage() {
  const state = { offset: 0 };
  const form = h('form', { class: 'filters', role: 'search', 'aria-label': 'Find companies' },
    field('Name (spelling may be approximate)', input('name', { type: 'search', autocomplete: 'off' })),
    field('Text in name or description', input('q', { type: 'search' })),
    field('Sector', input('sector')),
    field('Country', input('country', { size: 6 })),
    field('Exchange', input('exchange', { size: 8 })),
    field('Sort by', select('sort', [['name', 'Name'], ['symbol', 'Symbol'], ['market_cap', 'Market cap'],
      ['founded_year', 'Founded'], ['created_at', 'Added']])),
    field('Order', select('order', [['asc', 'Ascending'], ['desc', 'Descending']])),
    h('button', { type: 'submit' }, 'Search'));
  const results = h('div', { 'aria-live': 'polite' });
  const load = async () => {
    const filters = values(form);
    // A fuzzy name search ranks by similarity; keep that order unless the user asked for another.
    const params = { ...filters, limit: PAGE, offset: state.offset };
    const page = await api.get('/api/v1/companies', params);
    const from = page.total === 0 ? 0 : state.offset + 1;
    const to = state.offset + page.items.length;
    const prev = h('button', { type: 'button', disabled: state.offset === 0,
      onclick: () => { state.offset = Math.max(0, state.offset - PAGE); load(); } }, 'Previous');
    const next = h('button', { type: 'button', disabled: to >= page.total,
      onclick: () => { state.offset += PAGE; load(); } }, 'Next');
    results.replaceChildren(
      table('Companies', [
        ['Name', c => h('a', { href: `#/companies/${c.id}` }, c.name)],
        ['Symbol', c => c.symbol || '—'],
        ['Sector', c => c.sector || '—'],
        ['Country', c => c.country || '—'],
        ['Exchange', c => c.exchange || '—'],
        ['Market cap', c => num(c.market_cap, 0)],
        ['Access', c => c.access_level],
      ], page.items, 'No company matches these filters.'),
      h('nav', { class: 'pager', 'aria-label': 'Pages' }, prev,
        h('span', {}, `${from}–${to} of ${page.total.toLocaleString('en-US')}`), next));
    announce(`${page.total} companies`);
  };
  form.addEventListener('submit', e => { e.preventDefault(); state.offset = 0; load(); });
  form.sort.addEventListener('change', () => form.requestSubmit());
  form.order.addEventListener('change', () => form.requestSubmit());
  await load();
  return h('div', {}, h('h1', {}, 'Companies'), form, results);
}

export async function companyPage(id) {
  const page = await api.get(`/api/v1/companies/${id}/page`, { filings: 10 });
  const c = page.company;
  const [events, reports] = await Promise.all([
    api.get('/api/v1/market-intelligence', { company_id: id, limit: 20 }),
    api.get('/api/v1/analysis-reports', { company_id: id, limit: 20 }),
  ]);
  const profile = h('dl', { class: 'profile' }, ...[
    ['Symbol', c.symbol], ['CIK', c.cik], ['Legal name', c.legal_name], ['Sector', c.sector],
    ['Industry', c.industry], ['Country', c.country], ['Exchange', c.exchange],
    ['Market cap', c.market_cap && `${num(c.market_cap, 0)} ${c.currency || ''}`],
    ['Employees', c.employee_count && num(c.employee_count, 0)], ['Founded', c.founded_year],
    ['Headquarters', c.headquarters], ['Fiscal year end', c.fiscal_year_end], ['Access', c.access_level],
  ].filter(([, v]) => v !== undefined && v !== null && v !== '').flatMap(([k, v]) => [h('dt', {}, k), h('dd', {}, v)]));
  const filings = table('Latest filings', [
    ['Form', f => f.filing_type],
    ['Filed', f => date(f.filing_date)],
    ['Period', f => date(f.period_of_report)],
    ['Document', f => (f.document_url || f.filing_url)
      ? h('a', { href: f.document_url || f.filing_url, target: '_blank', rel: 'noopener noreferrer' },
        `${f.accession_number || 'Open'} on SEC`) : '—'],
  ], page.latest_filings, 'No filings imported.');
  return h('div', {},
    h('p', {}, h('a', { href: '#/companies' }, '← Companies')),
    h('h1', {}, c.name),
    c.description ? h('p', { class: 'lead' }, c.description) : null,
    h('p', {}, h('a', { class: 'button', href: `#/risk?company=${c.id}` }, 'Score default risk')),
    h('div', { class: 'grid2' }, section('Profile', profile), section('Latest filings', filings)),
    section('Metrics', metricChart(id, page.latest_metrics)),
    section('Market intelligence', timeline(events.items)),
    section('Analysis reports', table('Analysis reports', [
      ['Title', r => r.title], ['Type', r => r.report_type], ['Status', r => r.status],
      ['Period', r => `${date(r.period_start)} – ${date(r.period_end)}`],
      ['Summary', r => r.executive_summary || '—'],
    ], reports.items, 'No analysis reports.')));
}

function metricChart(companyId, latest) {
  const types = [...new Set(latest.map(p => p.metric_type))].sort();
  if (!types.length) return h('p', { class: 'empty' }, 'No metrics recorded.');
  const metric = select('metric', types);
  const bucket = select('bucket', ['day', 'week', 'month', 'quarter', 'year'], {});
  bucket.value = 'quarter';
  const from = input('from', { type: 'date' });
  const to = input('to', { type: 'date' });
  const out = h('div', { 'aria-live': 'polite' });
  let asked = 0;
  const draw = async () => {
    const ask = ++asked;
    const shown = { metric: metric.value, bucket: bucket.value };
    const rows = await api.get(`/api/v1/companies/${companyId}/metrics/${encodeURIComponent(shown.metric)}/buckets`,
      { bucket: shown.bucket, from: from.value, to: to.value });
    // An answer to an earlier choice that arrives after a later one's is not drawn over it.
    if (ask !== asked) return;
    const label = b => labelOf(b.bucket_start, shown.bucket);
    out.replaceChildren(lineChart(`${shown.metric} by ${shown.bucket} (average)`,
      rows.map(b => ({ x: b.bucket_start, y: b.avg, bucket: b.bucket_start })), { label: p => label({ bucket_start: p.x }) }));
    out.dataset.bucket = shown.bucket;
    out.dataset.points = rows.length;
  };
  [metric, bucket, from, to].forEach(c => c.addEventListener('change', draw));
  draw();
  return h('div', {}, h('div', { class: 'filters' }, field('Metric', metric), field('Bucket', bucket),
    field('From', from), field('To', to)), out);
}

function labelOf(start, bucket) {
  const d = String(start).slice(0, 10);
  if (bucket === 'year') return d.slice(0, 4);
  if (bucket === 'quarter') return `${d.slice(0, 4)} Q${Math.floor((Number(d.slice(5, 7)) - 1) / 3) + 1}`;
  if (bucket === 'month') return d.slice(0, 7);
  return d;
}

function timeline(events) {
  if (!events.length) return h('p', { class: 'empty' }, 'No market-intelligence events.');
  return h('ol', { class: 'timeline' }, events.map(e => h('li', {},
    h('time', { datetime: e.event_date }, date(e.event_date)),
    h('strong', {}, ` ${e.title} `),
    h('span', { class: 'tag' }, e.event_type),
    e.sentiment_score !== undefined ? h('span', { class: 'tag' }, `sentiment ${num(e.sentiment_score)}`) : null,
    e.summary ? h('p', {}, e.summary) : null,
    e.source_url ? h('a', { href: e.source_url, target: '_blank', rel: 'noopener noreferrer' }, e.source || 'Source')
      : null)));
}
