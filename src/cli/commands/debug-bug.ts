/** `rustgate debug-bug`: flags → runDebugBug → report (JSON or text) → exit code (0 fixed/proposed/nothing, 1 no safe fix or, with --apply, not applied). */
import { createInterface } from 'node:readline/promises';
import type { Command } from 'commander';
import type { DebugBugReport } from '../../app/debug-bug.js';
import { ExitCode } from '../../core/errors.js';
import type { CandidateSource } from '../../core/fix/types.js';
import type { IsgStore } from '../../store/types.js';
import { printJson, type CliIO } from '../io.js';
import type { SetExit } from './index.js';

/** Parsed flags (commander's camelCase names). */
interface DebugBugFlags {
  investigate?: boolean;
  apply?: boolean;
  json?: boolean;
  llm: string;
  model?: string;
  repo: string;
  test?: string;
  tests?: boolean;
  mode?: string;
  fallbackModel?: string;
}

/** What the lead wires in: candidate sources (patterns) and the store; both optional. */
export interface DebugBugDeps {
  /** Extra candidate sources; default: the bundled pattern library. */
  sources?: (repo: string) => Promise<CandidateSource[]>;
  /** Opens the ISG store of the repo (null when it has not been built); default: `defaultOpenStore`. The command closes it. */
  openStore?: (repo: string) => Promise<IsgStore | null>;
  /** Asks the user; default: a y/N prompt on the terminal. */
  confirm?: (report: DebugBugReport) => Promise<boolean>;
}

/**
 * The workspace's one ISG store (`<root>/.rustgate/store/`, whichever directory of the workspace the command ran
 * in), built or refreshed incrementally first so every error has its ISG key. A repo that is not a Cargo workspace,
 * or a graph that cannot be built, gives null (the fix still runs, without keys) and a warning.
 */
export async function defaultOpenStore(repo: string, onWarning: (m: string) => void = () => undefined): Promise<IsgStore | null> {
  const [{ checkWorkspaceDir }, { rustgatePaths }] = await Promise.all([import('../../adapters/cargo/metadata.js'), import('../../core/paths.js')]);
  let root: string;
  try {
    root = checkWorkspaceDir(repo);
  } catch {
    return null; // the pipeline reports the bad --repo itself
  }
  const { openBuiltStore } = await import('../../app/build-isg.js');
  try {
    return await openBuiltStore(root, rustgatePaths(root).store, { onWarning });
  } catch (e) {
    onWarning(`ISG not available, errors have no isg_key: ${e instanceof Error ? e.message : String(e)}`);
    return null;
  }
}

/** Renders the report for people. */
export function renderDebugBugText(r: DebugBugReport): string {
  const lines = [`debug-bug: ${r.status} (rating ${r.report.rating})`, `root cause: ${r.report.root_cause}`];
  for (const a of r.report.anti_patterns) lines.push(`  ${a.severity} ${a.pattern_id}${a.source === 'vector' ? ' (vector)' : ''} at ${a.file}:${a.line}: ${a.message}`);
  for (const e of r.errors) lines.push(`  error ${e.code ?? '-'} at ${e.file ?? '?'}:${e.line ?? '?'}${e.isg_key ? ` [${e.isg_key}]` : ''}`);
  if (r.candidate) {
    lines.push(`candidate: ${r.candidate.description}`);
    lines.push(`  pattern ${r.candidate.pattern_id ?? '-'}, confidence ${r.candidate.confidence.toFixed(2)}, ${r.candidate.validation_status}, zero-LLM ${String(r.candidate.zero_llm)}`);
    lines.push(r.candidate.diff.trimEnd());
  }
  if (r.errors_fixed.length > 0 && r.errors_remaining.length > 0) {
    for (const e of r.errors_fixed) lines.push(`  fixed ${e.code ?? '-'} at ${e.file ?? '?'}:${e.line ?? '?'}${e.isg_key ? ` [${e.isg_key}]` : ''}`);
    for (const e of r.errors_remaining) lines.push(`  remains ${e.code ?? '-'} at ${e.file ?? '?'}:${e.line ?? '?'}${e.isg_key ? ` [${e.isg_key}]` : ''}`);
  }
  for (const a of r.amber_reasons ?? []) lines.push(`  amber: ${a}`);
  if (r.applied_commit) lines.push(`applied in commit ${r.applied_commit}`);
  if (r.not_applied_reason) lines.push(`not applied: ${r.not_applied_reason}`);
  return lines.join('\n');
}

