/**
 * What an installed hook does once it reached the CLI (`rustgate hooks run <hook>`): pre-commit runs PreFlight on
 * the staged content and reports the time against the budget; pre-push runs PreFlight with tests on the commits
 * being pushed. The hook files themselves stay one-line shims.
 */
import { execa } from 'execa';
import { loadConfig } from '../../config/index.js';
import { RustgateError } from '../../core/errors.js';
import { git } from './git.js';
import { RUSTGATE_HOOKS, type RustgateHook } from './install.js';

/** Inputs of one hook run. */
export interface HookRunOptions {
  hook: string;
  /** The Rust repository (the shim passes the one recorded at install). */
  repo: string;
  /** The arguments git gave the hook (pre-push: remote name and URL). */
  hookArgs: string[];
  /** How to start rustgate itself: `[node, ...args]`. */
  self: string[];
  out: (text: string) => void;
  err: (text: string) => void;
  env?: NodeJS.ProcessEnv;
}

const seconds = (ms: number): string => (ms / 1000).toFixed(1);

/** The base of the pushed range: the upstream, else the remote's default branch, else null (skip). */
export async function pushBase(repo: string, remote: string | undefined): Promise<string | null> {
  const up = await git(repo, ['rev-parse', '--abbrev-ref', '--symbolic-full-name', '@{u}']);
  if (up.code === 0 && up.stdout !== '') return up.stdout;
  const head = await git(repo, ['symbolic-ref', '--quiet', '--short', `refs/remotes/${remote ?? 'origin'}/HEAD`]);
  if (head.code === 0 && head.stdout !== '') return head.stdout;
  return null;
}

/** Runs one hook and resolves to the exit code git should see (non-zero blocks the commit or push). */
export async function runHook(opts: HookRunOptions): Promise<number> {
  const env = opts.env ?? process.env;
  if (!(RUSTGATE_HOOKS as readonly string[]).includes(opts.hook)) {
    throw new RustgateError('BAD_FLAG', `unknown hook "${opts.hook}"`, `Use one of: ${RUSTGATE_HOOKS.join(', ')}.`);
  }
  const hook = opts.hook as RustgateHook;
  if (env.RUSTGATE === '0') {
    opts.err(`rustgate: ${hook} check skipped (RUSTGATE=0)`);
    return 0;
  }
  const config = loadConfig(opts.repo);
  let flags: string[];
  if (hook === 'pre-commit') {
    flags = ['--staged'];
  } else {
    const base = await pushBase(opts.repo, opts.hookArgs[0]);
    if (base === null) {
      opts.err(`rustgate pre-push: no upstream branch and no default branch known for ${opts.hookArgs[0] ?? 'origin'}: pre-push check skipped`);
      opts.err('  (set one with `git push -u` or `git remote set-head origin --auto`)');
      return 0;
    }
    flags = ['--diff', `${base}..HEAD`, '--tests'];
  }
  const [cmd, ...pre] = opts.self;
  if (cmd === undefined) throw new RustgateError('INTERNAL', 'no command to start rustgate', 'Reinstall the hooks with `rustgate hooks install`.');
  const started = Date.now();
  const r = await execa(cmd, [...pre, 'preflight', ...flags, '--repo', opts.repo], {
    reject: false, stdin: 'ignore', stdout: 'inherit', stderr: 'inherit', env,
  });
  const ms = Date.now() - started;
  const code = r.exitCode ?? 3;
  if (hook === 'pre-commit') {
    const budget = config.preflight.budgetSeconds;
    opts.err(
      ms <= budget * 1000
        ? `rustgate pre-commit: PreFlight took ${seconds(ms)} s (budget ${budget} s)`
        : `rustgate pre-commit: PreFlight took ${seconds(ms)} s, over the ${budget} s budget (preflight.budget_seconds in rustgate.yaml)`,
    );
  } else {
    opts.err(`rustgate pre-push: PreFlight with tests on ${flags[1]} took ${seconds(ms)} s`);
  }
  if (code !== 0) {
    const what = hook === 'pre-commit' ? 'commit' : 'push';
    opts.err(`rustgate: ${what} blocked (exit ${code}). Fix the problems above, or skip rustgate once with RUSTGATE=0 git ${what} … (git ${what} --no-verify skips every hook).`);
  }
  return code;
}
