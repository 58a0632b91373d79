/**
 * Runs the tests of selected packages with cargo-nextest (preferred) or `cargo test`, under a time cap, and turns
 * their output into counts and failing tests. The only module that knows nextest's and libtest's output formats.
 * nextest does not run doctests, so beside it `cargo test --doc` runs for the packages with a library. A run is a
 * pass only when it finished within the cap, built, failed nothing and ran every test it selected (`ok`, `problem`).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { runTool, startTool } from '../process/group.js';
import type { Diagnostic } from '../../core/diagnostics/types.js';
import type { GraphQuery } from '../../core/isg/query.js';
import type { Workspace } from '../../core/isg/workspace.js';
import { cratesOwningFiles, impactedPackages, testFailureDiagnostics } from '../../core/tests/index.js';
import { readWorkspace } from './metadata.js';

/** Options of one test run. */
export interface RunTestsOptions {
  /** Directory of the workspace to test (e.g. the shadow tree). */
  cwd: string;
  /** CARGO_TARGET_DIR to build into (shared and persistent, so reruns are incremental). */
  targetDir: string;
  /** Packages to test (`-p` each); an empty list runs nothing. */
  packages: string[];
  /** Wall-clock cap for build + tests; on expiry the whole process group is killed. */
  timeoutMs: number;
  features?: string[];
  allFeatures?: boolean;
  /** 'auto' (default) uses nextest when `cargo nextest --version` works. */
  runner?: 'auto' | 'nextest' | 'cargo-test';
  /** Extra environment for cargo. */
  env?: Record<string, string>;
  /**
   * nextest output to parse: 'libtest-json' (default; experimental in nextest, with an automatic fallback when the
   * installed nextest rejects it) or 'human' (its PASS/FAIL status lines).
   */
  nextestFormat?: 'libtest-json' | 'human';
  /**
   * Packages among `packages` that have a library target, whose doctests run beside nextest; default: read from
   * `cargo metadata`. Ignored with `cargo test`, which runs doctests itself.
   */
  libPackages?: string[];
}

/** One failing test. `name` is the test's path inside its binary (`render::tests::renders_currency`). */
export interface FailedTest {
  name: string;
  package?: string;
  /** Test binary (target) name when known: the lib's crate name, an integration test's file stem, a bin name. */
  binary?: string;
  /** Captured output of the test (truncated), when the runner reported it. */
  output?: string;
}

/** What one run found. Counts cover tests that finished; on a timeout they are the ones done so far. */
export interface TestRunResult {
  runner: 'nextest' | 'cargo-test';
  /** Tests the runners announced they would run (ignored/skipped ones excluded), doctests included. */
  selected: number;
  ran: number;
  passed: number;
  failed: number;
  failedTests: FailedTest[];
  timedOut: boolean;
  /** True when the tests did not compile (nothing or only part ran). */
  buildFailed: boolean;
  /** Cargo's exit code, null when killed. */
  exitCode: number | null;
  /** The command that ran, for messages. */
  command: string[];
  /** Last lines of cargo's stderr, for a human when something other than a test failed. */
  stderrTail: string;
  ms: number;
  /** The doctests run beside nextest (`cargo test --doc`), null when they were not run separately. */
  doctests: { selected: number; ran: number; passed: number; failed: number; command: string[] } | null;
  /** True only when the run finished within the cap, built, failed nothing and ran every selected test. */
  ok: boolean;
  /** Why the run is not a pass, in a few words (null when ok). */
  problem: string | null;
}

/** Why a finished run is not a pass, or null: cut off, not built, failures, a non-zero exit, selected tests not run. */
export function testRunProblem(r: Pick<TestRunResult, 'selected' | 'ran' | 'failed' | 'timedOut' | 'buildFailed' | 'exitCode'>, timeoutMs?: number): string | null {
  if (r.timedOut) return `cut off by the ${timeoutMs !== undefined ? `${Math.round(timeoutMs / 1000)} s ` : ''}time cap after ${r.ran} of ${r.selected} selected tests`;
  if (r.buildFailed) return 'the tests did not build';
  if (r.failed > 0) return `${r.failed} of ${r.ran} tests failed`;
  if (r.exitCode !== 0) return `the test runner exited with ${String(r.exitCode)}`;
  if (r.selected > 0 && r.ran === 0) return `${r.selected} tests were selected but none ran`;
  if (r.ran < r.selected) return `only ${r.ran} of ${r.selected} selected tests ran`;
  return null;
}

