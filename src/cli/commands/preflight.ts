/** `rustgate preflight`: flags → runPreflight → reporter → exit code (0 clean, 1 errors, 2 usage/environment). */
import type { Command } from 'commander';
import type { PreflightExtension } from '../../app/preflight.js';
import type { CargoTargetKind } from '../../config/schema.js';
import { ExitCode, RustgateError } from '../../core/errors.js';
import type { PreflightReport, Scope } from '../../core/preflight/types.js';
import { REPORT_FORMATS, type ReportFormat } from '../../reporters/formats.js';
import type { CliIO } from '../io.js';
import type { SetExit } from './index.js';

/** Parsed flags of `rustgate preflight` (commander's camelCase names). */
export interface PreflightFlags {
  staged?: boolean;
  diff?: string;
  worktree?: boolean;
  format: string;
  features?: string[];
  allFeatures?: boolean;
  package?: string[];
  packages?: string[];
  /** Check the whole workspace instead of the affected packages. */
  workspace?: boolean;
  /** Always check in the shadow copy, even when the staged content is the working tree. */
  shadow?: boolean;
  /** Run as a git hook: quiet defaults (no rust-analyzer overlay unless asked). */
  hook?: boolean;
  /** Cargo target selection from rustgate.yaml (`preflight.targets`), set by the seams. */
  targets?: 'all' | CargoTargetKind[];
  repo: string;
  [extra: string]: unknown;
}

/** Seams for other features (`--tests`, rust-analyzer): add flags, then contribute extensions from the parsed flags. */
export interface PreflightCliSeams {
  addOptions?: (cmd: Command) => void;
  extensions?: (flags: PreflightFlags) => Promise<PreflightExtension[]> | PreflightExtension[];
}

const collect = (value: string, prev: string[]): string[] => [...prev, ...value.split(',').map((v) => v.trim()).filter(Boolean)];

/** Resolves the scope flags; more than one is a usage error. */
export function scopeOf(flags: PreflightFlags): { scope: Scope; range?: string } {
  const chosen = [flags.staged ? 'staged' : null, flags.diff !== undefined ? 'diff' : null, flags.worktree ? 'worktree' : null].filter((x) => x !== null);
  if (chosen.length > 1) throw new RustgateError('BAD_FLAG', `choose one of --staged, --diff, --worktree (got ${chosen.map((c) => `--${c}`).join(' and ')})`, 'run rustgate preflight --help');
  if (flags.diff !== undefined) return { scope: 'diff', range: flags.diff };
  return { scope: flags.worktree ? 'worktree' : 'staged' };
}

/**
 * Runs PreFlight for parsed flags (rustgate.yaml defaults through the seams) and returns the report; the
 * `preflight` command and `hooks run` (one process, its own output) share it.
 */
export async function preflightReport(flags: PreflightFlags, io: CliIO, seams: PreflightCliSeams = {}): Promise<PreflightReport> {
  const { scope, range } = scopeOf(flags);
  // `--packages a,b` and `--package a --package b` name one set; rustgate.yaml's list applies when both are absent.
  flags.package = [...new Set([...(flags.package ?? []), ...(flags.packages ?? [])])];
  const extensions = seams.extensions ? await seams.extensions(flags) : [];
  // Loaded here so `--help`, `--version` and other commands never load the PreFlight stack.
  const { runPreflight } = await import('../../app/preflight.js');
  const packages = flags.package ?? [];
  return runPreflight({
    repo: flags.repo,
    scope,
    ...(range !== undefined ? { range } : {}),
    ...(flags.features && flags.features.length > 0 ? { features: flags.features } : {}),
    ...(flags.allFeatures ? { allFeatures: true } : {}),
    ...(packages.length > 0 ? { packages } : {}),
    ...(flags.workspace ? { wholeWorkspace: true } : {}),
    ...(flags.shadow ? { forceShadow: true } : {}),
    ...(flags.targets !== undefined && flags.targets !== 'all' ? { targets: flags.targets } : {}),
    extensions,
    ...(io.interactive ? { onProgress: (stage: string) => io.err(`rustgate: ${stage}…`) } : {}),
    onWait: (holder) => io.err(`waiting for another rustgate run (pid ${holder.pid})…`),
  });
}

/** Registers `preflight` on the program. */
export function registerPreflight(program: Command, io: CliIO, setExit: SetExit, seams: PreflightCliSeams = {}): void {
  const cmd = program
    .command('preflight')
    .description('Check exactly the staged content (or a commit range, or the working tree) with cargo check: in place when it is the working tree, otherwise in a private copy; only the affected packages')
    .option('--staged', 'check the git index (default)')
    .option('--diff <range>', 'check the HEAD side of BASE..HEAD')
    .option('--worktree', 'check the working tree (tracked and untracked, non-ignored files)')
    .option('--format <format>', `output format: ${REPORT_FORMATS.join('|')}`, 'pretty')
    .option('--features <list>', 'cargo features to enable (comma-separated, repeatable)', collect, [])
    .option('--all-features', 'enable all cargo features')
    .option('--package <name>', 'check only this package (repeatable)', collect, [])
    .option('--packages <list>', 'check exactly these packages (comma-separated), e.g. a shard from `rustgate affected`', collect, [])
    .option('--workspace', 'check the whole workspace, not only the packages affected by the change')
    .option('--shadow', 'check in the private copy even when the staged content is the working tree')
    .option('--hook', 'run as a git hook (rust-analyzer overlay off unless --rust-analyzer is given)')
    .option('--repo <dir>', 'the workspace root (directory with the root Cargo.toml)', '.');
  seams.addOptions?.(cmd);
  cmd.action(async (flags: PreflightFlags) => {
    if (!REPORT_FORMATS.includes(flags.format as ReportFormat)) {
      throw new RustgateError('BAD_FLAG', `unknown --format '${flags.format}'`, `use one of ${REPORT_FORMATS.join(', ')}`);
    }
    const report = await preflightReport(flags, io, seams);
    const { renderReport } = await import('../../reporters/index.js');
    const text = renderReport(report, flags.format as ReportFormat);
    if (text !== '') io.out(text);
    // A blocked commit: hand over the validated fix (zero-LLM, within fix.gate_seconds) and the command that applies it.
    if (!report.ok && flags.format === 'pretty') {
      const { suggestGateFix, renderGateFix } = await import('../../app/fix/gate.js');
      const fix = await suggestGateFix(report, { repo: flags.repo }).catch((e: unknown) => ({ status: 'skipped' as const, reason: e instanceof Error ? e.message : String(e), pattern_id: null, confidence: null, rating: null, diff: null, command: null, ms: 0 }));
      if (fix) io.err(renderGateFix(fix));
    }
    setExit(report.ok ? ExitCode.Ok : ExitCode.Findings);
  });
}
