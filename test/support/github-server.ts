/**
 * A local stand-in for the part of GitHub's REST API the action uses (issue comments), on
 * loopback, enforcing what GitHub enforces: authentication, per_page capped at 100 with Link
 * header pagination, the 65,536-character body limit (422), 403 for a token without write
 * access. Every request and response is checked against GitHub's OpenAPI description; a
 * mismatch is recorded in `violations`, which tests assert to be empty.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { checkRequest, checkResponse, type Operation, perPageMaximum } from './github-openapi.js';

export interface TokenInfo {
  login: string;
  write: boolean;
}

export interface StoredComment {
  id: number;
  issue: number;
  body: string;
  login: string;
}

export interface RecordedRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  status: number;
}

export interface FakeGitHub {
  url: string;
  comments: StoredComment[];
  requests: RecordedRequest[];
  violations: string[];
  addComment(issue: number, login: string, body: string): StoredComment;
  stop(): Promise<void>;
}

const BODY_LIMIT = 65_536;
const TIME = '2026-11-26T00:00:00Z';

function user(login: string) {
  const id = [...login].reduce((n, c) => n * 31 + c.charCodeAt(0), 7) % 1_000_000;
  const base = `https://api.github.com/users/${encodeURIComponent(login)}`;
  return {
    login,
    id,
    node_id: `U_${id}`,
    avatar_url: `https://avatars.githubusercontent.com/u/${id}`,
    gravatar_id: '',
    url: base,
    html_url: `https://github.com/${encodeURIComponent(login)}`,
    followers_url: `${base}/followers`,
    following_url: `${base}/following{/other_user}`,
    gists_url: `${base}/gists{/gist_id}`,
    starred_url: `${base}/starred{/owner}{/repo}`,
    subscriptions_url: `${base}/subscriptions`,
    organizations_url: `${base}/orgs`,
    repos_url: `${base}/repos`,
    events_url: `${base}/events{/privacy}`,
    received_events_url: `${base}/received_events`,
    type: login.endsWith('[bot]') ? 'Bot' : 'User',
    site_admin: false,
  };
}

export async function startGitHub(tokens: Record<string, TokenInfo>, repo = 'acme/platform'): Promise<FakeGitHub> {
  const maxPerPage = perPageMaximum();
  const comments: StoredComment[] = [];
  const requests: RecordedRequest[] = [];
  const violations: string[] = [];
  let nextId = 1000;
  let url = '';

  const render = (c: StoredComment) => ({
    id: c.id,
    node_id: `IC_${c.id}`,
    url: `${url}/repos/${repo}/issues/comments/${c.id}`,
    html_url: `https://github.com/${repo}/pull/${c.issue}#issuecomment-${c.id}`,
    body: c.body,
    user: user(c.login),
    created_at: TIME,
    updated_at: TIME,
    issue_url: `${url}/repos/${repo}/issues/${c.issue}`,
    author_association: 'NONE',
  });

  const server = createServer(async (req: IncomingMessage, res: ServerResponse) => {
    const u = new URL(req.url ?? '/', url);
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks).toString('utf8');
    let op: Operation | undefined;
    const send = (status: number, body: unknown, headers: Record<string, string> = {}) => {
      if (op && status !== 401) violations.push(...checkResponse(op, status, body));
      requests.push({ method: req.method ?? '', path: u.pathname, query: u.searchParams, status });
      res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
      res.end(JSON.stringify(body));
    };
    const error = (status: number, message: string, extra: Record<string, unknown> = {}) =>
      send(status, { message, documentation_url: 'https://docs.github.com/rest', status: String(status), ...extra });

    const auth = /^(?:token|bearer) (.+)$/i.exec(req.headers.authorization ?? '');
    const who = auth ? tokens[auth[1]!] : undefined;

    const list = new RegExp(`^/repos/${repo}/issues/(\\d+)/comments$`).exec(u.pathname);
    const one = new RegExp(`^/repos/${repo}/issues/comments/(\\d+)$`).exec(u.pathname);
    if (list) op = { template: '/repos/{owner}/{repo}/issues/{issue_number}/comments', method: req.method ?? '' };
    else if (one) op = { template: '/repos/{owner}/{repo}/issues/comments/{comment_id}', method: req.method ?? '' };
    else return error(404, 'Not Found');

    let body: unknown;
    if (raw) {
      try {
        body = JSON.parse(raw);
      } catch {
        return error(400, 'Problems parsing JSON');
      }
    }
    if (req.method !== 'GET') violations.push(...checkRequest(op, body));
    if (!auth) return error(401, 'Requires authentication');
    if (!who) return error(401, 'Bad credentials');

    if (list && req.method === 'GET') {
      const issue = Number(list[1]);
      const perPage = Math.min(Math.max(Number(u.searchParams.get('per_page') ?? 30) || 30, 1), maxPerPage);
      const page = Math.max(Number(u.searchParams.get('page') ?? 1) || 1, 1);
      const all = comments.filter((c) => c.issue === issue);
      const last = Math.max(1, Math.ceil(all.length / perPage));
      const links: string[] = [];
      const link = (p: number, rel: string) => `<${url}/repos/${repo}/issues/${issue}/comments?per_page=${perPage}&page=${p}>; rel="${rel}"`;
      if (page > 1) links.push(link(page - 1, 'prev'), link(1, 'first'));
      if (page < last) links.push(link(page + 1, 'next'), link(last, 'last'));
      return send(200, all.slice((page - 1) * perPage, page * perPage).map(render), links.length ? { link: links.join(', ') } : {});
    }
    const text = (body as { body?: unknown } | undefined)?.body;
    if (typeof text !== 'string') return error(422, 'Invalid request.');
    if (!who.write) return error(403, 'Resource not accessible by integration');
    if (text.length > BODY_LIMIT) {
      return error(422, 'Validation Failed', { errors: [{ resource: 'IssueComment', code: 'custom', field: 'body', message: `body is too long (maximum is ${BODY_LIMIT} characters)` }] });
    }
    if (list && req.method === 'POST') {
      const c = { id: nextId++, issue: Number(list[1]), body: text, login: who.login };
      comments.push(c);
      return send(201, render(c), { location: `${url}/repos/${repo}/issues/comments/${c.id}` });
    }
    if (one && req.method === 'PATCH') {
      const c = comments.find((x) => x.id === Number(one[1]));
      if (!c) return error(404, 'Not Found');
      if (c.login !== who.login) return error(403, 'Resource not accessible by integration');
      c.body = text;
      return send(200, render(c));
    }
    return error(404, 'Not Found');
  });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  return {
    url,
    comments,
    requests,
    violations,
    addComment(issue, login, body) {
      const c = { id: nextId++, issue, body, login };
      comments.push(c);
      return c;
    },
    stop: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
