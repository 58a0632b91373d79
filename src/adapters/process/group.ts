/**
 * Starts a Rust tool (cargo, rustc, tests, rust-analyzer) with the allow-listed environment, in its own process
 * group, and makes sure the whole group ends with rustgate: on a timeout, on exit, on a signal, and — through a
 * tiny detached watchdog (`sh` polling rustgate's pid) — even when rustgate itself is SIGKILLed, which no handler in
 * the Node process can see. cargo's rustc and build-script children and every test binary share the group.
 */
import { spawn } from 'node:child_process';
import { execa, type Result, type ResultPromise } from 'execa';
import { toolEnv } from './env.js';

/** How to run one tool. */
export interface ToolOptions {
  cwd?: string;
  /** rustgate's own variables for the tool (CARGO_TARGET_DIR…), set over the allow-listed environment. */
  env?: Record<string, string | undefined>;
  /** The environment the allow-list is taken from (default process.env). */
  baseEnv?: NodeJS.ProcessEnv;
  /** Ends the whole group after this long (SIGTERM, then SIGKILL after `graceMs`). */
  timeoutMs?: number;
  graceMs?: number;
  stdin?: 'ignore' | 'pipe';
  input?: string;
  maxBuffer?: number;
  /** Stream instead of buffering (long-lived servers). */
  buffer?: boolean;
}

/** The execa child of a tool (stdio as pipes; stdin may be ignored). */
export type ToolChild = ResultPromise<{ reject: false; stdin: 'pipe'; stdout: 'pipe'; stderr: 'pipe' }>;

/** A started tool: the execa child plus group control. */
export interface ToolProcess {
  child: ToolChild;
  /** The process group id (the child's pid), undefined when the spawn failed. */
  pgid: number | undefined;
  /** True once the timeout fired. */
  timedOut(): boolean;
  /** Ends the whole group (SIGTERM, then SIGKILL after the grace period); resolves once the child exited. */
  stop(): Promise<void>;
}

const live = new Set<number>();
const isPosix = process.platform !== 'win32';
let exitHookInstalled = false;

function killGroup(pgid: number, sig: NodeJS.Signals): void {
  try {
    process.kill(-pgid, sig);
  } catch {
    // the group is gone
  }
}

/** On a normal exit (or one after an uncaught error), nothing we started may outlive us. */
function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.on('exit', () => {
    for (const g of live) killGroup(g, 'SIGKILL');
  });
}

/**
 * A detached `sh` that waits for rustgate's pid to disappear, then ends the group: the only way to clean up after a
 * SIGKILL. Polls every 0.2 s (one `kill -0` and one `sleep`; measured cost in bench/README.md "crash").
 */
function startWatchdog(pgid: number): (() => void) | null {
  if (!isPosix) return null;
  try {
    const script = 'while kill -0 "$1" 2>/dev/null; do sleep 0.2; done; kill -TERM "-$2" 2>/dev/null; sleep 1; kill -KILL "-$2" 2>/dev/null';
    const w = spawn('/bin/sh', ['-c', script, 'rustgate-watchdog', String(process.pid), String(pgid)], { detached: true, stdio: 'ignore', env: { PATH: process.env.PATH ?? '/usr/bin:/bin' } });
    w.on('error', () => undefined);
    w.unref();
    return () => {
      if (w.pid !== undefined) killGroup(w.pid, 'SIGKILL');
    };
  } catch {
    return null;
  }
}

/** Starts `cmd args` as described in the module comment; the caller awaits `child`. */
export function startTool(cmd: string, args: readonly string[], opts: ToolOptions = {}): ToolProcess {
  const execaOpts = {
    ...(opts.cwd !== undefined ? { cwd: opts.cwd } : {}),
    reject: false,
    extendEnv: false,
    env: toolEnv(opts.env ?? {}, opts.baseEnv ?? process.env),
    detached: isPosix,
    ...(opts.input !== undefined ? { input: opts.input } : { stdin: opts.stdin ?? 'ignore' }),
    ...(opts.maxBuffer !== undefined ? { maxBuffer: opts.maxBuffer } : {}),
    ...(opts.buffer === false ? { buffer: false } : {}),
  };
  const child = execa(cmd, args as string[], execaOpts) as unknown as ToolChild;
  const pgid = isPosix ? child.pid : undefined;
  let timedOut = false;
  let stopWatchdog: (() => void) | null = null;
  if (pgid !== undefined) {
    live.add(pgid);
    installExitHook();
    stopWatchdog = startWatchdog(pgid);
  }
  const exited = (child as unknown as Promise<unknown>).then(
    () => undefined,
    () => undefined,
  );
  const stop = async (): Promise<void> => {
    if (pgid !== undefined) killGroup(pgid, 'SIGTERM');
    else child.kill('SIGTERM');
    let t: NodeJS.Timeout | undefined;
    await Promise.race([exited, new Promise<void>((r) => (t = setTimeout(r, opts.graceMs ?? 2000)))]);
    clearTimeout(t);
    if (pgid !== undefined) killGroup(pgid, 'SIGKILL');
    else child.kill('SIGKILL');
    await exited;
  };
  let timer: NodeJS.Timeout | undefined;
  if (opts.timeoutMs !== undefined) {
    timer = setTimeout(() => {
      timedOut = true;
      void stop();
    }, opts.timeoutMs);
  }
  void exited.then(() => {
    clearTimeout(timer);
    if (pgid !== undefined) {
      // Whatever the tool left in its group (a daemonised build script, a stuck test) goes with it.
      killGroup(pgid, 'SIGKILL');
      live.delete(pgid);
    }
    stopWatchdog?.();
  });
  return { child, pgid, timedOut: () => timedOut, stop };
}

/** Runs a tool to completion (buffered text output) with `startTool`'s environment and group handling. */
export async function runTool(cmd: string, args: readonly string[], opts: ToolOptions = {}): Promise<Result<{ reject: false }> & { timedOut: boolean }> {
  const t = startTool(cmd, args, opts);
  const r = (await t.child) as unknown as Result<{ reject: false }>;
  return Object.assign(r, { timedOut: t.timedOut() || r.timedOut });
}
