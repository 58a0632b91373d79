/**
 * What a push sends, from the lines git gives the pre-push hook on stdin
 * (`<local ref> <local sha> <remote ref> <remote sha>`), turned into the commit ranges to check.
 */
import { git } from '../git/run.js';

/** One ref update of a push, as git reports it. */
export interface PushUpdate {
  localRef: string;
  localSha: string;
  remoteRef: string;
  remoteSha: string;
}

/** What to do with one update: check `base..head`, or skip it with the reason. */
export type PushPlan =
  | { update: PushUpdate; action: 'check'; base: string; head: string; baseFrom: 'remote' | 'merge-base'; against?: string }
  | { update: PushUpdate; action: 'skip'; reason: 'deletion' | 'not-a-commit' | 'nothing-new' | 'no-base' };

const ZERO = /^0+$/;

/** Parses the pre-push stdin; malformed lines are dropped. */
export function parsePushLines(text: string): PushUpdate[] {
  const out: PushUpdate[] = [];
  for (const line of text.split('\n')) {
    const [localRef, localSha, remoteRef, remoteSha] = line.trim().split(/\s+/);
    if (!localRef || !localSha || !remoteRef || !remoteSha) continue;
    if (!/^[0-9a-f]{40,64}$/.test(localSha) || !/^[0-9a-f]{40,64}$/.test(remoteSha)) continue;
    out.push({ localRef, localSha, remoteRef, remoteSha });
  }
  return out;
}

async function commitOf(top: string, rev: string): Promise<string | null> {
  const r = await git(top, ['rev-parse', '--verify', '--quiet', `${rev}^{commit}`]);
  return r.exitCode === 0 ? r.stdout.trim() : null;
}

async function mergeBase(top: string, a: string, b: string): Promise<string | null> {
  const r = await git(top, ['merge-base', a, b]);
  return r.exitCode === 0 && r.stdout.trim() !== '' ? r.stdout.trim() : null;
}

/**
 * The base of a branch the remote does not know yet: the merge base with the remote's default branch
 * (`refs/remotes/<remote>/HEAD`), else the nearest merge base with any remote-tracking ref (fewest commits to check).
 */
async function newBranchBase(top: string, remote: string, head: string): Promise<{ base: string; against: string } | null> {
  const def = await git(top, ['symbolic-ref', '--quiet', `refs/remotes/${remote}/HEAD`]);
  if (def.exitCode === 0 && def.stdout.trim() !== '') {
    const ref = def.stdout.trim();
    const mb = await mergeBase(top, head, ref);
    if (mb !== null) return { base: mb, against: ref.replace(/^refs\/remotes\//, '') };
  }
  const refs = (await git(top, ['for-each-ref', '--format=%(refname)', 'refs/remotes/'])).stdout.split('\n').filter((r) => r !== '' && !r.endsWith('/HEAD'));
  // This remote's refs first; the others only when it has none.
  const own = refs.filter((r) => r.startsWith(`refs/remotes/${remote}/`));
  let best: { base: string; against: string; count: number } | null = null;
  for (const ref of own.length > 0 ? own : refs) {
    const mb = await mergeBase(top, head, ref);
    if (mb === null) continue;
    const count = Number((await git(top, ['rev-list', '--count', `${mb}..${head}`])).stdout.trim());
    if (best === null || count < best.count) best = { base: mb, against: ref.replace(/^refs\/remotes\//, ''), count };
  }
  return best && { base: best.base, against: best.against };
}

/** Plans one check per pushed ref update (identical ranges once); `remote` is the name (or URL) git passed. */
export async function planPush(top: string, remote: string, updates: PushUpdate[]): Promise<PushPlan[]> {
  const plans: PushPlan[] = [];
  const seen = new Set<string>();
  for (const update of updates) {
    if (ZERO.test(update.localSha)) {
      plans.push({ update, action: 'skip', reason: 'deletion' });
      continue;
    }
    const head = await commitOf(top, update.localSha);
    if (head === null) {
      plans.push({ update, action: 'skip', reason: 'not-a-commit' });
      continue;
    }
    let plan: PushPlan;
    const remoteCommit = ZERO.test(update.remoteSha) ? null : await commitOf(top, update.remoteSha);
    if (remoteCommit !== null) {
      plan = remoteCommit === head
        ? { update, action: 'skip', reason: 'nothing-new' }
        : { update, action: 'check', base: remoteCommit, head, baseFrom: 'remote' };
    } else {
      // A new branch, or a remote tip this clone has not fetched.
      const nb = await newBranchBase(top, remote, head);
      if (nb === null) plan = { update, action: 'skip', reason: 'no-base' };
      else if (nb.base === head) plan = { update, action: 'skip', reason: 'nothing-new' };
      else plan = { update, action: 'check', base: nb.base, head, baseFrom: 'merge-base', against: nb.against };
    }
    if (plan.action === 'check') {
      const key = `${plan.base}..${plan.head}`;
      if (seen.has(key)) continue;
      seen.add(key);
    }
    plans.push(plan);
  }
  return plans;
}
