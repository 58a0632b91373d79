/** The little git the Action needs on the runner's checkout: commits present, changed files, HEAD, path prefix. */
import { git as runGit } from '../adapters/git/run.js';
import { childEnv } from './runner.js';

/** The empty tree: the base of a root commit. */
export const EMPTY_TREE = '4b825dc642cb6eb9a060e54bf8d69288fbee4904';

/** The one git runner, from the Action's allow-listed environment (no token, no runner internals). */
async function git(cwd: string, args: string[]): Promise<{ ok: boolean; out: string; err: string }> {
  const r = await runGit(cwd, args, undefined, { baseEnv: childEnv() });
  return { ok: r.exitCode === 0, out: r.stdout.trim(), err: r.stderr.trim() };
}

/** Makes sure every commit is present, fetching the missing ones from origin once (shallow checkouts lack the base). */
export async function ensureCommits(cwd: string, shas: string[], log: (s: string) => void): Promise<void> {
  const missing: string[] = [];
  for (const sha of shas) if (!(await git(cwd, ['cat-file', '-e', `${sha}^{commit}`])).ok) missing.push(sha);
  if (missing.length === 0) return;
  log(`fetching ${missing.join(', ')} from origin (use actions/checkout with fetch-depth: 0 to skip this)`);
  const r = await git(cwd, ['fetch', '--no-tags', '--quiet', '--depth=50', 'origin', ...missing]);
  if (!r.ok) throw new Error(`commits ${missing.join(', ')} are not in the checkout and git fetch failed: ${r.err}`);
}

/** The parent of `rev`, or the empty tree for a root commit. */
export async function parentOf(cwd: string, rev: string): Promise<string> {
  const r = await git(cwd, ['rev-parse', '--verify', '--quiet', `${rev}~1^{commit}`]);
  return r.ok && r.out ? r.out : EMPTY_TREE;
}

/**
 * Files changed between two commits, relative to `cwd` and limited to it. Uses the merge base (`base...head`,
 * what a PR shows) when history allows, else the plain two-tree diff.
 */
export async function changedFiles(cwd: string, base: string, head: string): Promise<string[]> {
  const args = ['diff', '--name-only', '--relative', '--no-renames'];
  let r = base === EMPTY_TREE ? { ok: false, out: '', err: '' } : await git(cwd, [...args, `${base}...${head}`, '--']);
  if (!r.ok) r = await git(cwd, [...args, base, head, '--']);
  if (!r.ok) throw new Error(`git diff ${base} ${head} failed: ${r.err}`);
  return r.out.split('\n').filter((l) => l !== '');
}

/** The commit checked out in `cwd`. */
export async function headSha(cwd: string): Promise<string> {
  const r = await git(cwd, ['rev-parse', 'HEAD']);
  if (!r.ok) throw new Error(`${cwd} is not a git checkout: ${r.err}`);
  return r.out;
}

/** `cwd` relative to the repository root, '' or ending in '/' (GitHub paths are repository-relative). */
export async function repoPrefix(cwd: string): Promise<string> {
  const r = await git(cwd, ['rev-parse', '--show-prefix']);
  if (!r.ok) throw new Error(`${cwd} is not inside a git repository: ${r.err}`);
  return r.out;
}
