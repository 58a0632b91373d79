/**
 * Runs git plumbing: the one git runner. Every call disables optional locks so git never takes the index lock for us.
 * Built on `node:child_process` rather than execa: git needs only spawn, stdin and collected output, and execa's
 * import alone (≈ 70 ms) was a quarter of the pre-commit hook's fixed-cost budget. Tool processes (cargo, rustc…)
 * keep execa through the process module.
 */
import { spawn } from 'node:child_process';
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
  /** The environment git starts from (default process.env); the Action passes its allow-listed one. */
  baseEnv?: NodeJS.ProcessEnv;
}

/** The command line as messages show it (arguments with spaces quoted). */
function commandText(args: readonly string[]): string {
  return ['git', ...args].map((a) => (/^[\w./:=@^~+-]+$/.test(a) ? a : `'${a.replace(/'/g, "'\\''")}'`)).join(' ');
}

/** Spawns git, feeds `input` (or closes stdin), collects both outputs up to `maxBytes` each. */
function runGit(cwd: string, args: readonly string[], input: string | undefined, env: Readonly<Record<string, string>>, maxBytes: number, baseEnv: NodeJS.ProcessEnv = process.env): Promise<{ exitCode: number; stdout: Buffer; stderr: Buffer }> {
  return new Promise((resolve, reject) => {
    const child = spawn('git', args as string[], { cwd, env: { ...baseEnv, ...env }, stdio: [input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'] });
    const { stdout, stderr } = child as unknown as { stdout: NodeJS.ReadableStream; stderr: NodeJS.ReadableStream };
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    let outBytes = 0;
    let errBytes = 0;
    let overflow = false;
    stdout.on('data', (b: Buffer) => {
      outBytes += b.length;
      if (outBytes > maxBytes) {
        overflow = true;
        child.kill('SIGKILL');
      } else out.push(b);
    });
    stderr.on('data', (b: Buffer) => {
      errBytes += b.length;
      if (errBytes <= 1024 * 1024) err.push(b);
    });
    child.on('error', (e: NodeJS.ErrnoException) => reject(e.code === 'ENOENT' ? missingGit(e) : e));
    child.on('close', (code, signal) => {
      if (overflow) reject(new RustgateError('INTERNAL', `${commandText(args)} printed more than ${maxBytes} bytes`, 'report this with the size of the repository'));
      else resolve({ exitCode: code ?? (signal !== null ? 128 : -1), stdout: Buffer.concat(out), stderr: Buffer.concat(err) });
    });
    if (input !== undefined && child.stdin !== null) {
      // A git that exits before reading all of stdin must not crash us with EPIPE: its exit code says what happened.
      child.stdin.on('error', () => undefined);
      child.stdin.end(input);
    }
  });
}

/** Runs `git args` in `cwd` and returns text output; never throws for a non-zero exit. */
export async function git(cwd: string, args: readonly string[], input?: string, opts: GitCallOptions = {}): Promise<GitResult> {
  const r = await runGit(cwd, args, input, opts.env ? { ...GIT_ENV, ...opts.env } : GIT_ENV, 1024 * 1024 * 1024, opts.baseEnv);
  return { exitCode: r.exitCode, stdout: r.stdout.toString('utf8'), stderr: r.stderr.toString('utf8'), command: commandText(args) };
}

/** Like `git` but stdout stays binary (blob contents). */
export async function gitBuffer(cwd: string, args: readonly string[], input?: string): Promise<{ exitCode: number; stdout: Buffer; stderr: string }> {
  const r = await runGit(cwd, args, input, GIT_ENV, 2 * 1024 * 1024 * 1024 - 1);
  return { exitCode: r.exitCode, stdout: r.stdout, stderr: r.stderr.toString('utf8') };
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
