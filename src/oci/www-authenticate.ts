/**
 * `WWW-Authenticate` as RFC 9110 §11.6.1 defines it: one or more challenges, each a scheme
 * followed by a token68 or by comma-separated `name=value` params whose value is a token or a
 * quoted-string (backslash escapes). Param names are case-insensitive. Registries send e.g.
 * `Bearer realm="https://ghcr.io/token",service="ghcr.io",scope="repository:a/b:pull"` and
 * may add a second challenge (`Basic realm="x"`) in the same header.
 */

export interface Challenge {
  /** Lower-cased: `bearer`, `basic`, … */
  scheme: string;
  /** Lower-cased names; values unquoted and unescaped. */
  params: Record<string, string>;
  token68?: string;
}

const TCHAR = /[!#$%&'*+.^_`|~0-9A-Za-z-]/;

export function parseWwwAuthenticate(header: string): Challenge[] {
  const challenges: Challenge[] = [];
  let i = 0;
  const n = header.length;
  const skipWs = () => {
    while (i < n && (header[i] === ' ' || header[i] === '\t')) i++;
  };
  const token = (): string => {
    const start = i;
    while (i < n && TCHAR.test(header[i]!)) i++;
    return header.slice(start, i);
  };
  const quoted = (): string => {
    let out = '';
    i++; // opening quote
    while (i < n && header[i] !== '"') {
      if (header[i] === '\\' && i + 1 < n) i++;
      out += header[i];
      i++;
    }
    i++; // closing quote (or end of input: lenient)
    return out;
  };
  /** Whether a `name =` param starts at i (as opposed to the next challenge's scheme). */
  const paramAhead = (): boolean => {
    const save = i;
    const name = token();
    skipWs();
    const isParam = name !== '' && header[i] === '=' && header[i + 1] !== '=';
    i = save;
    return isParam;
  };

  while (i < n) {
    skipWs();
    while (i < n && (header[i] === ',' || header[i] === ' ')) i++;
    if (i >= n) break;
    const scheme = token();
    if (!scheme) break; // garbage: stop rather than loop
    // No prototype: a param named `__proto__` is just a param.
    const challenge: Challenge = { scheme: scheme.toLowerCase(), params: Object.create(null) as Record<string, string> };
    challenges.push(challenge);
    skipWs();
    // token68: `Basic dXNlcg==` — a run of token68 chars not followed by a param's `=value`.
    const t68 = /^[A-Za-z0-9\-._~+/]+=*/.exec(header.slice(i));
    if (t68 && !paramAhead() && (i + t68[0].length >= n || /[\s,]/.test(header[i + t68[0].length]!))) {
      challenge.token68 = t68[0];
      i += t68[0].length;
      continue;
    }
    for (;;) {
      skipWs();
      while (i < n && header[i] === ',') {
        i++;
        skipWs();
      }
      if (i >= n || !paramAhead()) break;
      const name = token().toLowerCase();
      skipWs();
      i++; // '='
      skipWs();
      const value = header[i] === '"' ? quoted() : token();
      if (!Object.hasOwn(challenge.params, name)) challenge.params[name] = value;
    }
  }
  return challenges;
}
