const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * Checks an API base URL, whatever the vendor. The key travels in a header, so plain http is
 * allowed only to this machine (the local API doubles, a local proxy). Returns the normalized
 * origin+path or an error text.
 */
export function checkEndpoint(raw: string): { ok: true; url: string } | { ok: false; error: string } {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    return { ok: false, error: 'Not a URL: use a full address such as https://supertoneapi.com' };
  }
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && LOOPBACK_HOSTS.has(url.hostname))) {
    return { ok: false, error: 'Use https:// (plain http is allowed only for localhost), so the API key is never sent in clear.' };
  }
  if (url.username || url.password) return { ok: false, error: 'Put no user name or password in the address.' };
  if (url.search || url.hash) return { ok: false, error: 'Leave out ?query and #fragment from the address.' };
  return { ok: true, url: `${url.origin}${url.pathname.replace(/\/+$/, '')}` };
}

/** Whether two endpoints name the same place once normalized (trailing slashes, case of the host). */
export function sameEndpoint(a: string, b: string): boolean {
  const left = checkEndpoint(a);
  const right = checkEndpoint(b);
  return left.ok && right.ok && left.url === right.url;
}
