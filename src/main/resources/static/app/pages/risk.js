import * as api from '../api.js';
import { h, field, input, select, table, num, pct, date, section, showErrors, values, busy } from '../ui.js';
import { barChart } from '../chart.js';

// The ranges of AccuNode's CHECK constraints (io.covenant.prediction.Ratio); the server checks them again.
const ANNUAL = [
  ['long_term_debt_to_total_capital', 'Long-term debt / total capital', 0, 2],
  ['total_debt_to_ebitda', 'Total debt / EBITDA', 0, 50],
  ['net_income_margin', 'Net income margin', -1, 1],
  ['ebit_to_interest_expense', 'EBIT / interest expense', 0, 100],
  ['return_on_assets', 'Return on assets', -1, 1],
];
const LABELS = Object.fromEntries(ANNUAL.map(r => [r[0], r[1]]));

export async function riskPage(me, companyId) {
  // The dashboards fill in when they arrive; the form and the list do not wait for them.
  const boards = h('div', { 'aria-busy': 'true' }, h('p', {}, 'Loading…'));
  dashboards(me).then(view => boards.replaceChildren(view))
    .catch(error => boards.replaceChildren(h('p', { class: 'form-error', role: 'alert' }, error.message)))
    .finally(() => boards.removeAttribute('aria-busy'));
  return h('div', {}, h('h1', {}, 'Default risk'),
    section('Score a company', await scoreForm(companyId)),
    section('Predictions', predictionList()),
    section('Dashboards', boards));
}

async function scoreForm(companyId) {
  const company = select('company_id', [['', 'Choose a company']], { required: true });
  if (companyId) {
    const c = await api.get(`/api/v1/companies/${companyId}`);
    company.replaceChildren(h('option', { value: c.id }, `${c.name}${c.symbol ? ` (${c.symbol})` : ''}`));
  }
  const finder = input('find', { type: 'search', placeholder: 'Type a name' });
  const find = h('button', { type: 'button' }, 'Find');
  find.addEventListener('click', async () => {
    const page = await api.get('/api/v1/companies', { name: finder.value, limit: 20 });
    company.replaceChildren(...page.items.map(c => h('option', { value: c.id }, `${c.name}${c.symbol ? ` (${c.symbol})` : ''}`)));
  });
  const year = input('reporting_year', { inputmode: 'numeric', value: String(new Date().getUTCFullYear() - 1),
    pattern: '\\d{4}', required: true });
  const ratios = ANNUAL.map(([name, label, min, max]) => field(label,
    input(name, { type: 'number', step: 'any', min, max, inputmode: 'decimal' }),
    `Between ${min} and ${max}.`));
  const access = select('access_level', [['organization', 'My organisation'], ['personal', 'Personal']]);
  const submit = h('button', { type: 'submit' }, 'Score');
  const result = h('div', { id: 'score-result', 'aria-live': 'polite' });
  const form = h('form', { class: 'card', novalidate: true, 'aria-label': 'Score a company' },
    h('p', { class: 'form-error', role: 'alert' }),
    h('div', { class: 'filters' }, field('Find a company', finder), find),
    field('Company', company), field('Reporting year', year, 'Four digits, such as 2024.'),
    h('fieldset', {}, h('legend', {}, 'Annual ratios'),
      h('p', { class: 'hint' }, 'Leave every ratio empty to score the ratios of the imported financials.'),
      h('div', { class: 'grid3' }, ratios)),
    field('Visible to', access), submit);
  form.addEventListener('submit', async e => {
    e.preventDefault();
    showErrors(form, null);
    const body = values(form);
    delete body.find;
    for (const [name] of ANNUAL) if (body[name] !== undefined) body[name] = Number(body[name]);
    try {
      const prediction = await busy(submit, api.post('/api/v1/predictions/annual', body));
      result.replaceChildren(outcome(prediction));
    } catch (error) {
      showErrors(form, error);
      result.replaceChildren();
    }
  });
  return h('div', {}, form, result);
}

function outcome(p) {
  const probability = p.probability ?? p.ensemble_probability;
  return h('div', { class: 'card result' },
    h('div', { class: 'stats' },
      stat('Probability of default', pct(probability)),
      stat('Risk level', h('span', { class: `risk risk-${p.risk_level}` }, p.risk_level)),
      stat('Confidence', pct(p.confidence)),
      stat('Company', `${p.company_name}${p.company_symbol ? ` (${p.company_symbol})` : ''}, ${p.reporting_year}`)),
    ...(p.reasons || []).map(r => h('div', { class: 'reasons' },
      barChart(`Contribution of each ratio to the ${r.model} model's log-odds (intercept ${num(r.intercept, 3)}, score ${num(r.score, 3)})`,
        Object.entries(r.contributions).sort((a, b) => Math.abs(b[1]) - Math.abs(a[1]))
          .map(([k, v]) => ({ label: LABELS[k] || k.replace(/_/g, ' '), value: v }))),
      h('p', { class: 'hint' }, 'Bars to the right raise the risk; bars to the left lower it.'))));
}

