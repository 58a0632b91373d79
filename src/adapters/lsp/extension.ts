/** The rust-analyzer PreFlight extension: overlay diagnostics for the changed files, minus what cargo already said. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Diagnostic } from '../../core/diagnostics/types.js';
import { rustAnalyzerCheck, type OverlayCheckResult } from './check.js';
import { mergeDiagnostics } from './merge.js';

/** Structurally app/preflight's PreflightContext (the fields used here). */
export interface RaExtensionContext {
  shadowRoot: string;
  targetDir: string;
  /** rustgate's own folder (`.rustgate/`): private build output goes there, never beside the user's target dir. */
  workDir?: string;
  changedFiles: ReadonlyArray<{ path: string; status?: string }>;
  diagnostics: readonly Diagnostic[];
}

/** Options: `mode` from `preflight.rust_analyzer` in rustgate.yaml. */
export interface RaExtensionOptions {
  mode: 'auto' | 'off';
  command?: string;
  timeoutMs?: number;
  quietMs?: number;
}

/**
 * Runs rust-analyzer on the shadow tree with the changed `.rs` files opened as buffers, and returns only the
 * diagnostics cargo did not already report. When rust-analyzer is missing the result carries the one-line notice
 * "rust-analyzer not found: cargo check only" in `warnings`; a timeout or crash is a warning too, never a failure.
 */
export function rustAnalyzerExtension(opts: RaExtensionOptions): {
  name: string;
  run(ctx: RaExtensionContext): Promise<{ diagnostics?: Diagnostic[]; warnings?: string[]; result?: OverlayCheckResult }>;
} {
  return {
    name: 'rust-analyzer',
    async run(ctx) {
      if (opts.mode === 'off') return {};
      const files = ctx.changedFiles
        .filter((f) => f.path.endsWith('.rs') && f.status !== 'deleted')
        .flatMap((f) => {
          try {
            return [{ path: f.path, text: readFileSync(path.join(ctx.shadowRoot, f.path), 'utf8') }];
          } catch {
            return [];
          }
        });
      if (files.length === 0) return {};
      const result = await rustAnalyzerCheck({
        root: ctx.shadowRoot,
        files,
        // Its own target dir: sharing cargo check's would make the two wait on each other's lock.
        targetDir: ctx.workDir !== undefined ? path.join(ctx.workDir, 'target-ra') : `${ctx.targetDir}-ra`,
        ...(opts.command ? { command: opts.command } : {}),
        ...(opts.timeoutMs !== undefined ? { timeoutMs: opts.timeoutMs } : {}),
        ...(opts.quietMs !== undefined ? { quietMs: opts.quietMs } : {}),
      });
      const fresh = mergeDiagnostics([...ctx.diagnostics], result.diagnostics).slice(ctx.diagnostics.length);
      const warnings =
        result.status === 'ok' ? [] : result.status === 'unavailable' ? [result.message ?? 'rust-analyzer not found: cargo check only'] : [`rust-analyzer ${result.status}: ${result.message ?? ''}`.trim()];
      return { diagnostics: fresh, warnings, result };
    },
  };
}
