/** The rust-analyzer overlay: an LSP client, its conversion to the Diagnostic model, and the merge with cargo's. */
export { LanguageServerError, startLanguageServer, type CollectedDiagnostics, type LanguageServerSession, type StartOptions } from './client.js';
export { checkWithLanguageServer, rustAnalyzerCheck, type OverlayCheckOptions, type OverlayCheckResult, type OverlayFile, type RustAnalyzerCheckOptions } from './check.js';
export { byteOffset, fromLspDiagnostic, uriToWorkspacePath, type LspDiagnostic } from './convert.js';
export { detectRustAnalyzer, RA_MISSING_NOTICE, rustAnalyzerNotice, type RustAnalyzerProbe } from './detect.js';
export { mergeDiagnostics, sameProblem } from './merge.js';
export { rustAnalyzerExtension, type RaExtensionContext, type RaExtensionOptions } from './extension.js';
