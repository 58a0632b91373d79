/**
 * Validates a loose `.rs` file with rustc alone (no cargo): `rustc --emit=metadata --error-format=json`.
 * Used by the benchmark over single-file corpora. rustc prints JSON diagnostics on stderr, one per line.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { runTool } from '../process/group.js';
import { convertDiagnostic } from '../cargo/diagnostics.js';
import type { Diagnostic } from '../../core/diagnostics/types.js';
import type { ValidationResult } from '../../core/fix/rank.js';
import type { Validator } from '../../core/fix/search.js';

/** How to compile the file. */
export interface SingleFileOptions {
  edition: string;
  crateType?: 'bin' | 'lib';
  /** The key of the file in the map handed to the validator (default `main.rs`). */
  fileName?: string;
  /** Kill rustc after this long (default 60 s); a timeout counts as a failed validation. */
  timeoutMs?: number;
  rustc?: string;
}

// rustc's summary lines ("aborting due to 2 previous errors", "3 warnings emitted") are not diagnostics.
const SUMMARY = /^(aborting due to|\d+ warnings? emitted|For more information about)/;

/** Parses rustc's `--error-format=json` stderr into diagnostics (summary lines dropped). */
export function parseRustcJson(stderr: string, root: string): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const line of stderr.split('\n')) {
    if (!line.startsWith('{')) continue;
    let raw: { $message_type?: string; level?: string; message?: string; spans?: unknown[] };
    try {
      raw = JSON.parse(line) as typeof raw;
    } catch {
      continue;
    }
    if (raw.$message_type !== undefined && raw.$message_type !== 'diagnostic') continue;
    if (raw.level === 'failure-note') continue;
    if (SUMMARY.test(raw.message ?? '') && (raw.spans?.length ?? 0) === 0) continue;
    out.push(convertDiagnostic(raw as Parameters<typeof convertDiagnostic>[0], root, null));
  }
  return out;
}

/** Compiles `text` once and returns its errors and warnings; Cargo_OK when rustc exits 0. */
export async function checkSingleFile(text: string, opts: SingleFileOptions): Promise<ValidationResult> {
  const fileName = opts.fileName ?? 'main.rs';
  const dir = await mkdtemp(path.join(os.tmpdir(), 'rustgate-rustc-'));
  try {
    await writeFile(path.join(dir, fileName), text);
    const r = await runTool(
      opts.rustc ?? 'rustc',
      ['--edition', opts.edition, '--crate-type', opts.crateType ?? 'bin', '--emit=metadata', '--error-format=json', '-o', path.join(dir, 'out.rmeta'), fileName],
      { cwd: dir, timeoutMs: opts.timeoutMs ?? 60_000, env: { RUST_BACKTRACE: '0' } },
    );
    const diags = parseRustcJson(r.stderr, dir);
    const errors = diags.filter((d) => d.level === 'error');
    const warnings = diags.filter((d) => d.level === 'warning');
    if (r.exitCode !== 0 && errors.length === 0) {
      // rustc failed without a parsable error (killed, timed out, crashed): never a success.
      errors.push({
        level: 'error', code: null, message: r.timedOut ? 'rustc timed out' : `rustc exited with ${String(r.exitCode)}`, primary: null, spans: [],
        notes: [], suggestions: [], rendered: r.stderr.slice(0, 2000), source: 'rustc', packageName: null,
      });
    }
    return { errors, warnings, status: errors.length === 0 && r.exitCode === 0 ? 'Cargo_OK' : 'Failed' };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** A Validator over a one-file map (`fileName` → text), for the fix search. */
export function singleFileValidator(opts: SingleFileOptions): Validator {
  const fileName = opts.fileName ?? 'main.rs';
  return async (files) => {
    const text = files.get(fileName);
    if (text === undefined) throw new Error(`single-file validator: no ${fileName} in the candidate files`);
    return checkSingleFile(text, opts);
  };
}
