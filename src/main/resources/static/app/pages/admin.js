import * as api from '../api.js';
import { h, field, input, select, table, date, section, showErrors, values, announce } from '../ui.js';

const ADMINS = ['org_admin', 'tenant_admin', 'super_admin'];
const PERMISSIONS = ['companies:read', 'companies:write', 'predictions:read', 'predictions:write', 'uploads:create',
  'uploads:read', 'documents:read', 'documents:write', 'intelligence:read', 'intelligence:write', 'audit:read',
  'api_keys:manage'];

export function isAdmin(me) { return !!me && ADMINS.includes(me.role); }

export async function adminPage(me) {
  const orgs = await api.get('/api/v1/organizations', { limit: 100 });
  const parts = [h('h1', {}, 'Administration'),
    section('Organisations', table('Organisations', [
      ['Name', o => o.name], ['Domain', o => o.domain || '—'], ['Joining', o => (o.join_enabled ? 'open' : 'closed')],
      ['Default role', o => o.default_role], ['Seats', o => o.max_users ?? '—'], ['Created', o => date(o.created_at)],
    ], orgs, 'No organisation within reach.'))];
  const org = orgs.find(o => o.id === me.organization_id) || orgs[0];
  if (org) {
    const people = await members(org, me);
    parts.push(section(`Members of ${org.name}`, people));
    parts.push(section('Invitations', invitations(org, people.refresh)));
  }
  if (me.permissions.includes('api_keys:manage')) parts.push(section('API keys', await apiKeys(me)));
  if (me.permissions.includes('audit:read')) parts.push(section('Audit log', auditLog()));
  return h('div', {}, ...parts);
}

async function members(org, me) {
  const out = h('div');
  const draw = async () => {
    const people = await api.get(`/api/v1/organizations/${org.id}/members`);
    const grantForm = h('form', { class: 'filters', 'aria-label': 'Grant or revoke a permission' },
      field('Member', select('user', people.map(p => [p.id, p.email]))),
      field('Permission', select('permission', PERMISSIONS)),
      h('button', { type: 'submit', value: 'grant' }, 'Grant'),
      h('button', { type: 'submit', value: 'revoke' }, 'Revoke'),
      h('p', { class: 'form-error', role: 'alert' }));
    grantForm.addEventListener('submit', async e => {
      e.preventDefault();
      const { user, permission } = values(grantForm);
      const path = `/api/v1/users/${user}/permissions/${encodeURIComponent(permission)}`;
      try {
        await (e.submitter.value === 'grant' ? api.put(path) : api.del(path));
        announce(`Permission ${permission} ${e.submitter.value === 'grant' ? 'granted' : 'revoked'}`);
        draw();
      } catch (error) { showErrors(grantForm, error); }
    });
    out.replaceChildren(table('Members', [
      ['Email', p => p.email], ['Name', p => [p.first_name, p.last_name].filter(Boolean).join(' ') || '—'],
      ['Role', p => roleControl(org, p, me, draw)], ['Permissions', p => p.permissions.slice().sort().join(', ')],
      ['Last sign-in', p => date(p.last_login)],
      ['', p => (p.id === me.id ? '' : h('button', { type: 'button', 'aria-label': `Remove ${p.email}`, onclick: async () => {
        await api.del(`/api/v1/organizations/${org.id}/members/${p.id}`); draw(); } }, 'Remove'))],
    ], people), h('h3', {}, 'Permissions'), grantForm);
  };
  await draw();
  out.refresh = draw;
  return out;
}

function roleControl(org, person, me, redraw) {
  if (person.id === me.id) return person.role;
  const control = select('role', ['user', 'org_member', 'org_admin'], { 'aria-label': `Role of ${person.email}` });
  control.value = person.role;
  control.addEventListener('change', async () => {
    await api.put(`/api/v1/organizations/${org.id}/members/${person.id}`, { role: control.value }).catch(() => {});
    redraw();
  });
  return control;
}

function invitations(org, membersChanged) {
  const token = h('output', { id: 'join-token', class: 'secret' });
  const email = input('email', { type: 'email', autocomplete: 'off' });
  const role = select('role', [['org_member', 'Member'], ['user', 'User'], ['org_admin', 'Administrator']]);
  const result = h('p', { role: 'status' });
  const form = h('form', { class: 'filters', 'aria-label': 'Invite a member', novalidate: true },
    field('Email to invite', email, 'Allowed to join with the invitation token; an existing account is added now.'),
    field('Role', role), h('button', { type: 'submit' }, 'Invite'), h('p', { class: 'form-error', role: 'alert' }));
  form.addEventListener('submit', async e => {
    e.preventDefault();
    showErrors(form, null);
    const address = email.value.trim().toLowerCase();
    try {
      const current = await api.get(`/api/v1/organizations/${org.id}`);
      const allowed = [...new Set([...(current.allowed_emails || []), address])];
      await api.put(`/api/v1/organizations/${org.id}`, commandOf(current, { allowed_emails: allowed, join_enabled: true }));
      try {
        await api.post(`/api/v1/organizations/${org.id}/members`, { email: address, role: role.value });
        result.textContent = `${address} was added to ${org.name}.`;
        await membersChanged();
      } catch (error) {
        if (error.status !== 422) throw error;
        result.textContent = `${address} may now join with an invitation token.`;
      }
    } catch (error) { showErrors(form, error); }
  });
  const issue = h('button', { type: 'button', onclick: async () => {
    const view = await api.post(`/api/v1/organizations/${org.id}/join-token`);
    token.textContent = view.join_token;
    announce('A new invitation token was issued; it is shown once.');
  } }, 'Issue a new invitation token');
  return h('div', { class: 'card' }, form, result, issue,
    h('p', { class: 'hint' }, 'The token is shown once; issuing a new one stops the old one.'), token);
}

