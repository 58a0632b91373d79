/** The git plumbing the hook installer needs, through execa (reject: false; failures are values). */
import path from 'node:path';
import { execa } from 'execa';
import { RustgateError } from '../../core/errors.js';

/** Runs git in `cwd` and returns trimmed stdout and the exit code. */
export async function git(cwd: string, args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const r = await execa('git', args, { cwd, reject: false, stdin: 'ignore' });
  return { code: r.exitCode ?? -1, stdout: String(r.stdout ?? '').trim(), stderr: String(r.stderr ?? '').trim() };
}

/** The work-tree root of the git repository containing `dir`; NOT_A_GIT_REPO (exit 2) otherwise. */
export async function gitTopLevel(dir: string): Promise<string> {
  const r = await git(dir, ['rev-parse', '--show-toplevel']).catch(() => ({ code: -1, stdout: '', stderr: 'cannot run git' }));
  if (r.code !== 0 || r.stdout === '') {
    throw new RustgateError(
      'NOT_A_GIT_REPO',
      `${dir} is not inside a git work tree${r.stderr ? ` (${r.stderr.split('\n')[0]})` : ''}`,
      'Run `git init` first, or pass --repo pointing at a git repository.',
    );
  }
  return path.resolve(r.stdout);
}

/** A `git config` value, or null when unset. `scope` 'local' reads only the repository's own config. */
export async function gitConfigGet(cwd: string, key: string, scope?: 'local'): Promise<string | null> {
  const r = await git(cwd, ['config', ...(scope ? [`--${scope}`] : []), '--get', key]);
  return r.code === 0 ? r.stdout : null;
}

/** Sets (value) or unsets (null) a key in the repository's local config. */
export async function gitConfigSetLocal(cwd: string, key: string, value: string | null): Promise<void> {
  const r = value === null ? await git(cwd, ['config', '--local', '--unset', key]) : await git(cwd, ['config', '--local', key, value]);
  // Exit 5 on --unset means "was not set": already the state we want.
  if (r.code !== 0 && !(value === null && r.code === 5)) {
    throw new RustgateError('INTERNAL', `git config ${key} failed: ${r.stderr}`, 'Check the repository config (.git/config) is writable.');
  }
}

/** The hooks directory git uses when core.hooksPath is not set (handles worktrees), absolute. */
export async function defaultHooksDir(top: string): Promise<string> {
  const r = await git(top, ['rev-parse', '--git-common-dir']);
  return path.resolve(top, r.stdout || '.git', 'hooks');
}
