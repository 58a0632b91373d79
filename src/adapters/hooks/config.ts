/** The git facts and config writes the hook installer needs, through the shared git runner (src/adapters/git/run.ts). */
import path from 'node:path';
import { RustgateError } from '../../core/errors.js';
import { git } from '../git/run.js';

/** Where a repository keeps its hooks: its work-tree top and the git directory all its worktrees share. */
export interface HookRepo {
  /** Absolute work-tree root of the worktree `dir` is in. */
  top: string;
  /** Absolute common git directory (`.git` of the main worktree; shared by every linked worktree). */
  commonDir: string;
}

/** Opens the git repository containing `dir`; NOT_A_GIT_REPO (exit 2) otherwise. */
export async function openHookRepo(dir: string): Promise<HookRepo> {
  const r = await git(dir, ['rev-parse', '--path-format=absolute', '--show-toplevel', '--git-common-dir']);
  const [top = '', commonDir = ''] = r.stdout.split('\n');
  if (r.exitCode !== 0 || top === '' || commonDir === '') {
    const why = r.stderr.trim().split('\n')[0];
    throw new RustgateError(
      'NOT_A_GIT_REPO',
      `${dir} is not inside a git work tree${why ? ` (${why})` : ''}`,
      'Run `git init` first, or pass --repo pointing at a git repository.',
    );
  }
  return { top: path.resolve(top), commonDir: path.resolve(commonDir) };
}

/** A `git config` value, or null when unset. `scope` 'local' reads only the repository's own config. */
export async function getConfig(cwd: string, key: string, scope?: 'local'): Promise<string | null> {
  const r = await git(cwd, ['config', ...(scope ? [`--${scope}`] : []), '--get', key]);
  return r.exitCode === 0 ? r.stdout.replace(/\n$/, '') : null;
}

/** Sets (value) or unsets (null) a key in the repository's local config. */
export async function setLocalConfig(cwd: string, key: string, value: string | null): Promise<void> {
  const r = value === null ? await git(cwd, ['config', '--local', '--unset', key]) : await git(cwd, ['config', '--local', key, value]);
  // Exit 5 on --unset means "was not set": already the state we want.
  if (r.exitCode !== 0 && !(value === null && r.exitCode === 5)) {
    throw new RustgateError('INTERNAL', `git config ${key} failed: ${r.stderr.trim()}`, 'Check the repository config (.git/config) is writable.');
  }
}