function stat(label, value) {
  return h('div', { class: 'stat' }, h('span', { class: 'stat-label' }, label), h('span', { class: 'stat-value' }, value));
}

function predictionList() {
  const form = h('form', { class: 'filters', 'aria-label': 'Filter predictions' },
    field('Kind', select('kind', [['annual', 'Annual'], ['quarterly', 'Quarterly']])),
    field('Year', input('reporting_year', { size: 5, inputmode: 'numeric' })),
    field('Risk level', select('risk_level', ['', 'Low', 'Medium', 'High'])),
    field('Sector', input('sector')),
    field('Probability from', input('probability_min', { type: 'number', step: '0.01', min: 0, max: 1 })),
    field('to', input('probability_max', { type: 'number', step: '0.01', min: 0, max: 1 })),
    h('p', { class: 'form-error', role: 'alert' }),
    h('button', { type: 'submit' }, 'Filter'));
  const out = h('div', { 'aria-live': 'polite' });
  let cursors = [null];
  const load = async () => {
    const { kind, ...filters } = values(form);
    try {
      showErrors(form, null);
      const page = await api.get(`/api/v1/predictions/${kind || 'annual'}`, { ...filters, limit: 20, cursor: cursors.at(-1) });
      const more = h('button', { type: 'button', disabled: !page.next_cursor,
        onclick: () => { cursors.push(page.next_cursor); load(); } }, 'Next');
      const back = h('button', { type: 'button', disabled: cursors.length === 1,
        onclick: () => { cursors.pop(); load(); } }, 'Previous');
      out.replaceChildren(table('Predictions', [
        ['Company', p => h('a', { href: `#/companies/${p.company_id}` }, p.company_name)],
        ['Period', p => `${p.reporting_year}${p.reporting_quarter ? ` ${p.reporting_quarter}` : ''}`],
        ['Probability', p => pct(p.probability ?? p.ensemble_probability)],
        ['Risk', p => h('span', { class: `risk risk-${p.risk_level}` }, p.risk_level)],
        ['Confidence', p => pct(p.confidence)],
        ['Scored', p => date(p.predicted_at)],
      ], page.items, 'No predictions match.'), h('nav', { class: 'pager', 'aria-label': 'Prediction pages' }, back, more));
    } catch (error) { showErrors(form, error); }
  };
  form.addEventListener('submit', e => { e.preventDefault(); cursors = [null]; load(); });
  load();
  return h('div', {}, form, out);
}

async function dashboards(me) {
  const year = String(new Date().getUTCFullYear() - 1);
  const yearInput = input('reporting_year', { value: year, size: 5, inputmode: 'numeric' });
  const controls = [field('Year', yearInput)];
  // Someone outside any organisation (a super_admin) picks the organisation whose dashboards to see.
  let organization = null;
  if (!me.organization_id) {
    const orgs = await api.get('/api/v1/organizations', { limit: 100 });
    if (!orgs.length) return h('p', { class: 'empty' }, 'No organisation to show.');
    organization = select('organization_id', orgs.map(o => [o.id, o.name]));
    controls.unshift(field('Organisation', organization));
  }
  const out = h('div', { 'aria-live': 'polite' });
  const draw = async () => {
    const org = organization ? { organization_id: organization.value } : {};
    const [summary, sectors, deviation] = await Promise.all([
      api.get('/api/v1/predictions/dashboard/summary', org),
      api.get('/api/v1/predictions/dashboard/risk-by-sector', { reporting_year: yearInput.value, ...org }),
      api.get('/api/v1/predictions/dashboard/model-deviation', org),
    ]);
    out.replaceChildren(
      h('div', { class: 'stats' },
        stat('Predictions', num(summary.total_predictions, 0)),
        stat('High risk', num(summary.high_risk_count, 0)),
        stat('Average probability', pct(summary.avg_probability)),
        stat('Last scored', date(summary.last_prediction))),
      sectors.length ? barChart(`Annual predictions by sector and risk level, ${yearInput.value}`,
        sectors.map(s => ({ label: `${s.sector || 'Unknown'} · ${s.risk_level}`, value: s.count })),
        { format: v => num(v, 0) }) : h('p', { class: 'empty' }, 'No annual predictions for this year.'),
      deviation.length ? barChart('Quarterly models: mean absolute deviation from the ensemble',
        deviation.flatMap(d => [
          { label: `${d.reporting_year} ${d.reporting_quarter} logistic`, value: Number(d.logistic_deviation) },
          { label: `${d.reporting_year} ${d.reporting_quarter} GBM`, value: Number(d.gbm_deviation) }]))
        : h('p', { class: 'empty' }, 'No quarterly predictions yet.'));
  };
  yearInput.addEventListener('change', draw);
  if (organization) organization.addEventListener('change', draw);
  await draw();
  return h('div', {}, h('div', { class: 'filters' }, controls), out);
}
