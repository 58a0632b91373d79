/**
 * A minimal LSP client over stdio (vscode-jsonrpc): start a server, open buffers with unsaved content, collect
 * `textDocument/publishDiagnostics` until the server is quiet, shut down. Written for rust-analyzer; any server works.
 */
import { startTool, type ToolChild } from '../process/group.js';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';
import type { LspDiagnostic } from './convert.js';

/** Why a session failed: the server did not answer in time, died, or could not be started. */
export class LanguageServerError extends Error {
  readonly kind: 'timeout' | 'crashed' | 'spawn';
  constructor(kind: LanguageServerError['kind'], message: string) {
    super(message);
    this.name = 'LanguageServerError';
    this.kind = kind;
  }
}

/** Options of `startLanguageServer`. */
export interface StartOptions {
  cwd?: string;
  env?: Record<string, string>;
  /** Sent as `initializationOptions` (rust-analyzer reads its settings from here). */
  initializationOptions?: unknown;
  /** How long `initialize` may take (default 20 s). */
  initTimeoutMs?: number;
  /** Called with every notification and server request (for tracing a server's behaviour). */
  trace?: (kind: 'notification' | 'request', method: string, params: unknown) => void;
}

/** Diagnostics collected so far, by document URI (the latest publish wins, as in LSP). */
export interface CollectedDiagnostics {
  diagnostics: Map<string, LspDiagnostic[]>;
  /** True when `timeoutMs` passed before the server was quiet. */
  timedOut: boolean;
}

/** A running server. Every method is safe to call after the server died (it then does nothing or rejects clearly). */
export interface LanguageServerSession {
  readonly serverName: string | null;
  /** Opens a document with the given (unsaved) content. */
  open(uri: string, text: string, languageId?: string): void;
  /** Replaces the whole content of an open document. */
  change(uri: string, text: string): void;
  /**
   * Waits until the server reported itself quiescent (when it sends rust-analyzer's `experimental/serverStatus`)
   * and nothing new arrived for `quietMs`, then takes the diagnostics of `uris`: pulled with `textDocument/diagnostic`
   * when the server offers it, else the last `publishDiagnostics` of each (waiting until each was published once).
   */
  collectDiagnostics(opts: { uris: string[]; quietMs: number; timeoutMs: number }): Promise<CollectedDiagnostics>;
  /** `shutdown` then `exit`, then kills the process if it is still there; never throws. */
  shutdown(timeoutMs?: number): Promise<void>;
  /** Resolves when the server process ends. */
  readonly exited: Promise<{ exitCode: number | null; signal: string | null }>;
  /** The last lines the server wrote to stderr. */
  stderrTail(): string;
}

function timeout<T>(ms: number, make: () => Error): { promise: Promise<T>; cancel: () => void } {
  let timer: NodeJS.Timeout | undefined;
  const promise = new Promise<T>((_, reject) => {
    timer = setTimeout(() => reject(make()), ms);
  });
  return { promise, cancel: () => clearTimeout(timer) };
}

