/** The only module that knows LSP's diagnostic shape: converts `publishDiagnostics` items to the internal model. */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Diagnostic, Level, SourceSpan } from '../../core/diagnostics/types.js';

/** An LSP position: 0-based line, 0-based UTF-16 code-unit character. */
export interface LspPosition {
  line: number;
  character: number;
}

/** The LSP Diagnostic fields we read. */
export interface LspDiagnostic {
  range: { start: LspPosition; end: LspPosition };
  /** 1 error, 2 warning, 3 information, 4 hint. */
  severity?: number;
  code?: string | number;
  source?: string;
  message: string;
}

const LEVELS: Record<number, Level> = { 1: 'error', 2: 'warning', 3: 'note', 4: 'help' };

/** Workspace-relative, '/'-separated path of a file URI; files outside the root stay absolute. */
export function uriToWorkspacePath(uri: string, root: string): string {
  const abs = uri.startsWith('file:') ? fileURLToPath(uri) : uri;
  const rel = path.relative(root, abs);
  if (rel === '' || rel.startsWith('..') || path.isAbsolute(rel)) return abs.split(path.sep).join('/');
  return rel.split(path.sep).join('/');
}

/** Byte offset (UTF-8) of an LSP position in `text`; -1 when the text is unknown or the position is past it. */
export function byteOffset(text: string | undefined, pos: LspPosition): number {
  if (text === undefined) return -1;
  let lineStart = 0;
  for (let l = 0; l < pos.line; l++) {
    const nl = text.indexOf('\n', lineStart);
    if (nl < 0) return -1;
    lineStart = nl + 1;
  }
  // `character` counts UTF-16 code units, which is what JS string indices are.
  return Buffer.byteLength(text.slice(0, Math.min(text.length, lineStart + pos.character)), 'utf8');
}

/** Converts one LSP diagnostic of `uri`; `text` (the buffer content) gives byte offsets when known. */
export function fromLspDiagnostic(d: LspDiagnostic, uri: string, root: string, text?: string): Diagnostic {
  const file = uriToWorkspacePath(uri, root);
  const level = LEVELS[d.severity ?? 1] ?? 'error';
  const span: SourceSpan = {
    file,
    lineStart: d.range.start.line + 1,
    lineEnd: d.range.end.line + 1,
    columnStart: d.range.start.character + 1,
    columnEnd: d.range.end.character + 1,
    byteStart: byteOffset(text, d.range.start),
    byteEnd: byteOffset(text, d.range.end),
    isPrimary: true,
    label: null,
  };
  const code = d.code === undefined ? null : String(d.code);
  return {
    level,
    code,
    message: d.message,
    primary: span,
    spans: [span],
    notes: [],
    suggestions: [],
    rendered: `${level}${code ? `[${code}]` : ''}: ${d.message}\n  --> ${file}:${span.lineStart}:${span.columnStart}\n`,
    source: 'rust-analyzer',
    packageName: null,
  };
}
