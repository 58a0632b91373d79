/**
 * One overlay check: start a language server on a workspace, open the changed files with their staged content as
 * unsaved buffers, collect diagnostics until quiet, shut down, convert. Server trouble is a result, never a throw.
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Diagnostic, Level } from '../../core/diagnostics/types.js';
import { LanguageServerError, startLanguageServer, type LanguageServerSession } from './client.js';
import { fromLspDiagnostic } from './convert.js';
import { detectRustAnalyzer, rustAnalyzerNotice } from './detect.js';

/** A changed file: workspace-relative path and the content to check (e.g. the staged blob). */
export interface OverlayFile {
  path: string;
  text: string;
}

/** Options of one overlay check. */
export interface OverlayCheckOptions {
  command: string;
  args?: string[];
  /** Workspace root (absolute). */
  root: string;
  files: OverlayFile[];
  /** Quiet period after the last message before the result is taken (default 1000 ms). */
  quietMs?: number;
  /** Cap for the whole check, startup included (default 60 s). */
  timeoutMs?: number;
  /** Lowest level kept (default 'error'). */
  minLevel?: Level;
  initializationOptions?: unknown;
  env?: Record<string, string>;
}

/** The outcome: 'ok' (quiet in time), 'timeout' (partial or nothing), 'crashed' or 'unavailable' (could not start). */
export interface OverlayCheckResult {
  status: 'ok' | 'timeout' | 'crashed' | 'unavailable';
  diagnostics: Diagnostic[];
  /** One human line when status is not 'ok' (or the notice that rust-analyzer is missing). */
  message: string | null;
  serverName: string | null;
  ms: number;
}

const RANK: Record<Level, number> = { error: 0, warning: 1, note: 2, help: 3 };

/** Runs the overlay check described by `opts`. */
export async function checkWithLanguageServer(opts: OverlayCheckOptions): Promise<OverlayCheckResult> {
  const started = Date.now();
  const timeoutMs = opts.timeoutMs ?? 60_000;
  const minRank = RANK[opts.minLevel ?? 'error'];
  const rootUri = pathToFileURL(opts.root).href;
  const docs = opts.files.map((f) => ({ ...f, uri: pathToFileURL(path.resolve(opts.root, f.path)).href }));
  const done = (status: OverlayCheckResult['status'], diagnostics: Diagnostic[], message: string | null, serverName: string | null): OverlayCheckResult => ({
    status, diagnostics, message, serverName, ms: Date.now() - started,
  });

  let session: LanguageServerSession;
  try {
    session = await startLanguageServer(opts.command, opts.args ?? [], rootUri, {
      cwd: opts.root,
      initTimeoutMs: timeoutMs,
      ...(opts.env ? { env: opts.env } : {}),
      ...(opts.initializationOptions !== undefined ? { initializationOptions: opts.initializationOptions } : {}),
    });
  } catch (e) {
    const err = e instanceof LanguageServerError ? e : new LanguageServerError('crashed', String(e));
    return done(err.kind === 'timeout' ? 'timeout' : err.kind === 'spawn' ? 'unavailable' : 'crashed', [], err.message, null);
  }
  try {
    for (const d of docs) session.open(d.uri, d.text);
    const left = Math.max(1, timeoutMs - (Date.now() - started));
    const got = await session.collectDiagnostics({ uris: docs.map((d) => d.uri), quietMs: opts.quietMs ?? 1000, timeoutMs: left });
    const textByUri = new Map(docs.map((d) => [d.uri, d.text]));
    const diagnostics: Diagnostic[] = [];
    for (const [uri, list] of [...got.diagnostics].sort(([a], [b]) => a.localeCompare(b))) {
      for (const ld of list) {
        const d = fromLspDiagnostic(ld, uri, opts.root, textByUri.get(uri));
        if (RANK[d.level] <= minRank) diagnostics.push(d);
      }
    }
    return done(
      got.timedOut ? 'timeout' : 'ok',
      diagnostics,
      got.timedOut ? `${opts.command} was not done within ${timeoutMs} ms; its diagnostics so far are kept` : null,
      session.serverName,
    );
  } catch (e) {
    return done('crashed', [], e instanceof Error ? e.message : String(e), session.serverName);
  } finally {
    await session.shutdown();
  }
}

/** Options of the rust-analyzer overlay check. */
export interface RustAnalyzerCheckOptions {
  root: string;
  files: OverlayFile[];
  /** rust-analyzer's own CARGO_TARGET_DIR (keep it apart from cargo check's to avoid lock contention). */
  targetDir?: string;
  command?: string;
  timeoutMs?: number;
  quietMs?: number;
}

/**
 * rust-analyzer on the changed files, or, when it is not installed, status 'unavailable' with the notice
 * "rust-analyzer not found: cargo check only" as the message. Its own `cargo check` on save stays off: the gate
 * runs cargo check itself.
 */
export async function rustAnalyzerCheck(opts: RustAnalyzerCheckOptions): Promise<OverlayCheckResult> {
  const command = opts.command ?? 'rust-analyzer';
  const probe = await detectRustAnalyzer(command);
  if (!probe.available) {
    return { status: 'unavailable', diagnostics: [], message: rustAnalyzerNotice(probe), serverName: null, ms: 0 };
  }
  return checkWithLanguageServer({
    command,
    root: opts.root,
    files: opts.files,
    ...(opts.timeoutMs !== undefined ? { timeoutMs: opts.timeoutMs } : {}),
    ...(opts.quietMs !== undefined ? { quietMs: opts.quietMs } : {}),
    initializationOptions: {
      checkOnSave: false,
      ...(opts.targetDir ? { cargo: { targetDir: opts.targetDir } } : {}),
    },
  });
}