const OUTPUT_LIMIT = 4000;
const KILL_GRACE_MS = 2000;

let nextestAvailable: Promise<boolean> | undefined;

/** True when `cargo nextest --version` succeeds (checked once per process). */
export function hasNextest(): Promise<boolean> {
  nextestAvailable ??= runTool('cargo', ['nextest', '--version'], { timeoutMs: 30_000 }).then((r) => r.exitCode === 0);
  return nextestAvailable;
}

/** Runs the tests of `packages` and reports what passed and failed. */
export async function runTests(opts: RunTestsOptions): Promise<TestRunResult> {
  const started = Date.now();
  const wanted = opts.runner ?? 'auto';
  const runner = wanted === 'auto' ? ((await hasNextest()) ? 'nextest' : 'cargo-test') : wanted;
  const pkgArgs = opts.packages.flatMap((p) => ['-p', p]);
  const featureArgs = [
    ...(opts.features && opts.features.length > 0 ? ['--features', opts.features.join(',')] : []),
    ...(opts.allFeatures ? ['--all-features'] : []),
  ];
  const nextestArgs = (json: boolean): string[] => [
    'nextest', 'run', '--no-fail-fast', '--no-tests=pass', ...(json ? ['--message-format', 'libtest-json'] : []), ...pkgArgs, ...featureArgs,
  ];
  const args = runner === 'nextest' ? nextestArgs(opts.nextestFormat !== 'human') : ['test', '--no-fail-fast', ...pkgArgs, ...featureArgs];
  if (opts.packages.length === 0) {
    return {
      runner, selected: 0, ran: 0, passed: 0, failed: 0, failedTests: [], timedOut: false, buildFailed: false, exitCode: 0,
      command: ['cargo', ...args], stderrTail: '', ms: Date.now() - started, doctests: null, ok: true, problem: null,
    };
  }
  const first = await runCapped(runner, args, opts, opts.timeoutMs);
  // A nextest without the (experimental) libtest-json format rejects the flag: run again with human output.
  const rejected =
    runner === 'nextest' && args.includes('libtest-json') && first.exitCode === 2 && first.ran === 0 && /message-format|libtest|unexpected argument/i.test(first.stderrTail);
  const main = rejected ? await runCapped(runner, nextestArgs(false), opts, Math.max(1, opts.timeoutMs - (Date.now() - started))) : first;
  let result: Omit<TestRunResult, 'ok' | 'problem' | 'ms'> = main;
  // nextest never runs doctests: run them beside it for the packages with a library, within what is left of the cap.
  if (runner === 'nextest' && !main.timedOut && !main.buildFailed) {
    const libs = opts.libPackages ?? (await libraryPackages(opts.cwd, opts.packages));
    if (libs.length > 0) {
      const left = opts.timeoutMs - (Date.now() - started);
      const docArgs = ['test', '--doc', '--no-fail-fast', ...libs.flatMap((p) => ['-p', p]), ...featureArgs];
      const doc = left > 0 ? await runCapped('cargo-test', docArgs, opts, left) : null;
      result = doc
        ? {
            ...main,
            selected: main.selected + doc.selected,
            ran: main.ran + doc.ran,
            passed: main.passed + doc.passed,
            failed: main.failed + doc.failed,
            failedTests: [...main.failedTests, ...doc.failedTests],
            timedOut: doc.timedOut,
            buildFailed: doc.buildFailed,
            exitCode: main.exitCode !== 0 ? main.exitCode : doc.exitCode,
            stderrTail: doc.exitCode !== 0 ? doc.stderrTail : main.stderrTail,
            doctests: { selected: doc.selected, ran: doc.ran, passed: doc.passed, failed: doc.failed, command: doc.command },
          }
        : { ...main, timedOut: true, exitCode: null };
    }
  }
  const problem = testRunProblem(result, opts.timeoutMs);
  return { ...result, ms: Date.now() - started, ok: problem === null, problem };
}

