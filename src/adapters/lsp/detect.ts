/** Finds out whether a working rust-analyzer is installed (a rustup proxy without the component does not count). */
import { runTool } from '../process/group.js';

/** Result of probing for rust-analyzer. */
export interface RustAnalyzerProbe {
  available: boolean;
  command: string;
  /** `rust-analyzer 1.95.0 (…)` when available. */
  version: string | null;
  /** Why it is not available (first line of its error), null when it is. */
  reason: string | null;
}

/** The one line the pretty reporter prints when rust-analyzer is absent. */
export const RA_MISSING_NOTICE = 'rust-analyzer not found: cargo check only';

/**
 * Runs `<command> --version`: available only when it exits 0 and names itself. The rustup proxy at
 * `~/.cargo/bin/rust-analyzer` without the component exits 1 with "Unknown binary 'rust-analyzer'", so it is absent.
 */
export async function detectRustAnalyzer(command = 'rust-analyzer', timeoutMs = 15_000): Promise<RustAnalyzerProbe> {
  const r = await runTool(command, ['--version'], { timeoutMs });
  const out = typeof r.stdout === 'string' ? r.stdout.trim() : '';
  if (r.exitCode === 0 && /rust-analyzer/i.test(out)) {
    return { available: true, command, version: out.split('\n')[0]!, reason: null };
  }
  const err = typeof r.stderr === 'string' ? r.stderr.trim() : '';
  const reason = r.timedOut
    ? `${command} --version did not finish within ${timeoutMs} ms`
    : (err.split('\n')[0] || (r.failed && r.code === 'ENOENT' ? `${command}: command not found` : `${command} --version exited with ${String(r.exitCode)}`));
  return { available: false, command, version: null, reason };
}

/** The notice to show once for a probe: `RA_MISSING_NOTICE` when rust-analyzer is absent, else null. */
export function rustAnalyzerNotice(probe: RustAnalyzerProbe): string | null {
  return probe.available ? null : RA_MISSING_NOTICE;
}
