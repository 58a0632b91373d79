/** Runs `cargo check` with JSON messages in a directory and returns the internal diagnostics, as fields. */
import path from 'node:path';
import { StringDecoder } from 'node:string_decoder';
import { startTool } from '../process/group.js';
import type { Diagnostic } from '../../core/diagnostics/types.js';
import { RustgateError } from '../../core/errors.js';
import { isErrorMessageLine, parseCargoMessages } from './diagnostics.js';

export interface CargoCheckOptions {
  /** The workspace root to check (the directory with the root Cargo.toml). */
  cwd: string;
  /** CARGO_TARGET_DIR; persistent so later runs are incremental. Null: cargo's own choice (the user's `target/`,
   * `CARGO_TARGET_DIR` or `build.target-dir`), for checks in place. */
  targetDir: string | null;
  features?: string[];
  allFeatures?: boolean;
  /** Pass `--no-default-features` (the fix validation's extra configurations). */
  noDefaultFeatures?: boolean;
  /** Check only these packages (`-p`) instead of the whole workspace. */
  packages?: string[];
  /** Narrower targets than `--all-targets` (`--lib`, `--tests`, …). */
  targets?: string[];
  /** Pass `--keep-going` (default true): a failing cold run still builds every dependency it can. */
  keepGoing?: boolean;
  /** Pass `--locked`: cargo must not write Cargo.lock (checks in the user's own workspace). */
  locked?: boolean;
  timeoutMs?: number;
  /** Extra environment (tests strip PATH through this). */
  env?: Record<string, string>;
  /** Called once, as soon as cargo streams the first error-level compiler message (before cargo exits). */
  onFirstError?: () => void;
}

export interface CargoCheckResult {
  /** Paths are relative to `cwd`, '/'-separated. */
  diagnostics: Diagnostic[];
  buildSucceeded: boolean | null;
  /** Packages cargo compiled in this run (see `CargoRunMessages.checkedPackages`). */
  checkedPackages: string[];
  exitCode: number | null;
  timedOut: boolean;
  ms: number;
  /** The last lines of cargo's stderr (manifest errors and the like are only there). */
  stderrTail: string;
}

/** The cargo arguments for a check run. */
export function cargoCheckArgs(opts: Pick<CargoCheckOptions, 'features' | 'allFeatures' | 'noDefaultFeatures' | 'packages' | 'targets' | 'keepGoing' | 'locked'>): string[] {
  const args = ['check', ...(opts.targets && opts.targets.length > 0 ? opts.targets.map((t) => `--${t}`) : ['--all-targets']), '--message-format=json'];
  if (opts.keepGoing !== false) args.push('--keep-going');
  if (opts.locked) args.push('--locked');
  if (opts.packages && opts.packages.length > 0) for (const p of opts.packages) args.push('-p', p);
  else args.push('--workspace');
  if (opts.allFeatures) args.push('--all-features');
  else {
    if (opts.noDefaultFeatures) args.push('--no-default-features');
    if (opts.features && opts.features.length > 0) args.push('--features', opts.features.join(','));
  }
  return args;
}

/** Calls `onFirst` once, when the stream carries the first error-level compiler message; stops listening after. */
function watchFirstError(stream: NodeJS.ReadableStream, onFirst: () => void): void {
  let pending = '';
  const utf8 = new StringDecoder('utf8');
  const onData = (chunk: Buffer | string): void => {
    const lines = (pending + (typeof chunk === 'string' ? chunk : utf8.write(chunk))).split('\n');
    pending = lines.pop() ?? '';
    if (lines.some(isErrorMessageLine)) {
      stream.removeListener('data', onData);
      pending = '';
      onFirst();
    }
  };
  stream.on('data', onData);
}

function tail(text: string, lines = 30): string {
  return text.split('\n').filter((l) => l.trim() !== '').slice(-lines).join('\n');
}

/** Runs `cargo check --workspace --all-targets --keep-going --message-format=json` (or `-p` per package); CARGO_MISSING when cargo is not on PATH. */
export async function cargoCheck(opts: CargoCheckOptions): Promise<CargoCheckResult> {
  const t0 = performance.now();
  // Allow-listed environment, own process group (ended on timeout and with rustgate): src/adapters/process.
  const run = (args: string[]) => {
    const { child } = startTool('cargo', args, {
      cwd: opts.cwd,
      env: { ...(opts.targetDir !== null ? { CARGO_TARGET_DIR: opts.targetDir } : {}), CARGO_TERM_COLOR: 'never', CARGO_TERM_PROGRESS_WHEN: 'never', ...opts.env },
      maxBuffer: 512 * 1024 * 1024,
      ...(opts.timeoutMs !== undefined ? { timeoutMs: opts.timeoutMs } : {}),
    });
    if (opts.onFirstError) watchFirstError(child.stdout, opts.onFirstError);
    return child;
  };
  const args = cargoCheckArgs(opts);
  let r = await run(args);
  // A toolchain pinned below cargo 1.74 does not know `--keep-going` on check: retry once without it.
  if (r.exitCode !== 0 && args.includes('--keep-going') && /unexpected argument '--keep-going'|unknown.*--keep-going|-Z unstable-options.*keep-going/.test(String(r.stderr))) {
    r = await run(args.filter((a) => a !== '--keep-going'));
  }
  if (r.failed && r.exitCode === undefined && r.code === 'ENOENT') {
    throw new RustgateError('CARGO_MISSING', 'cargo is not on PATH', 'install Rust with rustup (https://rustup.rs), then retry');
  }
  const { diagnostics, buildSucceeded, checkedPackages } = parseCargoMessages(r.stdout, path.resolve(opts.cwd));
  return {
    diagnostics,
    buildSucceeded,
    checkedPackages,
    exitCode: r.exitCode ?? null,
    timedOut: r.timedOut,
    ms: performance.now() - t0,
    stderrTail: tail(r.stderr),
  };
}

/** True when cargo refused to run because `--locked` forbids the Cargo.lock update it needs. */
export function lockfileNeedsUpdate(stderr: string): boolean {
  return /--locked was passed|cannot update the lock file|lock file .* needs to be updated/.test(stderr);
}
