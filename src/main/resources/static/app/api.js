// The API client: the access token lives in memory, the refresh token in this tab's sessionStorage (so a reload keeps
// the session and closing the tab ends it). Both travel in the Authorization header or a JSON body, never in a cookie,
// so a cross-site request carries no credential (no CSRF surface). A 401 refreshes once and retries.
const REFRESH_KEY = 'covenant.refresh';
let access = null;
let refreshing = null;

export class ApiError extends Error {
  constructor(status, problem) {
    super((problem && (problem.detail || problem.title)) || `HTTP ${status}`);
    this.status = status;
    this.problem = problem || {};
  }
  fieldErrors() { return this.problem.errors || []; }
}

export function signedIn() { return access !== null || sessionStorage.getItem(REFRESH_KEY) !== null; }

function keep(tokens) {
  access = tokens.access_token;
  sessionStorage.setItem(REFRESH_KEY, tokens.refresh_token);
}

export async function signIn(email, password) {
  const tokens = await request('POST', '/api/v1/auth/login', { email, password }, { anonymous: true });
  keep(tokens);
}

export async function signOut() {
  const refresh = sessionStorage.getItem(REFRESH_KEY);
  try {
    if (access) await request('POST', '/api/v1/auth/logout', { refresh_token: refresh }, { retry: false });
  } finally {
    access = null;
    sessionStorage.removeItem(REFRESH_KEY);
  }
}

async function refresh() {
  const token = sessionStorage.getItem(REFRESH_KEY);
  if (!token) throw new ApiError(401, { detail: 'Not signed in' });
  // One refresh at a time: refresh tokens rotate, and reusing an old one revokes the session.
  refreshing ??= request('POST', '/api/v1/auth/refresh', { refresh_token: token }, { anonymous: true })
    .then(keep)
    .catch(e => { access = null; sessionStorage.removeItem(REFRESH_KEY); throw e; })
    .finally(() => { refreshing = null; });
  return refreshing;
}

export async function authorizedFetch(path, init = {}, retry = true) {
  if (!access) await refresh();
  const headers = new Headers(init.headers || {});
  headers.set('Authorization', `Bearer ${access}`);
  const response = await fetch(path, { ...init, headers, credentials: 'omit' });
  if (response.status === 401 && retry) {
    await refresh();
    return authorizedFetch(path, init, false);
  }
  return response;
}

export async function request(method, path, body, options = {}) {
  const init = { method, headers: { Accept: 'application/json, application/problem+json' } };
  if (body instanceof FormData) {
    init.body = body;
  } else if (body !== undefined) {
    init.headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(body);
  }
  const response = options.anonymous
    ? await fetch(path, { ...init, credentials: 'omit' })
    : await authorizedFetch(path, init, options.retry !== false);
  if (response.status === 204) return null;
  const text = await response.text();
  const data = text ? JSON.parse(text) : null;
  if (!response.ok) {
    if (response.status === 401 && !options.anonymous) window.dispatchEvent(new Event('covenant:signed-out'));
    throw new ApiError(response.status, data);
  }
  return data;
}

export const get = (path, params) => request('GET', path + query(params));
export const post = (path, body) => request('POST', path, body);
export const put = (path, body) => request('PUT', path, body);
export const del = path => request('DELETE', path);

export function query(params) {
  if (!params) return '';
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (v === undefined || v === null || v === '') continue;
    (Array.isArray(v) ? v : [v]).forEach(x => q.append(k, x));
  }
  const s = q.toString();
  return s ? `?${s}` : '';
}

// Downloads a protected file (it needs the Authorization header, so a plain link would not do).
export async function download(path, filename) {
  const response = await authorizedFetch(path);
  if (!response.ok) throw new ApiError(response.status, null);
  const url = URL.createObjectURL(await response.blob());
  const a = Object.assign(document.createElement('a'), { href: url, download: filename });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

// Reads a server-sent event stream through fetch, since EventSource cannot send an Authorization header.
export async function events(path, onEvent, signal) {
  const response = await authorizedFetch(path, { headers: { Accept: 'text/event-stream' }, signal });
  if (!response.ok) throw new ApiError(response.status, null);
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return;
    buffer += value.replace(/\r\n/g, '\n');
    let end;
    while ((end = buffer.indexOf('\n\n')) >= 0) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      let name = 'message';
      const data = [];
      for (const line of block.split('\n')) {
        if (line.startsWith('event:')) name = line.slice(6).trim();
        else if (line.startsWith('data:')) data.push(line.slice(5).replace(/^ /, ''));
      }
      if (data.length) onEvent(name, JSON.parse(data.join('\n')));
    }
  }
}
