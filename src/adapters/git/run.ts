/** Runs read-only git plumbing. Every call disables optional locks so git never takes the index lock for us. */
import { execa } from 'execa';
import { RustgateError } from '../../core/errors.js';

/** Environment for every git call: no optional index refresh/lock, no prompts, stable messages. */
export const GIT_ENV: Readonly<Record<string, string>> = {
  GIT_OPTIONAL_LOCKS: '0',
  GIT_TERMINAL_PROMPT: '0',
  LC_ALL: 'C',
};

/** A finished git command, as fields. */
export interface GitResult {
  exitCode: number;
  stdout: string;
  stderr: string;
  command: string;
}

function missingGit(cause: unknown): RustgateError {
  return new RustgateError('NOT_A_GIT_REPO', 'git is not installed or not on PATH', 'install git and retry', { cause });
}

/** Extra settings of one git call. */
export interface GitCallOptions {
  /** Variables added to GIT_ENV for this call (e.g. GIT_INDEX_FILE for a private index). */
  env?: Readonly<Record<string, string>>;
}

/** Runs `git args` in `cwd` and returns text output; never throws for a non-zero exit. */
export async function git(cwd: string, args: readonly string[], input?: string, opts: GitCallOptions = {}): Promise<GitResult> {
  const r = await execa('git', args, {
    cwd,
    reject: false,
    env: opts.env ? { ...GIT_ENV, ...opts.env } : GIT_ENV,
    stripFinalNewline: false,
    maxBuffer: 1024 * 1024 * 1024,
    ...(input === undefined ? { stdin: 'ignore' as const } : { input }),
  });
  if (r.failed && r.exitCode === undefined && r.code === 'ENOENT') throw missingGit(r);
  return { exitCode: r.exitCode ?? -1, stdout: r.stdout, stderr: r.stderr, command: r.command };
}

/** Like `git` but stdout stays binary (blob contents). */
export async function gitBuffer(cwd: string, args: readonly string[], input?: string): Promise<{ exitCode: number; stdout: Buffer; stderr: string }> {
  const r = await execa('git', args, {
    cwd,
    reject: false,
    env: GIT_ENV,
    encoding: 'buffer',
    stripFinalNewline: false,
    maxBuffer: 4 * 1024 * 1024 * 1024,
    ...(input === undefined ? { stdin: 'ignore' as const } : { input }),
  });
  if (r.failed && r.exitCode === undefined && r.code === 'ENOENT') throw missingGit(r);
  return { exitCode: r.exitCode ?? -1, stdout: Buffer.from(r.stdout), stderr: Buffer.from(r.stderr).toString('utf8') };
}

/** Runs git and throws an internal error carrying stderr when it fails (for commands that must not fail). */
export async function gitOk(cwd: string, args: readonly string[], input?: string, opts: GitCallOptions = {}): Promise<string> {
  const r = await git(cwd, args, input, opts);
  if (r.exitCode !== 0) {
    throw new RustgateError('INTERNAL', `${r.command} failed (exit ${r.exitCode}): ${r.stderr.trim()}`, 'report this with the output of `git status`');
  }
  return r.stdout;
}

/** Splits NUL-separated output, dropping the empty tail. */
export function splitZ(s: string): string[] {
  const parts = s.split('\0');
  if (parts.length > 0 && parts[parts.length - 1] === '') parts.pop();
  return parts;
}
