/** `--format json`: exactly the contract object (CONTRACT.md), two-space indented. */
import { toContractJson } from '../core/preflight/report.js';
import type { PreflightReport } from '../core/preflight/types.js';

/** Renders the report as the contract JSON text. */
export function renderJson(report: PreflightReport): string {
  return JSON.stringify(toContractJson(report), null, 2);
}
