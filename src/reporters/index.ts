/** Picks the reporter for `--format`. */
import type { PreflightReport } from '../core/preflight/types.js';
import { renderGithub } from './github.js';
import { renderJson } from './json.js';
import { renderPretty } from './pretty.js';
import { renderSarif } from './sarif.js';

import type { ReportFormat } from './formats.js';

export { REPORT_FORMATS, type ReportFormat } from './formats.js';

/** Renders a PreFlight report in one of the supported formats. */
export function renderReport(report: PreflightReport, format: ReportFormat): string {
  switch (format) {
    case 'json':
      return renderJson(report);
    case 'sarif':
      return renderSarif(report);
    case 'github':
      return renderGithub(report);
    case 'pretty':
      return renderPretty(report);
  }
}
