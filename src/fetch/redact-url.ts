// A link as it may be kept in logs and the audit trail: an admin may paste a link
// with a password ("user:pass@") or a token in its query string, and a refused
// link is exactly the kind nobody checks before it is recorded. Host and path
// stay (they say what was tried); credentials and the query are replaced.

const REDACTED = '[redacted]';

/** `https://[redacted]@host/path?[redacted]`; the fragment is dropped. */
export function redactUrl(input: string): string {
  let url: URL;
  try {
    url = new URL(input);
  } catch {
    // Not parseable: cut the same parts by shape.
    return input.replace(/^([a-z][a-z0-9+.-]*:\/\/)[^/?#]*@/i, `$1${REDACTED}@`).replace(/[?#].*$/s, (m) => (m.startsWith('?') ? `?${REDACTED}` : ''));
  }
  const auth = url.username || url.password ? `${REDACTED}@` : '';
  const query = url.search ? `?${REDACTED}` : '';
  return `${url.protocol}//${auth}${url.host}${url.pathname}${query}`;
}
