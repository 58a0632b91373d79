/**
 * The GitHub side of fix mode: list the PR's files into hunk ranges, and post ONE review idempotently —
 * skip suggestions already posted (hidden fingerprint markers), post the rest, then delete our outdated
 * comments and mark our outdated review bodies. No retries: one failed request fails the step once.
 */
import type { getOctokit } from '@actions/github';
import { parseHunks, type Hunk } from './hunks.js';
import { readMarker, type ReviewPlan } from './suggestions.js';

/** The Octokit client @actions/github hands out. */
export type Octokit = ReturnType<typeof getOctokit>;

/** Which pull request on which commit. */
export interface PrTarget {
  owner: string;
  repo: string;
  pull_number: number;
  headSha: string;
}

/** What the sync did. */
export interface ReviewOutcome {
  reviewId: number | null;
  url: string | null;
  posted: number;
  skipped: number;
  deleted: number;
  outdatedReviews: number;
  /** True when the same proposal was already on the PR and nothing new was posted. */
  alreadyPosted: boolean;
}

/** Marker that replaces the fingerprint in a superseded review body, so later runs ignore it. */
const OUTDATED = '<!-- rustgate:outdated -->';

/** PR file path → hunks of its patch (files without a patch, e.g. binary or huge, get no hunks). */
export async function prHunks(octo: Octokit, pr: PrTarget): Promise<Map<string, Hunk[]>> {
  const files = await octo.paginate(octo.rest.pulls.listFiles, { owner: pr.owner, repo: pr.repo, pull_number: pr.pull_number, per_page: 100 });
  const map = new Map<string, Hunk[]>();
  for (const f of files) map.set(f.filename, f.patch ? parseHunks(f.patch) : []);
  return map;
}

/** Brings the PR's rustgate review in line with `plan` (null: no validated fix, only clean up what we posted). */
export async function syncReview(octo: Octokit, pr: PrTarget, plan: ReviewPlan | null, namespace = ''): Promise<ReviewOutcome> {
  const base = { owner: pr.owner, repo: pr.repo, pull_number: pr.pull_number };
  const comments = await octo.paginate(octo.rest.pulls.listReviewComments, { ...base, per_page: 100 });
  const reviews = await octo.paginate(octo.rest.pulls.listReviews, { ...base, per_page: 100 });
  const ownComments = comments.flatMap((c) => {
    const fp = readMarker(c.body, namespace);
    return fp === null ? [] : [{ id: c.id, fp, author: c.user?.login ?? null }];
  });
  const ownReviews = reviews.flatMap((r) => {
    const fp = readMarker(r.body, namespace);
    return fp === null ? [] : [{ id: r.id, fp, url: r.html_url, body: r.body ?? '', author: r.user?.login ?? null }];
  });
  const wanted = new Set(plan?.comments.map((c) => c.fingerprint) ?? []);
  const posted = new Set(ownComments.map((c) => c.fp));
  const fresh = plan?.comments.filter((c) => !posted.has(c.fingerprint)) ?? [];
  const outcome: ReviewOutcome = { reviewId: null, url: null, posted: 0, skipped: (plan?.comments.length ?? 0) - fresh.length, deleted: 0, outdatedReviews: 0, alreadyPosted: false };

  let identity: string | null = null;
  const same = plan ? ownReviews.find((r) => r.fp === plan.fingerprint) : undefined;
  if (plan && fresh.length === 0 && same) {
    outcome.reviewId = same.id;
    outcome.url = same.url;
    outcome.alreadyPosted = true;
  } else if (plan) {
    const res = await octo.rest.pulls.createReview({
      ...base,
      commit_id: pr.headSha,
      event: 'COMMENT',
      body: plan.body,
      comments: fresh.map(({ fingerprint: _fp, ...c }) => c),
    });
    outcome.reviewId = res.data.id;
    outcome.url = res.data.html_url;
    outcome.posted = fresh.length;
    identity = res.data.user?.login ?? null;
  }
  // Touch only what this token's identity wrote (known once it posted): a marker copied into someone else's
  // comment, or another bot's post, is never deleted or rewritten.
  const mine = (author: string | null): boolean => identity === null || author === identity;
  // Clean up only after the new review is in, so a failed post leaves the old proposal visible.
  for (const c of ownComments) {
    if (wanted.has(c.fp) || !mine(c.author)) continue;
    await octo.rest.pulls.deleteReviewComment({ owner: pr.owner, repo: pr.repo, comment_id: c.id });
    outcome.deleted++;
  }
  for (const r of ownReviews) {
    if ((plan && r.fp === plan.fingerprint) || !mine(r.author)) continue;
    await octo.rest.pulls.updateReview({
      ...base,
      review_id: r.id,
      body: outdatedBody(r.body),
    });
    outcome.outdatedReviews++;
  }
  return outcome;
}

/** An outdated review's new body: the note, then the earlier proposal kept, collapsed, without its marker. */
export function outdatedBody(previous: string): string {
  const kept = previous.replace(/<!-- rustgate:fingerprint:[0-9a-f/]+ -->/g, '').trim();
  // GitHub caps a body at 65,536 characters; the note and the wrapper need a little room.
  const shown = kept.length > 64_000 ? `${kept.slice(0, 64_000)}\n… (cut)` : kept;
  return [
    OUTDATED,
    '_rustgate: this proposal is outdated (the code changed); see the newest rustgate review or run summary._',
    '',
    '<details><summary>The earlier proposal</summary>',
    '',
    shown,
    '',
    '</details>',
  ].join('\n');
}

/** How an API failure should be handled. */
export interface ApiFailure {
  /** True for a read-only token (fork PRs, restricted permissions): fall back to the job summary. */
  readOnly: boolean;
  status: number | null;
  /** One line for humans, without headers or the token. */
  message: string;
}

/** Classifies an Octokit error; only status, method, URL and GitHub's message are kept. */
export function apiFailure(e: unknown): ApiFailure {
  const err = e as { status?: unknown; message?: unknown; request?: { method?: unknown; url?: unknown } };
  const status = typeof err.status === 'number' ? err.status : null;
  const message = typeof err.message === 'string' ? err.message : String(e);
  const method = typeof err.request?.method === 'string' ? err.request.method : '';
  const url = typeof err.request?.url === 'string' ? err.request.url.replace(/\?.*$/, '') : '';
  const where = method && url ? `${method} ${url} → ` : '';
  const readOnly = status === 403 && /Resource not accessible by integration/i.test(message);
  return { readOnly, status, message: `${where}${status ?? 'no response'}: ${message.split('\n')[0]}` };
}
