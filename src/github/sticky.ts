/**
 * One sticky comment per pull request: found by a hidden marker *and* our own author across
 * every page of comments, created once, then edited in place; an unchanged body is left
 * alone. Pure logic over a small CommentsApi, so tests can run it against any server.
 */

export interface IssueComment {
  id: number;
  body?: string | null;
  user: { login: string } | null;
  html_url: string;
}

export interface CommentsApi {
  /** Every comment of the issue, page by page (the implementation follows Link headers). */
  pages(): AsyncIterable<IssueComment[]>;
  create(body: string): Promise<IssueComment>;
  update(id: number, body: string): Promise<IssueComment>;
}

export type StickyAction = 'created' | 'updated' | 'unchanged';

export interface StickyResult {
  action: StickyAction;
  url: string;
  id: number;
}

export async function findSticky(api: CommentsApi, marker: string, author: string): Promise<IssueComment | undefined> {
  for await (const page of api.pages()) {
    const mine = page.find((c) => c.user?.login === author && (c.body ?? '').includes(marker));
    if (mine) return mine;
  }
  return undefined;
}

export async function upsertSticky(api: CommentsApi, body: string, marker: string, author: string): Promise<StickyResult> {
  if (!body.includes(marker)) throw new Error('internal: a sticky comment body must carry its marker');
  const existing = await findSticky(api, marker, author);
  if (!existing) {
    const created = await api.create(body);
    return { action: 'created', url: created.html_url, id: created.id };
  }
  if ((existing.body ?? '') === body) return { action: 'unchanged', url: existing.html_url, id: existing.id };
  const updated = await api.update(existing.id, body);
  return { action: 'updated', url: updated.html_url, id: updated.id };
}
