/** Locates the git repository around a workspace and checks that its state allows a PreFlight run. */
import { existsSync, readFileSync, realpathSync, statSync } from 'node:fs';
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

function readText(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return '';
  }
}

/** Opens the repository containing `workspace`; NOT_A_GIT_REPO when there is none. */
export async function openRepo(workspace: string): Promise<RepoInfo> {
  if (!existsSync(workspace) || !statSync(workspace).isDirectory()) {
    throw new RustgateError('NOT_A_DIRECTORY', `${workspace} is not a directory`, 'pass --repo with the directory that holds the root Cargo.toml');
  }
  const ws = realpathSync(workspace);
  // One process for everything: on an unborn branch the trailing HEAD fails but the first lines are still printed.
  const r = await git(ws, ['rev-parse', '--show-toplevel', '--absolute-git-dir', '--show-prefix', 'HEAD']);
  const [top = '', gitDir = '', prefixRaw = '', headLine = ''] = r.stdout.split('\n');
  if (top === '' || gitDir === '' || (r.exitCode !== 0 && !/HEAD/.test(r.stderr))) {
    throw new RustgateError('NOT_A_GIT_REPO', `${ws} is not inside a git work tree`, 'run rustgate inside a git work tree (or `git init` first), or pass --repo DIR');
  }
  const headFile = readText(path.join(gitDir, 'HEAD'));
  return {
    top: realpathSync(top),
    workspace: ws,
    prefix: prefixRaw.replace(/\/$/, ''),
    gitDir,
    head: r.exitCode === 0 && /^[0-9a-f]{40,64}$/.test(headLine) ? headLine : null,
    detached: !headFile.startsWith('ref:'),
  };
}

/**
 * The name of an unfinished merge-like operation, or null. `checkUnmerged` also looks for conflicted index entries
 * (a conflicted `git stash pop` leaves no marker file); the staged scope sees them in its own index listing instead.
 */
export async function operationInProgress(info: RepoInfo, checkUnmerged = true): Promise<string | null> {
  const marks: Array<[string, string]> = [
    ['MERGE_HEAD', 'merge'],
    ['CHERRY_PICK_HEAD', 'cherry-pick'],
    ['REVERT_HEAD', 'revert'],
    ['rebase-merge', 'rebase'],
    ['rebase-apply', 'rebase'],
  ];
  for (const [file, name] of marks) if (existsSync(path.join(info.gitDir, file))) return name;
  if (!checkUnmerged) return null;
  const unmerged = splitZ(await gitOk(info.workspace, ['ls-files', '-u', '-z']));
  return unmerged.length > 0 ? 'conflict resolution' : null;
}

/** Throws MERGE_IN_PROGRESS when the index holds an unfinished operation (its content is not a state to check). */
export async function assertNoOperationInProgress(info: RepoInfo, checkUnmerged = true): Promise<void> {
  const op = await operationInProgress(info, checkUnmerged);
  if (op !== null) {
    throw unfinished(info, op);
  }
}

/**
 * Throws MERGE_IN_PROGRESS only while the index still holds conflicts. The index of a merge (or cherry-pick,
 * revert, rebase stop) whose conflicts are resolved is exactly what `git commit` will record, so it is checked.
 */
export async function assertIndexResolved(info: RepoInfo): Promise<void> {
  const unmerged = splitZ(await gitOk(info.workspace, ['ls-files', '-u', '-z']));
  if (unmerged.length > 0) throw unfinished(info, (await operationInProgress(info, false)) ?? 'conflict resolution');
}

/** The MERGE_IN_PROGRESS error for an unfinished operation. */
export function unfinished(info: RepoInfo, op: string): RustgateError {
  return new RustgateError('MERGE_IN_PROGRESS', `a ${op} is in progress in ${info.top}`, `finish or abort the ${op}, then retry`);
}