/** The packages among `packages` that have a library target (the ones with doctests), from `cargo metadata`. */
async function libraryPackages(cwd: string, packages: readonly string[]): Promise<string[]> {
  try {
    const ws = await readWorkspace(cwd);
    const isLib = (k: string): boolean => k === 'lib' || k === 'rlib' || k === 'dylib' || k === 'proc-macro';
    const withLib = new Set(ws.packages.filter((p) => p.targets.some((t) => t.kind.some(isLib))).map((p) => p.name));
    return packages.filter((p) => withLib.has(p));
  } catch {
    // Without metadata, ask cargo for every package's doctests; cargo rejects a package without a library, which
    // then shows as a failed run rather than as silently skipped doctests.
    return [...packages];
  }
}

/** One cargo run under the time cap, parsed. */
async function runCapped(runner: TestRunResult['runner'], args: string[], opts: RunTestsOptions, timeoutMs: number): Promise<Omit<TestRunResult, 'ok' | 'problem'>> {
  const started = Date.now();
  // Allow-listed environment and its own process group, so a timeout (or rustgate's death) takes down cargo, the
  // runner and every test binary at once.
  const { child } = startTool('cargo', args, {
    cwd: opts.cwd,
    env: {
      ...opts.env,
      CARGO_TARGET_DIR: opts.targetDir,
      NEXTEST_EXPERIMENTAL_LIBTEST_JSON: '1',
      CARGO_TERM_COLOR: 'never',
      // Keep failure output short and stable.
      RUST_BACKTRACE: '0',
    },
  });
  let timedOut = false;
  let killing: Promise<void> | undefined;
  const exited = child.then(() => undefined);
  // What was printed before the cap: tests the kill interrupts are reported by nextest as failed, which they are not.
  let seenOut = 0;
  let seenErr = 0;
  child.stdout?.on('data', (b: Buffer) => (seenOut += b.length));
  child.stderr?.on('data', (b: Buffer) => (seenErr += b.length));
  let cut: { out: number; err: number } | undefined;
  const timer = setTimeout(() => {
    timedOut = true;
    cut = { out: seenOut, err: seenErr };
    if (child.pid !== undefined) killing = killTree(child.pid, exited);
  }, timeoutMs);
  const r = await child;
  clearTimeout(timer);
  // Return only once every process of the run is gone (no test binary outlives the cap).
  if (killing) await killing;

  const text = (v: unknown, n: number | undefined): string =>
    typeof v === 'string' ? (n === undefined ? v : Buffer.from(v).subarray(0, n).toString()) : '';
  const stdout = text(r.stdout, cut?.out);
  const stderr = text(r.stderr, undefined);
  const stderrAtCap = text(r.stderr, cut?.err);
  const parsed = runner === 'nextest' ? parseNextest(stdout, stderrAtCap) : parseCargoTest(stdout, stderrAtCap, opts.packages);
  return {
    runner,
    ...parsed,
    doctests: null,
    timedOut,
    buildFailed: /error: could not compile|error\[E\d{4}\]/.test(stderr),
    exitCode: timedOut ? null : (r.exitCode ?? null),
    command: ['cargo', ...args],
    stderrTail: stderr.split('\n').slice(-20).join('\n'),
    ms: Date.now() - started,
  };
}

/** Parsed counts and failures. */
export interface ParsedTests {
  /** Tests the runner announced it would run (ignored ones excluded). */
  selected: number;
  ran: number;
  passed: number;
  failed: number;
  failedTests: FailedTest[];
}

const trim = (s: string): string => (s.length > OUTPUT_LIMIT ? `${s.slice(0, OUTPUT_LIMIT)}\n… (truncated)` : s);

