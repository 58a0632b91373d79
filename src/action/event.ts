/**
 * What the workflow event asks for: the commit range to check and, for pull requests, the PR identity.
 * Pure: takes the parsed event payload, so tests feed real payload files.
 */

/** The pull request the run belongs to. */
export interface PullRequestInfo {
  number: number;
  baseSha: string;
  headSha: string;
  /** `owner/name` of the base (target) repository. */
  baseRepo: string;
  /** `owner/name` of the head repository, or null when the fork was deleted. */
  headRepo: string | null;
  /** True when the head lives in another repository: the token is read-only there. */
  isFork: boolean;
}

/** The event's range and PR (if any). `base` null means "the parent of head". */
export interface EventInfo {
  eventName: string;
  owner: string;
  repo: string;
  range: { base: string | null; head: string };
  pr: PullRequestInfo | null;
}

const ZERO_SHA = /^0+$/;

/** Derives the range: pull_request → base.sha..head.sha; push → before..after; otherwise HEAD~1..HEAD. */
export function eventInfo(eventName: string, payload: unknown, repository: string): EventInfo {
  const [owner = '', repo = ''] = repository.split('/');
  const p = asRecord(payload);
  const pr = asRecord(p.pull_request);
  if (Object.keys(pr).length > 0) {
    const base = asRecord(pr.base);
    const head = asRecord(pr.head);
    const baseRepo = str(asRecord(base.repo).full_name) ?? repository;
    const headRepo = str(asRecord(head.repo).full_name);
    const info: PullRequestInfo = {
      number: Number(pr.number ?? p.number),
      baseSha: str(base.sha) ?? '',
      headSha: str(head.sha) ?? '',
      baseRepo,
      headRepo,
      isFork: headRepo !== baseRepo,
    };
    return { eventName, owner, repo, range: { base: info.baseSha || null, head: info.headSha || 'HEAD' }, pr: info };
  }
  if (eventName === 'push') {
    const before = str(p.before);
    const after = str(p.after) ?? 'HEAD';
    // A new branch has before = 000…0: check the last commit alone.
    return { eventName, owner, repo, range: { base: before && !ZERO_SHA.test(before) ? before : null, head: after }, pr: null };
  }
  return { eventName, owner, repo, range: { base: null, head: 'HEAD' }, pr: null };
}

/** True when a changed path matters to a Rust build: PreFlight's own classification, so the Action and the CLI agree. */
export { isRustRelevant } from '../core/preflight/classify.js';

function asRecord(v: unknown): Record<string, unknown> {
  return typeof v === 'object' && v !== null ? (v as Record<string, unknown>) : {};
}

function str(v: unknown): string | null {
  return typeof v === 'string' && v !== '' ? v : null;
}
