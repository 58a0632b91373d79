/**
 * Starts a Rust tool (cargo, rustc, tests, rust-analyzer) with the allow-listed environment, in its own process
 * group, and makes sure the whole group ends with rustgate: on a timeout, on exit, on a signal, and — through a
 * tiny detached watchdog (`sh` polling rustgate's pid) — even when rustgate itself is SIGKILLed, which no handler in
 * the Node process can see. cargo's rustc and build-script children and every test binary share the group.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
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
  /** Bytes of stdout (and of stderr) kept; past it the group is ended and the run failed (default 100 MiB). */
  maxBuffer?: number;
  /** Stream instead of buffering (long-lived servers). */
  buffer?: boolean;
}

/** How a tool ended (its output as text, one final newline stripped; empty when not buffered). */
export interface ToolResult {
  command: string;
  /** The exit code, undefined when it was killed by a signal or never started. */
  exitCode: number | undefined;
  signal: NodeJS.Signals | undefined;
  stdout: string;
  stderr: string;
  /** Non-zero exit, a signal, a spawn error, the timeout or an output overflow. */
  failed: boolean;
  timedOut: boolean;
  /** The spawn error's code (ENOENT: no such command). */
  code?: string;
  message: string;
}

/**
 * A started tool: the child process (stdio as pipes; stdin may be ignored) that is also a promise of its result,
 * so callers stream from `child.stdout` or simply `await child`. Built on `node:child_process` (execa's import alone
 * cost ≈ 80 ms of every hook run that checks Rust code).
 */
export type ToolChild = ChildProcessWithoutNullStreams & Pick<Promise<ToolResult>, 'then' | 'catch' | 'finally'>;

/** A started tool plus group control. */
export interface ToolProcess {
  child: ToolChild;
  /** The process group id (the child's pid), undefined when the spawn failed. */
  pgid: number | undefined;
  /** True once the timeout fired. */
  timedOut(): boolean;
  /** Ends the whole group (SIGTERM, then SIGKILL after the grace period); resolves once the child exited. */
  stop(): Promise<void>;
}

/** execa's default: a tool printing more than this is not one we can read. */
const DEFAULT_MAX_BUFFER = 100 * 1024 * 1024;

function stripFinalNewline(s: string): string {
  return s.endsWith('\r\n') ? s.slice(0, -2) : s.endsWith('\n') ? s.slice(0, -1) : s;
}

/** Collects a stream up to `max` bytes; `over` is called once past it. */
function collect(stream: NodeJS.ReadableStream, max: number, over: () => void): () => string {
  const parts: Buffer[] = [];
  let n = 0;
  let overflowed = false;
  stream.on('data', (b: Buffer) => {
    if (overflowed) return;
    n += b.length;
    if (n > max) {
      overflowed = true;
      parts.push(b.subarray(0, Math.max(0, b.length - (n - max))));
      over();
    } else parts.push(b);
  });
  return () => Buffer.concat(parts).toString('utf8');
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
  const command = [cmd, ...args].join(' ');
  const raw = spawn(cmd, args as string[], {
    ...(opts.cwd !== undefined ? { cwd: opts.cwd } : {}),
    env: toolEnv(opts.env ?? {}, opts.baseEnv ?? process.env) as NodeJS.ProcessEnv,
    detached: isPosix,
    stdio: [opts.input !== undefined || opts.stdin === 'pipe' ? 'pipe' : 'ignore', 'pipe', 'pipe'],
  }) as ChildProcessWithoutNullStreams;
  const pgid = isPosix ? raw.pid : undefined;
  let timedOut = false;
  let overflow = false;
  let spawnError: NodeJS.ErrnoException | undefined;
  let stopWatchdog: (() => void) | null = null;
  const max = opts.maxBuffer ?? DEFAULT_MAX_BUFFER;
  const onOverflow = (): void => {
    if (overflow) return;
    overflow = true;
    void stop();
  };
  const buffered = opts.buffer !== false;
  const outText = buffered ? collect(raw.stdout, max, onOverflow) : () => '';
  const errText = buffered ? collect(raw.stderr, max, onOverflow) : () => '';
  if (raw.stdin !== null && raw.stdin !== undefined) {
    // A tool that exits before reading all of its input must not crash rustgate with EPIPE.
    raw.stdin.on('error', () => undefined);
    if (opts.input !== undefined) raw.stdin.end(opts.input);
  }
  const result = new Promise<ToolResult>((resolve) => {
    let settled = false;
    const finish = (code: number | null, signal: NodeJS.Signals | null): void => {
      if (settled) return;
      settled = true;
      const exitCode = spawnError !== undefined || code === null ? undefined : code;
      const failed = spawnError !== undefined || timedOut || overflow || signal !== null || exitCode !== 0;
      const why = spawnError !== undefined ? spawnError.message : timedOut ? 'timed out' : overflow ? `printed more than ${max} bytes` : signal !== null ? `killed by ${signal}` : `exit code ${String(exitCode)}`;
      resolve({
        command,
        exitCode,
        signal: signal ?? undefined,
        stdout: stripFinalNewline(outText()),
        stderr: stripFinalNewline(errText()),
        failed,
        timedOut,
        ...(spawnError?.code !== undefined ? { code: spawnError.code } : {}),
        message: failed ? `Command failed (${why}): ${command}` : '',
      });
    };
    raw.on('error', (e: NodeJS.ErrnoException) => {
      spawnError ??= e;
      // A process that never started emits no 'close' of its own on every platform: settle now.
      if (raw.pid === undefined) setImmediate(() => finish(null, null));
    });
    raw.on('close', (code, signal) => finish(code, signal));
  });
  const child = Object.assign(raw, {
    then: result.then.bind(result),
    catch: result.catch.bind(result),
    finally: result.finally.bind(result),
  }) as unknown as ToolChild;
  if (pgid !== undefined) {
    live.add(pgid);
    installExitHook();
    stopWatchdog = startWatchdog(pgid);
  }
  const exited = result.then(() => undefined);
  const stop = async (): Promise<void> => {
    if (pgid !== undefined) killGroup(pgid, 'SIGTERM');
    else raw.kill('SIGTERM');
    let t: NodeJS.Timeout | undefined;
    await Promise.race([exited, new Promise<void>((r) => (t = setTimeout(r, opts.graceMs ?? 2000)))]);
    clearTimeout(t);
    if (pgid !== undefined) killGroup(pgid, 'SIGKILL');
    else raw.kill('SIGKILL');
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
export async function runTool(cmd: string, args: readonly string[], opts: ToolOptions = {}): Promise<ToolResult> {
  return startTool(cmd, args, opts).child;
}
