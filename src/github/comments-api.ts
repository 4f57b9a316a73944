/**
 * CommentsApi over GitHub's REST API with @actions/github's Octokit: per_page=100 and
 * Link-header pagination. A 403 (a read-only token, as fork pull requests get) is its own error.
 */
import { getOctokit } from '@actions/github';
import { InfraError } from '../errors.js';
import type { CommentsApi, IssueComment } from './sticky.js';

export interface IssueRef {
  owner: string;
  repo: string;
  issueNumber: number;
}

/** A token that may read but not write (fork pull requests): the caller skips the comment. */
export class ReadOnlyTokenError extends Error {}

export function githubCommentsApi(token: string, issue: IssueRef, baseUrl: string): CommentsApi {
  const octokit = getOctokit(token, { baseUrl });
  const params = { owner: issue.owner, repo: issue.repo, issue_number: issue.issueNumber };
  const guard = async <T>(what: string, call: () => Promise<T>): Promise<T> => {
    try {
      return await call();
    } catch (error) {
      const status = (error as { status?: number }).status;
      if (status === 403) throw new ReadOnlyTokenError(`the token may not ${what} (HTTP 403)`);
      throw new InfraError(`GitHub API: could not ${what}: ${status ? `HTTP ${status} ` : ''}${(error as Error).message}`, { cause: error });
    }
  };
  return {
    async *pages() {
      const iterator = octokit.paginate.iterator(octokit.rest.issues.listComments, { ...params, per_page: 100 })[Symbol.asyncIterator]();
      while (true) {
        const next = await guard('list comments', () => iterator.next());
        if (next.done) return;
        yield next.value.data as IssueComment[];
      }
    },
    create: (body) => guard('comment on the pull request', async () => (await octokit.rest.issues.createComment({ ...params, body })).data as IssueComment),
    update: (id, body) => guard('edit the comment', async () => (await octokit.rest.issues.updateComment({ owner: issue.owner, repo: issue.repo, comment_id: id, body })).data as IssueComment),
  };
}