/** Starts `command args` as a language server rooted at `rootUri` and completes the initialize handshake. */
export async function startLanguageServer(command: string, args: string[], rootUri: string, opts: StartOptions = {}): Promise<LanguageServerSession> {
  let child: ToolChild;
  let pgid: number | undefined;
  try {
    // Allow-listed environment and its own process group (ended with rustgate, even on SIGKILL): src/adapters/process.
    ({ child, pgid } = startTool(command, args, {
      stdin: 'pipe', buffer: false,
      ...(opts.cwd ? { cwd: opts.cwd } : {}),
      ...(opts.env ? { env: opts.env } : {}),
    }));
  } catch (e) {
    throw new LanguageServerError('spawn', `cannot start ${command}: ${(e as Error).message}`);
  }
  let stderr = '';
  child.stderr.on('data', (b: Buffer) => {
    stderr = (stderr + b.toString()).slice(-4000);
  });
  let hasExited = false;
  let exitText = '';
  const exited = child.then((r) => {
    hasExited = true;
    const e = { exitCode: r.exitCode ?? null, signal: r.signal ?? null };
    exitText = e.signal ?? `code ${String(e.exitCode)}`;
    return e;
  });
  const died = exited.then((e) => {
    throw new LanguageServerError(
      r2s(e, command) === 'spawn' ? 'spawn' : 'crashed',
      `${command} exited (${e.signal ?? `code ${String(e.exitCode)}`}) ${stderr.trim().split('\n').slice(-3).join(' | ')}`.trim(),
    );
  });
  died.catch(() => undefined);

  const conn: MessageConnection = createMessageConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  conn.onError(() => undefined);
  child.stdin.on('error', () => undefined);

  const diagnostics = new Map<string, LspDiagnostic[]>();
  let lastActivity = Date.now();
  let sawStatus = false;
  let quiescent = false;
  const texts = new Map<string, { version: number; text: string }>();
  /** Version of the document each publish was computed for, when the server says (LSP `versionSupport`). */
  const publishedVersion = new Map<string, number | undefined>();
    if (opts.trace) {
    const trace = opts.trace;
    conn.onNotification((method: string, params: unknown) => trace('notification', method, params));
  }
  conn.onNotification('textDocument/publishDiagnostics', (p: { uri: string; diagnostics: LspDiagnostic[] }) => {
    opts.trace?.('notification', 'textDocument/publishDiagnostics', p);
    diagnostics.set(p.uri, p.diagnostics);
    publishedVersion.set(p.uri, (p as { version?: number }).version);
    lastActivity = Date.now();
  });
  conn.onNotification('experimental/serverStatus', (p: { quiescent?: boolean }) => {
    opts.trace?.('notification', 'experimental/serverStatus', p);
    sawStatus = true;
    quiescent = p.quiescent === true;
    lastActivity = Date.now();
  });
  // Answer every server→client request with something harmless, so the server never waits on us.
  conn.onRequest((method: string, params: unknown) => {
    opts.trace?.('request', method, params);
    if (method === 'workspace/configuration') {
      const items = (params as { items?: unknown[] } | undefined)?.items ?? [];
      return items.map(() => null);
    }
    return null;
  });
  conn.listen();

  const kill = (): void => {
    if (hasExited) return;
    if (pgid !== undefined) {
      try {
        process.kill(-pgid, 'SIGKILL');
      } catch {
        // already gone
      }
    } else child.kill('SIGKILL');
  };

  const initTimeoutMs = opts.initTimeoutMs ?? 20_000;
  const t = timeout<never>(initTimeoutMs, () => new LanguageServerError('timeout', `${command} did not answer initialize within ${initTimeoutMs} ms`));
  let serverName: string | null;
  /** The server answers `textDocument/diagnostic` (pull diagnostics, LSP 3.17). */
  let pull = false;
  try {
    const init = (await Promise.race([
      conn.sendRequest('initialize', {
        processId: process.pid,
        rootUri,
        workspaceFolders: [{ uri: rootUri, name: 'root' }],
        initializationOptions: opts.initializationOptions ?? null,
        capabilities: {
          textDocument: {
            publishDiagnostics: { relatedInformation: false, versionSupport: true },
            diagnostic: { dynamicRegistration: false, relatedDocumentSupport: false },
            synchronization: { didSave: false },
          },
          window: { workDoneProgress: false },
          experimental: { serverStatusNotification: true },
        },
      }),
      t.promise,
      died,
    ])) as { serverInfo?: { name?: string }; capabilities?: { diagnosticProvider?: unknown } } | null;
    serverName = init?.serverInfo?.name ?? null;
    pull = Boolean(init?.capabilities?.diagnosticProvider);
    void conn.sendNotification('initialized', {});
  } catch (e) {
    // A write to a dead process fails before the exit is seen: prefer the exit's explanation when it comes soon.
    const why =
      e instanceof LanguageServerError
        ? e
        : ((await Promise.race([died.catch((x: unknown) => x), new Promise((r) => setTimeout(r, 1000))])) ??
          new LanguageServerError('crashed', `${command}: ${(e as Error).message}`));
    kill();
    conn.dispose();
    // Return only once the process is gone (reaped), so no server outlives a failed start.
    await Promise.race([exited, new Promise((r) => setTimeout(r, 2000))]);
    throw why instanceof LanguageServerError ? why : new LanguageServerError('crashed', `${command}: ${(e as Error).message}`);
  } finally {
    t.cancel();
  }

  const session: LanguageServerSession = {
    serverName,
    exited,
    stderrTail: () => stderr,
    open(uri, text, languageId = 'rust') {
      if (hasExited) return;
      texts.set(uri, { version: 1, text });
      lastActivity = Date.now();
      void conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version: 1, text } }).catch(() => undefined);
    },
    change(uri, text) {
      if (hasExited) return;
      const doc = texts.get(uri) ?? { version: 1, text };
      doc.version++;
      doc.text = text;
      texts.set(uri, doc);
      lastActivity = Date.now();
      void conn
        .sendNotification('textDocument/didChange', { textDocument: { uri, version: doc.version }, contentChanges: [{ text }] })
        .catch(() => undefined);
    },
    async collectDiagnostics({ uris, quietMs, timeoutMs }) {
      const deadline = Date.now() + timeoutMs;
      const crashed = (): LanguageServerError =>
        new LanguageServerError('crashed', `${command} exited (${exitText}) while collecting diagnostics ${stderr.trim().split('\n').slice(-3).join(' | ')}`.trim());
      // Wait for the server to settle: quiescent (when it reports status) and nothing new for `quietMs`; in push
      // mode also a publish for every document.
      for (;;) {
        const now = Date.now();
        // A publish for an older version of a buffer does not count (the server has not seen the last change yet).
        const current = (u: string): boolean => {
          if (!diagnostics.has(u)) return false;
          const v = publishedVersion.get(u);
          const want = texts.get(u)?.version;
          return v === undefined || want === undefined || v >= want;
        };
        const allPublished = pull || uris.every(current);
        const settled = (!sawStatus || quiescent) && now - lastActivity >= quietMs;
        if (allPublished && settled) break;
        if (now >= deadline) return { diagnostics: new Map(diagnostics), timedOut: true };
        if (hasExited) throw crashed();
        await Promise.race([new Promise((r) => setTimeout(r, Math.min(50, Math.max(1, deadline - now)))), exited]);
      }
      if (!pull) return { diagnostics: new Map(diagnostics), timedOut: false };
      // Pull mode (rust-analyzer): a push after loading is not guaranteed, a `textDocument/diagnostic` answer is.
      for (const uri of uris) {
        for (;;) {
          const left = deadline - Date.now();
          if (left <= 0) return { diagnostics: new Map(diagnostics), timedOut: true };
          const t = timeout<never>(left, () => new LanguageServerError('timeout', 'textDocument/diagnostic timed out'));
          try {
            const report = (await Promise.race([conn.sendRequest('textDocument/diagnostic', { textDocument: { uri } }), t.promise, died])) as {
              kind?: string;
              items?: LspDiagnostic[];
            } | null;
            if (report?.kind === 'full') diagnostics.set(uri, report.items ?? []);
            else if (!diagnostics.has(uri)) diagnostics.set(uri, []);
            break;
          } catch (e) {
            if (e instanceof LanguageServerError) {
              if (e.kind === 'timeout') return { diagnostics: new Map(diagnostics), timedOut: true };
              throw e;
            }
            if (hasExited) throw crashed();
            // ContentModified / ServerCancelled while the server is busy: ask again shortly.
            await new Promise((r) => setTimeout(r, 200));
          } finally {
            t.cancel();
          }
        }
      }
      return { diagnostics: new Map(diagnostics), timedOut: false };
    },
    async shutdown(timeoutMs = 5000) {
      if (!hasExited) {
        const st = timeout<never>(timeoutMs, () => new LanguageServerError('timeout', 'shutdown timed out'));
        try {
          await Promise.race([conn.sendRequest('shutdown'), st.promise, died]);
          await conn.sendNotification('exit');
        } catch {
          // A server that cannot shut down cleanly is killed below.
        } finally {
          st.cancel();
        }
        const grace = timeout<never>(Math.min(timeoutMs, 2000), () => new Error('exit grace'));
        await Promise.race([exited, grace.promise]).catch(() => undefined);
        grace.cancel();
      }
      kill();
      conn.dispose();
      await exited;
    },
  };
  return session;
}

/** 'spawn' when the process never started (ENOENT and friends), else 'crashed'. */
function r2s(e: { exitCode: number | null; signal: string | null }, _command: string): 'spawn' | 'crashed' {
  return e.exitCode === null && e.signal === null ? 'spawn' : 'crashed';
}
