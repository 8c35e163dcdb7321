import * as api from '../api.js';
import { h, field, select, table, date, section, announce } from '../ui.js';

export async function uploadsPage() {
  const type = select('job_type', [['annual', 'Annual ratios'], ['quarterly', 'Quarterly ratios']]);
  const access = select('access_level', [['organization', 'My organisation'], ['personal', 'Personal']]);
  const file = h('input', { type: 'file', name: 'file', accept: '.csv,.xlsx,text/csv', class: 'visually-hidden' });
  const drop = h('label', { class: 'dropzone', for: file.id = 'upload-file', tabindex: '-1' },
    h('strong', {}, 'Drop a CSV or XLSX file here'), h('span', {}, ' or press to choose one'));
  const template = h('button', { type: 'button' }, 'Download the template');
  template.addEventListener('click', () => api.download(`/api/v1/uploads/template${api.query({ type: type.value })}`,
    `${type.value}-template.csv`));
  const message = h('p', { class: 'form-error', role: 'alert' });
  const current = h('div', { id: 'upload-current', 'aria-live': 'polite' });
  const history = h('div');
  const send = async f => {
    if (!f) return;
    message.textContent = '';
    const body = new FormData();
    body.append('file', f);
    body.append('job_type', type.value);
    body.append('access_level', access.value);
    try {
      const job = await api.request('POST', '/api/v1/uploads', body);
      watch(job, current, () => list(history));
    } catch (error) {
      message.textContent = error.message;
    }
  };
  file.addEventListener('change', () => send(file.files[0]));
  drop.addEventListener('dragover', e => { e.preventDefault(); drop.classList.add('over'); });
  drop.addEventListener('dragleave', () => drop.classList.remove('over'));
  drop.addEventListener('drop', e => { e.preventDefault(); drop.classList.remove('over'); send(e.dataTransfer.files[0]); });
  await list(history);
  return h('div', {}, h('h1', {}, 'Uploads'),
    section('New upload', h('div', { class: 'card' }, h('div', { class: 'filters' }, field('Ratios', type),
      field('Visible to', access), template), file, drop, message)),
    current,
    section('Recent uploads', history));
}

async function list(target) {
  const page = await api.get('/api/v1/uploads', { limit: 20 });
  target.replaceChildren(table('Recent uploads', [
    ['File', j => j.original_filename], ['Type', j => j.job_type], ['Status', j => j.status],
    ['Rows', j => `${j.processed_rows} / ${j.total_rows}`], ['Stored', j => j.success_count],
    ['Errors', j => j.error_count], ['Started', j => date(j.created_at)],
    ['', j => h('button', { type: 'button', onclick: () => watch(j, document.getElementById('upload-current'),
      () => list(target)) }, 'Open')],
  ], page.items, 'No uploads yet.'));
}

// Follows a job through its server-sent events until it ends, then lists its row errors.
function watch(job, target, onEnd) {
  const bar = h('progress', { max: Math.max(1, job.total_rows), value: job.processed_rows, id: 'upload-progress',
    'aria-label': 'Rows processed' });
  const label = h('span', { class: 'progress-label' });
  const cancel = h('button', { type: 'button' }, 'Cancel');
  const errors = h('div');
  const aborter = new AbortController();
  const show = j => {
    const share = j.total_rows ? Math.round((100 * j.processed_rows) / j.total_rows) : 0;
    bar.max = Math.max(1, j.total_rows);
    bar.value = j.processed_rows;
    label.textContent = `${share}% · ${j.processed_rows} of ${j.total_rows} rows · ${j.success_count} stored · `
      + `${j.error_count} errors · ${j.status}`;
    label.dataset.percent = share;
    label.dataset.status = j.status;
    cancel.hidden = ['completed', 'failed', 'cancelled'].includes(j.status);
  };
  cancel.addEventListener('click', async () => { show(await api.post(`/api/v1/uploads/${job.id}/cancel`)); });
  show(job);
  target.replaceChildren(section(`Upload ${job.original_filename}`, h('div', { class: 'card' },
    h('div', { class: 'progress' }, bar, label), cancel, errors)));
  let last = job;
  let events = 0;
  api.events(`/api/v1/uploads/${job.id}/events`, (name, j) => {
    last = j;
    show(j);
    label.dataset.events = ++events;
  }, aborter.signal)
    .catch(() => {})
    .finally(async () => {
      if (!['completed', 'failed', 'cancelled'].includes(last.status)) {
        last = await api.get(`/api/v1/uploads/${job.id}`);
        show(last);
      }
      announce(`Upload ${last.status}`);
      await rowErrors(last, errors);
      onEnd();
    });
  window.addEventListener('hashchange', () => aborter.abort(), { once: true });
}

async function rowErrors(job, target) {
  if (!job.error_count) { target.replaceChildren(h('p', {}, 'No row errors.')); return; }
  const rows = await api.get(`/api/v1/uploads/${job.id}/errors`, { limit: 200 });
  const csv = h('button', { type: 'button', onclick: () => api.download(`/api/v1/uploads/${job.id}/errors.csv`,
    `${job.original_filename}-errors.csv`) }, 'Download errors.csv');
  target.replaceChildren(h('h3', {}, `${job.error_count} rows not stored`), csv,
    table('Row errors', [['Row', e => e.row_number], ['Column', e => e.column || '—'],
      ['Value', e => e.value ?? '—'], ['Reason', e => e.reason]], rows),
    job.error_count > rows.length ? h('p', { class: 'hint' }, `First ${rows.length} shown; errors.csv has them all.`) : null);
}