async function askOnTerminal(report: DebugBugReport, io: CliIO): Promise<boolean> {
  io.err(renderDebugBugText(report));
  const rl = createInterface({ input: process.stdin, output: process.stderr });
  try {
    const answer = await rl.question('Apply this fix? [y/N] ');
    return /^y(es)?$/i.test(answer.trim());
  } finally {
    rl.close();
  }
}

/** Registers `debug-bug` on the program. */
export function registerDebugBug(program: Command, io: CliIO, setExit: SetExit, deps: DebugBugDeps = {}): void {
  program
    .command('debug-bug')
    .description('Find a validated fix for the current compile errors of the working tree; apply it with --apply')
    .option('--investigate', 'only report: never apply')
    .option('--apply', 'apply a validated fix and make one git commit')
    .option('--json', 'print the report as JSON')
    .option('--llm <mode>', 'model to use for candidates: none|local|openai', 'none')
    .option('--model <path|id>', 'with --llm local: a GGUF file or a models.yaml id; with --llm openai: the model name', process.env.RUSTGATE_MODEL)
    .option('--mode <mode>', 'resources: standard|low-mem|offline (default: fix.mode in rustgate.yaml, else standard)')
    .option('--fallback-model <path|id>', 'with --llm: a larger GGUF asked once per error when the first answer is unsure')
    .option('--test <name>', 'also require this test (cargo test filter) to pass')
    .option('--tests', "also require the workspace's tests to pass")
    .option('--repo <dir>', 'the workspace root (directory with the root Cargo.toml)', '.')
    .action(async (flags: DebugBugFlags) => {
      const { runDebugBug, loadPatternSources } = await import('../../app/debug-bug.js');
      const isgWarnings: string[] = [];
      const store = await (deps.openStore ?? ((repo: string) => defaultOpenStore(repo, (m) => isgWarnings.push(m))))(flags.repo);
      try {
        const sources = deps.sources ? await deps.sources(flags.repo) : await loadPatternSources();
        // Only an interactive terminal without --json is asked; anything else never writes without --apply.
        const canAsk = io.interactive && Boolean(process.stdin.isTTY) && !flags.json && !flags.investigate && !flags.apply;
        const confirm = deps.confirm ?? (canAsk ? (r: DebugBugReport) => askOnTerminal(r, io) : undefined);
        const report = await runDebugBug({
          repo: flags.repo,
          investigate: Boolean(flags.investigate),
          apply: Boolean(flags.apply),
          llm: flags.llm,
          ...(flags.model ? { model: flags.model } : {}),
          ...(flags.mode ? { mode: flags.mode } : {}),
          ...(flags.fallbackModel ? { fallbackModel: flags.fallbackModel } : {}),
          test: flags.test ?? null,
          tests: Boolean(flags.tests),
          sources,
          store,
          ...(confirm ? { confirm } : {}),
        });
        report.warnings.unshift(...isgWarnings);
        for (const w of report.warnings) io.err(`warning: ${w}`);
        if (flags.json) {
          printJson(io, report);
        } else io.out(renderDebugBugText(report));
        // --apply succeeds only when it applied a fix (or there was nothing to fix); a proposal it did not apply is 1.
        const unapplied = Boolean(flags.apply) && report.status === 'proposed';
        setExit(report.status === 'no_safe_fix' || unapplied ? ExitCode.Findings : ExitCode.Ok);
      } finally {
        await store?.close();
      }
    });
}
