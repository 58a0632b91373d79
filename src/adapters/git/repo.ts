/** Locates the git repository around a workspace and checks that its state allows a PreFlight run. */
import { existsSync, realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import { RustgateError } from '../../core/errors.js';
import { git, gitOk, splitZ } from './run.js';

/** The git repository a workspace lives in. */
export interface RepoInfo {
  /** Absolute git top-level directory. */
  top: string;
  /** Absolute workspace directory (where the root Cargo.toml is). */
  workspace: string;
  /** Workspace directory relative to `top`, '/'-separated, '' when equal. */
  prefix: string;
  /** Absolute per-worktree git directory. */
  gitDir: string;
  /** HEAD commit, or null on an unborn branch. */
  head: string | null;
  /** True when HEAD is detached (fine for every scope). */
  detached: boolean;
}

/** Opens the repository containing `workspace`; NOT_A_GIT_REPO when there is none. */
export async function openRepo(workspace: string): Promise<RepoInfo> {
  if (!existsSync(workspace) || !statSync(workspace).isDirectory()) {
    throw new RustgateError('NOT_A_DIRECTORY', `${workspace} is not a directory`, 'pass --repo with the directory that holds the root Cargo.toml');
  }
  const ws = realpathSync(workspace);
  const r = await git(ws, ['rev-parse', '--show-toplevel', '--absolute-git-dir', '--show-prefix']);
  if (r.exitCode !== 0) {
    throw new RustgateError('NOT_A_GIT_REPO', `${ws} is not inside a git repository`, 'run rustgate inside a git work tree (or `git init` first), or pass --repo DIR');
  }
  const [top = '', gitDir = '', prefixRaw = ''] = r.stdout.split('\n');
  if (top === '') {
    throw new RustgateError('NOT_A_GIT_REPO', `${ws} is inside a bare repository or a .git directory`, 'run rustgate inside a git work tree');
  }
  const headR = await git(ws, ['rev-parse', '--verify', '--quiet', 'HEAD^{commit}']);
  const symR = await git(ws, ['symbolic-ref', '--quiet', 'HEAD']);
  return {
    top: realpathSync(top),
    workspace: ws,
    prefix: prefixRaw.replace(/\/$/, ''),
    gitDir,
    head: headR.exitCode === 0 ? headR.stdout.trim() : null,
    detached: symR.exitCode !== 0,
  };
}

/** The name of an unfinished merge-like operation, or null. */
export async function operationInProgress(info: RepoInfo): Promise<string | null> {
  const marks: Array<[string, string]> = [
    ['MERGE_HEAD', 'merge'],
    ['CHERRY_PICK_HEAD', 'cherry-pick'],
    ['REVERT_HEAD', 'revert'],
    ['rebase-merge', 'rebase'],
    ['rebase-apply', 'rebase'],
  ];
  for (const [file, name] of marks) if (existsSync(path.join(info.gitDir, file))) return name;
  // Unmerged index entries without a marker (e.g. a conflicted `git stash pop`) are just as unfinished.
  const unmerged = splitZ(await gitOk(info.workspace, ['ls-files', '-u', '-z']));
  return unmerged.length > 0 ? 'conflict resolution' : null;
}

/** Throws MERGE_IN_PROGRESS when the index holds an unfinished operation (its content is not a state to check). */
export async function assertNoOperationInProgress(info: RepoInfo): Promise<void> {
  const op = await operationInProgress(info);
  if (op !== null) {
    throw new RustgateError('MERGE_IN_PROGRESS', `a ${op} is in progress in ${info.top}`, `finish or abort the ${op}, then retry`);
  }
}
