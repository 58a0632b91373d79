/** The report formats `--format` accepts (a leaf module, so registering flags loads no reporter). */
export type ReportFormat = 'pretty' | 'json' | 'sarif' | 'github';
export const REPORT_FORMATS: readonly ReportFormat[] = ['pretty', 'json', 'sarif', 'github'];
