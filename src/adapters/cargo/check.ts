/** Runs `cargo check` with JSON messages in a directory and returns the internal diagnostics, as fields. */
import path from 'node:path';
import { execa } from 'execa';
import type { Diagnostic } from '../../core/diagnostics/types.js';
import { RustgateError } from '../../core/errors.js';
import { parseCargoMessages } from './diagnostics.js';

export interface CargoCheckOptions {
  /** The workspace root to check (the directory with the root Cargo.toml). */
  cwd: string;
  /** CARGO_TARGET_DIR; persistent so later runs are incremental. */
  targetDir: string;
  features?: string[];
  allFeatures?: boolean;
  /** Check only these packages (`-p`) instead of the whole workspace. */
  packages?: string[];
  timeoutMs?: number;
  /** Extra environment (tests strip PATH through this). */
  env?: Record<string, string>;
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
export function cargoCheckArgs(opts: Pick<CargoCheckOptions, 'features' | 'allFeatures' | 'packages'>): string[] {
  const args = ['check', '--all-targets', '--message-format=json'];
  if (opts.packages && opts.packages.length > 0) for (const p of opts.packages) args.push('-p', p);
  else args.push('--workspace');
  if (opts.allFeatures) args.push('--all-features');
  else if (opts.features && opts.features.length > 0) args.push('--features', opts.features.join(','));
  return args;
}

function tail(text: string, lines = 30): string {
  return text.split('\n').filter((l) => l.trim() !== '').slice(-lines).join('\n');
}

/** Runs `cargo check --workspace --all-targets --message-format=json`; CARGO_MISSING when cargo is not on PATH. */
export async function cargoCheck(opts: CargoCheckOptions): Promise<CargoCheckResult> {
  const t0 = performance.now();
  const r = await execa('cargo', cargoCheckArgs(opts), {
    cwd: opts.cwd,
    reject: false,
    stdin: 'ignore',
    env: { CARGO_TARGET_DIR: opts.targetDir, CARGO_TERM_COLOR: 'never', CARGO_TERM_PROGRESS_WHEN: 'never', ...opts.env },
    maxBuffer: 512 * 1024 * 1024,
    ...(opts.timeoutMs !== undefined ? { timeout: opts.timeoutMs } : {}),
  });
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
