// The router: hash routes (#/companies, #/companies/{id}, ...) so the server only ever serves index.html.
import * as api from './api.js';
import { h, announce } from './ui.js';
import { signInPage } from './pages/signin.js';
import { companiesPage, companyPage } from './pages/companies.js';
import { riskPage } from './pages/risk.js';
import { uploadsPage } from './pages/uploads.js';
import { searchPage, passagePage } from './pages/search.js';
import { adminPage, isAdmin } from './pages/admin.js';

const main = document.getElementById('main');
const nav = document.getElementById('nav');
const who = document.getElementById('who');
const signout = document.getElementById('signout');
let me = null;

const routes = [
  [/^#\/companies\/([0-9a-f-]{36})$/, id => companyPage(id, me)],
  [/^#\/companies$/, () => companiesPage(me)],
  [/^#\/risk(?:\?company=([0-9a-f-]{36}))?$/, id => riskPage(me, id)],
  [/^#\/uploads$/, () => uploadsPage(me)],
  [/^#\/search$/, () => searchPage(me)],
  [/^#\/documents\/([0-9a-f-]{36})\/chunks\/(\d+)$/, (id, n) => passagePage(id, Number(n))],
  [/^#\/admin$/, () => adminPage(me)],
];

async function render() {
  if (!api.signedIn()) {
    me = null;
    showChrome();
    main.replaceChildren(signInPage(async () => { await loadMe(); location.hash = '#/companies'; render(); }));
    return;
  }
  if (!me) {
    try { await loadMe(); } catch { me = null; return render(); }
  }
  const hash = location.hash || '#/companies';
  for (const [pattern, page] of routes) {
    const m = hash.match(pattern);
    if (!m) continue;
    if (hash === '#/admin' && !isAdmin(me)) break;
    markCurrent(hash);
    main.replaceChildren(h('p', {}, 'Loading…'));
    try {
      const view = await page(...m.slice(1));
      main.replaceChildren(view);
    } catch (e) {
      main.replaceChildren(h('p', { class: 'form-error', role: 'alert' }, e.status === 404
        ? 'Not found, or not yours to see.' : `Something went wrong: ${e.message}`));
    }
    const heading = main.querySelector('h1');
    if (heading) { document.title = `${heading.textContent} · Covenant`; announce(heading.textContent); }
    main.focus({ preventScroll: true });
    return;
  }
  location.hash = '#/companies';
}

async function loadMe() {
  me = await api.get('/api/v1/users/me');
  showChrome();
}

function showChrome() {
  nav.hidden = !me;
  signout.hidden = !me;
  who.textContent = me ? `${me.email} (${me.role.replace('_', ' ')})` : '';
  nav.querySelectorAll('[data-role="admin"]').forEach(a => { a.hidden = !isAdmin(me); });
}

function markCurrent(hash) {
  nav.querySelectorAll('a').forEach(a => {
    if (hash.startsWith(a.getAttribute('href'))) a.setAttribute('aria-current', 'page');
    else a.removeAttribute('aria-current');
  });
}

signout.addEventListener('click', async () => {
  await api.signOut().catch(() => {});
  me = null;
  location.hash = '';
  render();
});
window.addEventListener('covenant:signed-out', () => { if (!api.signedIn()) render(); });
window.addEventListener('hashchange', render);
render();