/** `report::report$render::tests::x` → package `report`, binary `report`, name `render::tests::x`. */
function splitNextestName(full: string): FailedTest {
  const dollar = full.indexOf('$');
  if (dollar < 0) return { name: full };
  const binaryId = full.slice(0, dollar);
  const name = full.slice(dollar + 1);
  const [pkg, ...rest] = binaryId.split('::');
  const binary = rest.length > 0 ? rest.join('::').replace(/^(bin|test|bench|example)\//, '') : pkg;
  return { name, ...(pkg ? { package: pkg } : {}), ...(binary ? { binary } : {}) };
}

/**
 * Parses nextest: its libtest-json events on stdout when present, else its human status lines on stderr
 * (`PASS [ 0.1s] pkg::bin path`, `FAIL [...] pkg::bin path`), so an older nextest without the JSON format still works.
 */
export function parseNextest(stdout: string, stderr: string): ParsedTests {
  let passed = 0;
  let selected = 0;
  let sawJson = false;
  const failedTests: FailedTest[] = [];
  for (const line of stdout.split('\n')) {
    if (!line.startsWith('{')) continue;
    let ev: { type?: string; event?: string; name?: string; stdout?: string; test_count?: number };
    try {
      ev = JSON.parse(line) as typeof ev;
    } catch {
      continue;
    }
    sawJson = true;
    if (ev.type === 'suite' && ev.event === 'started' && typeof ev.test_count === 'number') selected += ev.test_count;
    if (ev.type !== 'test' || typeof ev.name !== 'string') continue;
    if (ev.event === 'ok') passed++;
    else if (ev.event === 'failed' || ev.event === 'timeout') {
      const t = splitNextestName(ev.name);
      failedTests.push(ev.stdout ? { ...t, output: trim(ev.stdout) } : t);
    }
  }
  // Both formats print `Starting N tests across M binaries` on stderr; the JSON suite events carry the same count.
  // nextest's own count of the tests it will run (ignored ones skipped) is the selection. The libtest-json suite
  // events are not: with an `#[ignore]`d test a binary's `started` event comes twice, each with every test of the
  // binary (ignored included), so their sum (6 for 2 run + 1 ignored) made a clean run read as "only 2 of 6 ran".
  const starting = /^\s*Starting (\d+) tests? across/m.exec(stderr);
  if (starting) selected = Number(starting[1]);
  if (!sawJson) {
    // Human format: `        PASS [   0.037s] (2/4) report render::tests::renders_total` (the counter is newer nextest).
    const re = /^\s*(PASS|FAIL|SIGSEGV|SIGABRT|SIGKILL|TIMEOUT|ABORT|LEAK-FAIL)\s+\[[^\]]*\]\s+(?:\(\d+\/\d+\)\s+)?(\S+)\s+(\S+)\s*$/;
    const seen = new Set<string>();
    for (const line of stderr.split('\n')) {
      const m = re.exec(line);
      if (!m) continue;
      const [, status, binaryId, name] = m as unknown as [string, string, string, string];
      const id = `${binaryId} ${name}`;
      if (seen.has(id)) continue; // the final summary repeats FAIL lines
      seen.add(id);
      if (status === 'PASS') passed++;
      else {
        const [pkg, ...rest] = binaryId.split('::');
        const binary = rest.length > 0 ? rest.join('::').replace(/^(bin|test|bench|example)\//, '') : pkg;
        failedTests.push({ name, ...(pkg ? { package: pkg } : {}), ...(binary ? { binary } : {}) });
      }
    }
  }
  return { selected, ran: passed + failedTests.length, passed, failed: failedTests.length, failedTests };
}

/**
 * Parses `cargo test` output. stdout holds one `running N tests` … `test result:` section per test binary, in
 * order; stderr names those binaries in the same order (`Running … (deps/<bin>-<hash>)`, `Doc-tests <crate>`), so
 * the two are zipped rather than interleaved (pipe interleaving is racy). `test <name> ... ok|FAILED` lines count,
 * `test result:` corrects the counts of a finished binary, `---- <name> stdout ----` blocks carry failure output.
 */
export function parseCargoTest(stdout: string, stderr: string, packages: string[] = []): ParsedTests {
  const binaries: string[] = [];
  const failedPackageByBinary = new Map<string, string>();
  for (const line of stderr.split('\n')) {
    const running = /^\s*Running (?:unittests )?\S+ \((.+)\)\s*$/.exec(line);
    const doc = /^\s*Doc-tests (\S+)\s*$/.exec(line);
    if (running) binaries.push(running[1]!.split(/[\\/]/).pop()!.replace(/-[0-9a-f]{8,}(\.exe)?$/, ''));
    else if (doc) binaries.push(doc[1]!);
    const rerun = /^error: test failed, to rerun pass `-p (\S+) (?:--lib|--bins?|--test (\S+)|--bin (\S+)|--doc)`/.exec(line);
    if (rerun) failedPackageByBinary.set(rerun[2] ?? rerun[3] ?? rerun[1]!.replace(/-/g, '_'), rerun[1]!);
  }

  interface Section { announced: number; ignored: number; passed: number; failed: string[] }
  const sections: Section[] = [];
  const outputs = new Map<string, string>();
  let cur: Section | undefined;
  let block: { name: string; lines: string[] } | undefined;
  const closeBlock = (): void => {
    if (block) outputs.set(block.name, block.lines.join('\n').trim());
    block = undefined;
  };
  for (const line of stdout.split('\n')) {
    const running = /^running (\d+) tests?$/.exec(line);
    if (running) {
      closeBlock();
      cur = { announced: Number(running[1]), ignored: 0, passed: 0, failed: [] };
      sections.push(cur);
      continue;
    }
    if (cur === undefined) continue;
    const header = /^---- (.+) stdout ----$/.exec(line);
    if (header) {
      closeBlock();
      block = { name: header[1]!, lines: [] };
      continue;
    }
    if (line === 'failures:' || line.startsWith('test result:')) closeBlock();
    const result = /^test result: \w+\. (\d+) passed; (\d+) failed;/.exec(line);
    if (result) {
      cur.passed = Number(result[1]);
      continue;
    }
    const t = /^test (.+?) \.\.\. (ok|FAILED|ignored.*)$/.exec(line);
    if (t && block === undefined) {
      if (t[2] === 'ok') cur.passed++;
      else if (t[2]?.startsWith('ignored')) cur.ignored++;
      else if (t[2] === 'FAILED' && !cur.failed.includes(t[1]!)) cur.failed.push(t[1]!);
      continue;
    }
    block?.lines.push(line);
  }
  closeBlock();

  const norm = (s: string): string => s.replace(/-/g, '_');
  const failedTests: FailedTest[] = [];
  let passed = 0;
  let selected = 0;
  sections.forEach((sec, i) => {
    passed += sec.passed;
    selected += Math.max(0, sec.announced - sec.ignored);
    const binary = binaries[i];
    for (const name of sec.failed) {
      const pkg =
        (binary !== undefined ? failedPackageByBinary.get(binary) : undefined) ??
        packages.find((p) => binary !== undefined && norm(p) === binary);
      const output = outputs.get(name);
      failedTests.push({
        name,
        ...(pkg ? { package: pkg } : {}),
        ...(binary ? { binary } : {}),
        ...(output ? { output: trim(output) } : {}),
      });
    }
  });
  return { selected, ran: passed + failedTests.length, passed, failed: failedTests.length, failedTests };
}

/** Every descendant pid of `pid` (Linux /proc; empty elsewhere). Tests that moved to their own group are found here. */
function descendants(pid: number): number[] {
  let entries: string[];
  try {
    entries = readdirSync('/proc').filter((e) => /^\d+$/.test(e));
  } catch {
    return [];
  }
  const children = new Map<number, number[]>();
  for (const e of entries) {
    try {
      const stat = readFileSync(`/proc/${e}/stat`, 'utf8');
      // Field 4 (ppid) follows the `(comm)` field, which may contain spaces.
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      const list = children.get(ppid);
      if (list) list.push(Number(e));
      else children.set(ppid, [Number(e)]);
    } catch {
      // The process ended while we looked.
    }
  }
  const out: number[] = [];
  const stack = [pid];
  while (stack.length > 0) {
    for (const c of children.get(stack.pop()!) ?? []) {
      out.push(c);
      stack.push(c);
    }
  }
  return out;
}

function signal(pid: number, sig: NodeJS.Signals): void {
  try {
    process.kill(pid, sig);
  } catch {
    // Already gone.
  }
}

/**
 * SIGTERM the process group (nextest then stops its tests and prints what it has), wait for the exit or a grace
 * period, then SIGKILL whatever is left: the group and every descendant seen before (tests in their own groups).
 */
async function killTree(pid: number, exited: Promise<void>): Promise<void> {
  const tree = descendants(pid);
  signal(-pid, 'SIGTERM');
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([exited, new Promise<void>((r) => (timer = setTimeout(r, KILL_GRACE_MS)))]);
  clearTimeout(timer);
  signal(-pid, 'SIGKILL');
  for (const d of tree) signal(d, 'SIGKILL');
}

/** An error diagnostic about the test run as a whole (no test to point at). */
function runError(message: string, rendered: string): Diagnostic {
  return { level: 'error', code: null, message, primary: null, spans: [], notes: [], suggestions: [], rendered, source: 'test', packageName: null };
}

/** What a PreFlight extension receives: structurally app/preflight's PreflightContext (adapters do not import app). */
export interface ExtensionContext {
  shadowRoot: string;
  targetDir: string;
  changedFiles: ReadonlyArray<{ path: string; oldPath?: string; status?: string }>;
  diagnostics: readonly Diagnostic[];
  graph: Pick<GraphQuery, 'getNode'> | null;
}

/** Options of the `--tests` PreFlight extension. */
export interface ImpactedTestsOptions {
  timeoutSeconds: number;
  features?: string[];
  allFeatures?: boolean;
  runner?: RunTestsOptions['runner'];
  /** Test exactly these packages instead of the impacted ones. */
  packages?: string[];
  /** Reads the workspace (default: `cargo metadata` through readWorkspace). */
  readWorkspace?: (root: string) => Promise<Workspace>;
}

/** What the extension returns: app/preflight's extension result plus `warnings` for the report. */
export interface ImpactedTestsOutcome {
  diagnostics?: Diagnostic[];
  tests?: { ran: number; passed: number; failed: number; selected?: number; complete?: boolean };
  warnings?: string[];
  /** The full run, for callers that want names and output. */
  run?: TestRunResult;
}

/**
 * The `--tests` PreFlight extension: runs the tests of the changed crates and of every workspace crate depending on
 * them, in the shadow tree, and reports each failing test as an error diagnostic on its ISG node. Skipped (with a
 * warning) when cargo already found errors: tests of code that does not compile cannot run.
 */
export function impactedTestsExtension(opts: ImpactedTestsOptions): {
  name: string;
  needsGraph: boolean;
  run(ctx: ExtensionContext): Promise<ImpactedTestsOutcome>;
} {
  return {
    name: 'running impacted tests',
    // A failing test is reported on its test function's ISG node, so the shadow graph must exist.
    needsGraph: true,
    async run(ctx) {
      if (ctx.diagnostics.some((d) => d.level === 'error')) return { warnings: ['tests not run: the checked content has compile errors'] };
      const ws = await (opts.readWorkspace ?? readWorkspace)(ctx.shadowRoot);
      const changedPaths = ctx.changedFiles.flatMap((f) => (f.oldPath ? [f.path, f.oldPath] : [f.path]));
      const packages =
        opts.packages && opts.packages.length > 0
          ? [...opts.packages].sort()
          : impactedPackages(cratesOwningFiles(changedPaths, ws.packages), new Map(ws.packages.map((p) => [p.name, p.deps])));
      if (packages.length === 0) return { tests: { ran: 0, passed: 0, failed: 0 }, warnings: ['no crate owns the changed files: no tests to run'] };
      const run = await runTests({
        cwd: ctx.shadowRoot, targetDir: ctx.targetDir, packages, timeoutMs: opts.timeoutSeconds * 1000,
        ...(opts.features ? { features: opts.features } : {}),
        ...(opts.allFeatures ? { allFeatures: true } : {}),
        ...(opts.runner ? { runner: opts.runner } : {}),
      });
      const graph = ctx.graph;
      const lookup = graph ? { packages: ws.packages, getNode: (key: string) => graph.getNode(key) } : null;
      const diagnostics = await testFailureDiagnostics(run.failedTests, lookup);
      if (run.buildFailed) {
        diagnostics.push(runError(`the tests of ${packages.join(', ')} do not compile (cargo check does not build test code)`, run.stderrTail));
      } else if (run.timedOut) {
        // A run cut off by the cap is not a pass, whatever finished before it.
        diagnostics.push(
          runError(
            `tests not complete: ${run.problem ?? 'cut off by the time cap'}; raise preflight.tests.timeout_seconds in rustgate.yaml (now ${opts.timeoutSeconds})`,
            run.stderrTail,
          ),
        );
      } else if (!run.ok && run.failedTests.length === 0) {
        // Selected tests that did not run (or a runner that failed without naming a test) are not a pass either.
        diagnostics.push(runError(`tests not passed: ${run.problem ?? 'the test run failed'}`, run.stderrTail));
      }
      const doc = run.doctests ? `, doctests ${run.doctests.passed}/${run.doctests.ran}` : '';
      const warnings = [
        `tests (${run.runner}${run.doctests ? ' + cargo test --doc' : ''}) of ${packages.join(', ')}: ${run.selected} selected, ${run.ran} ran, ${run.passed} passed, ${run.failed} failed${doc} in ${(run.ms / 1000).toFixed(1)} s`,
      ];
      return { diagnostics, tests: { ran: run.ran, passed: run.passed, failed: run.failed, selected: run.selected, complete: !run.timedOut && !run.buildFailed && run.ran >= run.selected }, warnings, run };
    },
  };
}
