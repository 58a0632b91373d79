/** `rustgate build-isg`: builds or refreshes the ISG under `<repo>/.rustgate/store/` and prints its stats. */
import type { Command } from 'commander';
import type { BuildProgress, BuildResult } from '../../app/build-isg.js';
import { storeDir } from '../../app/workdir.js';
import { ExitCode } from '../../core/errors.js';
import { printJson, type CliIO } from '../io.js';
import type { SetExit } from './index.js';

interface BuildFlags {
  repo: string;
  json?: boolean;
  verbose?: boolean;
}

/** Problems as one summary line (files and kinds), or one line each with `verbose`. */
export function reportProblems(io: CliIO, problems: BuildResult['problems'], verbose: boolean): void {
  if (problems.length === 0) return;
  if (verbose) {
    for (const p of problems) io.err(`rustgate: warning[${p.kind}]: ${p.file}${p.line !== undefined ? `:${p.line}` : ''}: ${p.message}`);
    return;
  }
  const files = new Set(problems.map((p) => p.file)).size;
  const kinds = [...new Set(problems.map((p) => p.kind))].sort().join(', ');
  io.err(`rustgate: warning: ${problems.length} problem${problems.length === 1 ? '' : 's'} in ${files} file${files === 1 ? '' : 's'} (${kinds}); the rest is indexed. Run build-isg --verbose for the list.`);
}

/** A progress reporter that rewrites one stderr line (only used when stderr is a terminal). */
export function progressLine(io: CliIO): ((p: BuildProgress) => void) | undefined {
  if (!io.interactive) return undefined;
  let last = 0;
  return (p) => {
    const now = Date.now();
    if (now - last < 100 && p.done !== p.total) return;
    last = now;
    const count = p.total > 0 ? ` ${p.done}/${p.total}` : '';
    process.stderr.write(`\r\u001b[2Krustgate: ${p.phase}${count}`);
    if (p.phase === 'write') process.stderr.write('\r\u001b[2K');
  };
}

/** Builds the ISG of `root` into its store; shared by `build-isg` and commands that need a fresh graph. */
export async function buildRepoIsg(root: string, io: CliIO): Promise<BuildResult> {
  // The workspace root (from a subdirectory or a member crate too); fails early with NOT_A_DIRECTORY /
  // NO_CARGO_TOML / CARGO_MISSING, before a store is created. Loaded here so that `--version`, `--help` and other
  // commands never load execa.
  const { readWorkspace } = await import('../../adapters/cargo/metadata.js');
  const workspace = await readWorkspace(root);
  const abs = workspace.root;
  // Loaded here so that other commands (and --help) never load tree-sitter or Cozo.
  const [{ buildIsg }, { openStore }] = await Promise.all([import('../../app/build-isg.js'), import('../../store/cozo-store.js')]);
  const store = await openStore(storeDir(abs), { onWarning: (m) => io.err(`rustgate: warning: ${m}`) });
  try {
    const onProgress = progressLine(io);
    return await buildIsg({ root: abs, store, workspace, ...(onProgress ? { onProgress } : {}) });
  } finally {
    await store.close();
  }
}

function printPretty(io: CliIO, r: BuildResult): void {
  const kinds = Object.entries(r.by_kind)
    .filter(([, n]) => n > 0)
    .map(([k, n]) => `${k} ${n}`)
    .join(', ');
  const rels = Object.entries(r.by_rel)
    .map(([k, n]) => `${k} ${n}`)
    .join(', ');
  io.out(`ISG: ${r.nodes} nodes, ${r.edges} edges in ${r.ms} ms (files parsed ${r.files_parsed}, reused ${r.files_reused})`);
  io.out(`  nodes: ${kinds || 'none'}`);
  io.out(`  edges: ${rels}`);
  io.out(`  unresolved calls: ${r.unresolved_calls} (std/external or not knowable; no edge guessed)`);
}

/** Registers `build-isg` on the program. */
export function registerBuildIsg(program: Command, io: CliIO, setExit: SetExit): void {
  program
    .command('build-isg')
    .description('Build or incrementally refresh the Interface Signature Graph of the workspace')
    .option('--repo <dir>', 'the workspace root (directory with the root Cargo.toml)', '.')
    .option('--json', 'print the stats as one JSON object')
    .option('--verbose', 'list every parse problem (default: one summary line)')
    .action(async (flags: BuildFlags) => {
      const r = await buildRepoIsg(flags.repo, io);
      reportProblems(io, r.problems, flags.verbose === true);
      if (flags.json) printJson(io, r);
      else printPretty(io, r);
      setExit(ExitCode.Ok);
    });
}