function commandOf(org, changes) {
  const keys = ['name', 'domain', 'description', 'industry', 'size_category', 'tenant_id', 'join_enabled',
    'default_role', 'allowed_email_domains', 'allowed_emails', 'max_users'];
  return { ...Object.fromEntries(keys.filter(k => org[k] !== undefined).map(k => [k, org[k]])), ...changes };
}

async function apiKeys(me) {
  const out = h('div');
  const shown = h('div', { 'aria-live': 'polite' });
  const scopes = h('fieldset', {}, h('legend', {}, 'Scopes'), h('div', { class: 'checks' },
    me.permissions.slice().sort().map(p => h('label', {}, h('input', { type: 'checkbox', name: 'scopes', value: p,
      checked: p.endsWith(':read') }), ` ${p}`))));
  const form = h('form', { class: 'card', 'aria-label': 'Create an API key', novalidate: true },
    h('p', { class: 'form-error', role: 'alert' }),
    h('div', { class: 'filters' }, field('Key name', input('name', { required: true, maxlength: 100 })),
      field('Expires', input('expires_at', { type: 'date' }))), scopes, h('button', { type: 'submit' }, 'Create key'));
  const draw = async () => {
    const keys = await api.get('/api/v1/api-keys');
    out.replaceChildren(table('API keys', [
      ['Name', k => k.name], ['Prefix', k => k.key_prefix], ['Scopes', k => k.scopes.slice().sort().join(', ')],
      ['Expires', k => date(k.expires_at)], ['Last used', k => date(k.last_used_at)],
      ['Status', k => (k.revoked_at ? `revoked ${date(k.revoked_at)}` : 'active')],
      ['', k => (k.revoked_at ? '' : h('button', { type: 'button', 'aria-label': `Revoke ${k.name}`, onclick: async () => {
        await api.del(`/api/v1/api-keys/${k.id}`); announce(`Key ${k.name} revoked`); draw(); } }, 'Revoke'))],
    ], keys, 'No API keys.'));
  };
  form.addEventListener('submit', async e => {
    e.preventDefault();
    showErrors(form, null);
    const body = { name: form.name.value.trim(),
      scopes: [...form.querySelectorAll('[name="scopes"]:checked')].map(c => c.value) };
    if (form.expires_at.value) body.expires_at = `${form.expires_at.value}T23:59:59Z`;
    try {
      const key = await api.post('/api/v1/api-keys', body);
      shown.replaceChildren(h('div', { class: 'card secret-box', role: 'alert' },
        h('p', {}, `Copy the key "${key.name}" now: it is not shown again.`), h('output', { class: 'secret', id: 'new-api-key' }, key.key)));
      form.reset();
      draw();
    } catch (error) { showErrors(form, error); }
  });
  await draw();
  return h('div', {}, form, shown, out);
}

function auditLog() {
  const form = h('form', { class: 'filters', 'aria-label': 'Filter the audit log' },
    field('Entity type', select('entity_type', ['', 'api_key', 'organization', 'user', 'user_permissions',
      'company', 'company_metrics', 'market_intelligence', 'analysis_report', 'bulk_upload_job', 'document'])),
    field('Action', select('action', ['', 'CREATE', 'UPDATE', 'DELETE', 'LOGIN', 'LOGOUT', 'FAILED_LOGIN'])),
    field('User id', input('user_id', { size: 36 })),
    field('From', input('from', { type: 'datetime-local' })), field('To', input('to', { type: 'datetime-local' })),
    h('p', { class: 'form-error', role: 'alert' }), h('button', { type: 'submit' }, 'Filter'));
  const out = h('div', { id: 'audit-results', 'aria-live': 'polite' });
  let cursors = [null];
  const load = async () => {
    const filters = values(form);
    for (const k of ['from', 'to']) if (filters[k]) filters[k] = new Date(filters[k]).toISOString();
    try {
      showErrors(form, null);
      const page = await api.get('/api/v1/audit-logs', { ...filters, limit: 25, cursor: cursors.at(-1) });
      out.replaceChildren(table('Audit entries', [
        ['When', e => String(e.created_at).replace('T', ' ').slice(0, 19)], ['Action', e => e.action],
        ['Entity', e => `${e.entity_type}${e.entity_id ? ` ${e.entity_id.slice(0, 8)}` : ''}`],
        ['User', e => (e.user_id ? e.user_id.slice(0, 8) : '—')], ['Address', e => e.ip_address || '—'],
        ['Request', e => e.request_id || '—'],
      ], page.items, 'No entries match.'), h('nav', { class: 'pager', 'aria-label': 'Audit pages' },
        h('button', { type: 'button', disabled: cursors.length === 1, onclick: () => { cursors.pop(); load(); } }, 'Previous'),
        h('button', { type: 'button', disabled: !page.next_cursor, onclick: () => { cursors.push(page.next_cursor); load(); } }, 'Next')));
    } catch (error) { showErrors(form, error); }
  };
  form.addEventListener('submit', e => { e.preventDefault(); cursors = [null]; load(); });
  load();
  return h('div', {}, form, out);
}
