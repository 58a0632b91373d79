/**
 * The only module that knows rustc's / cargo's JSON diagnostic format. Converts `--message-format=json`
 * output into the internal Diagnostic model (src/core/diagnostics/types.ts).
 */
import path from 'node:path';
import type { Applicability, Diagnostic, Level, SourceSpan, Suggestion } from '../../core/diagnostics/types.js';

/** rustc's JSON span (the fields we read). */
interface RustcSpan {
  file_name: string;
  byte_start: number;
  byte_end: number;
  line_start: number;
  line_end: number;
  column_start: number;
  column_end: number;
  is_primary: boolean;
  label: string | null;
  suggested_replacement: string | null;
  suggestion_applicability: string | null;
  expansion: { span: RustcSpan } | null;
}

/** rustc's JSON diagnostic (the fields we read). */
interface RustcDiagnostic {
  message: string;
  code: { code: string } | null;
  level: string;
  spans: RustcSpan[];
  children: RustcDiagnostic[];
  rendered: string | null;
}

/** Cargo's outer message around a rustc diagnostic. */
interface CargoMessage {
  reason: string;
  package_id?: string;
  message?: RustcDiagnostic;
  success?: boolean;
}

/** What one cargo run reported, besides its diagnostics. */
export interface CargoRunMessages {
  diagnostics: Diagnostic[];
  /** `build-finished.success` when cargo printed it, else null (cargo crashed or was killed). */
  buildSucceeded: boolean | null;
  /**
   * Packages cargo actually compiled in this run (a `compiler-artifact` or a diagnostic for them), sorted. A workspace
   * package missing here was blocked behind a failing dependency: its errors, if any, were not visible yet.
   */
  checkedPackages: string[];
}

const LEVELS: Record<string, Level> = {
  error: 'error',
  'error: internal compiler error': 'error',
  warning: 'warning',
  note: 'note',
  help: 'help',
};

const APPLICABILITIES: ReadonlySet<string> = new Set(['MachineApplicable', 'MaybeIncorrect', 'HasPlaceholders', 'Unspecified']);

const num = (v: unknown): number => (typeof v === 'number' && Number.isFinite(v) ? v : 0);
const strOrNull = (v: unknown): string | null => (typeof v === 'string' ? v : null);
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A span as rustc's JSON should have it, with missing or mistyped fields defaulted (null when not an object). */
function normalizeSpan(raw: unknown, depth = 0): RustcSpan | null {
  if (!isObject(raw)) return null;
  const exp = isObject(raw.expansion) && depth < 64 ? normalizeSpan(raw.expansion.span, depth + 1) : null;
  return {
    file_name: typeof raw.file_name === 'string' ? raw.file_name : '',
    byte_start: num(raw.byte_start),
    byte_end: num(raw.byte_end),
    line_start: num(raw.line_start),
    line_end: num(raw.line_end),
    column_start: num(raw.column_start),
    column_end: num(raw.column_end),
    is_primary: raw.is_primary === true,
    label: strOrNull(raw.label),
    suggested_replacement: strOrNull(raw.suggested_replacement),
    suggestion_applicability: strOrNull(raw.suggestion_applicability),
    expansion: exp ? { span: exp } : null,
  };
}

/**
 * A diagnostic with the shape the converter relies on, or null when `raw` is not one: a truncated or hostile line
 * (cargo relays what rustc prints) must cost that line, never the run.
 */
function normalizeDiagnostic(raw: unknown, depth = 0): RustcDiagnostic | null {
  if (!isObject(raw) || typeof raw.message !== 'string' || depth > 32) return null;
  const code = isObject(raw.code) && typeof raw.code.code === 'string' ? { code: raw.code.code } : null;
  return {
    message: raw.message,
    code,
    level: typeof raw.level === 'string' ? raw.level : 'note',
    spans: Array.isArray(raw.spans) ? raw.spans.map((s) => normalizeSpan(s)).filter((s): s is RustcSpan => s !== null) : [],
    children: Array.isArray(raw.children) ? raw.children.map((c) => normalizeDiagnostic(c, depth + 1)).filter((c): c is RustcDiagnostic => c !== null) : [],
    rendered: strOrNull(raw.rendered),
  };
}

/** Makes a rustc path workspace-relative and '/'-separated; paths outside the workspace stay absolute. */
export function toWorkspacePath(fileName: string, workspaceRoot: string): string {
  const abs = path.resolve(workspaceRoot, fileName);
  const rel = path.relative(workspaceRoot, abs);
  if (rel === '' || rel.startsWith('..') || path.isAbsolute(rel)) return abs.split(path.sep).join('/');
  return rel.split(path.sep).join('/');
}

/** True when a converted path points into the workspace (relative). */
export function isWorkspacePath(file: string): boolean {
  return !file.startsWith('/') && !/^[A-Za-z]:/.test(file);
}

function convertSpan(span: RustcSpan, root: string): SourceSpan {
  return {
    file: toWorkspacePath(span.file_name, root),
    lineStart: span.line_start,
    lineEnd: span.line_end,
    columnStart: span.column_start,
    columnEnd: span.column_end,
    byteStart: span.byte_start,
    byteEnd: span.byte_end,
    isPrimary: span.is_primary,
    label: span.label,
  };
}

/**
 * A span inside a macro expansion may point into std or a macro definition outside the workspace; walk the
 * expansion chain only until a span lies in the workspace, so the diagnostic maps to the user's code while a span
 * already in user code (a `for` desugaring, a derive, a macro argument) keeps its precise place and label.
 */
function userFacingSpan(span: RustcSpan, root: string): RustcSpan {
  let current: RustcSpan = span;
  for (let depth = 0; depth < 64; depth++) {
    if (isWorkspacePath(toWorkspacePath(current.file_name, root)) || current.expansion === null) return current;
    current = current.expansion.span;
  }
  return span;
}

function overlaps(a: RustcSpan, b: RustcSpan): boolean {
  return a.file_name === b.file_name && a.byte_start < b.byte_end + (a.byte_start === b.byte_start ? 1 : 0) && b.byte_start < a.byte_end + (a.byte_start === b.byte_start ? 1 : 0);
}

/**
 * rustc flattens a suggestion's alternatives and its multi-part edits into one span list. Disjoint spans are
 * treated as one multi-part edit; overlapping spans (the same insertion point offered several ways) as
 * separate alternatives. Validation decides which, if any, is right.
 */
function suggestionsOf(child: RustcDiagnostic, root: string): Suggestion[] {
  const spans = child.spans.filter((s) => s.suggested_replacement !== null);
  if (spans.length === 0) return [];
  const applicability = (s: RustcSpan): Applicability =>
    APPLICABILITIES.has(s.suggestion_applicability ?? '') ? (s.suggestion_applicability as Applicability) : 'Unspecified';
  const anyOverlap = spans.some((a, i) => spans.some((b, j) => i < j && overlaps(a, b)));
  const toEdit = (s: RustcSpan) => ({ span: convertSpan(s, root), replacement: s.suggested_replacement ?? '' });
  const first = spans[0] as RustcSpan;
  if (!anyOverlap) return [{ message: child.message, applicability: applicability(first), edits: spans.map(toEdit) }];
  return spans.map((s) => ({ message: child.message, applicability: applicability(s), edits: [toEdit(s)] }));
}

/** Converts one rustc diagnostic; `packageName` is the cargo package it was reported for. */
export function convertDiagnostic(d: RustcDiagnostic, root: string, packageName: string | null): Diagnostic {
  const spans = d.spans.map((s) => convertSpan(userFacingSpan(s, root), root));
  const primaryRaw = d.spans.find((s) => s.is_primary) ?? d.spans[0];
  const notes: string[] = [];
  const suggestions: Suggestion[] = [];
  const noteSpans: SourceSpan[] = [];
  const visit = (children: RustcDiagnostic[]): void => {
    for (const child of children) {
      notes.push(`${child.level}: ${child.message}`);
      for (const s of child.spans) if (s.suggested_replacement === null) noteSpans.push({ ...convertSpan(userFacingSpan(s, root), root), label: s.label ?? child.message });
      suggestions.push(...suggestionsOf(child, root));
      visit(child.children);
    }
  };
  visit(d.children);
  // Top-level spans can carry suggestions too (rare, but rustc allows it).
  suggestions.push(...suggestionsOf({ ...d, children: [] }, root));
  return {
    level: LEVELS[d.level] ?? 'note',
    code: d.code?.code ?? null,
    message: d.message,
    primary: primaryRaw ? convertSpan(userFacingSpan(primaryRaw, root), root) : null,
    spans,
    notes,
    ...(noteSpans.length > 0 ? { noteSpans } : {}),
    suggestions,
    rendered: d.rendered ?? d.message,
    source: 'rustc',
    packageName,
  };
}

/** Cargo package id → name, for both the old (`name 0.1.0 (path+file://…)`) and new (`path+file://…#name@0.1.0`) forms. */
export function packageNameFromId(id: string): string | null {
  const hash = id.lastIndexOf('#');
  if (hash >= 0) {
    const tail = id.slice(hash + 1);
    const at = tail.indexOf('@');
    if (at >= 0) return tail.slice(0, at);
    // `path+file:///x/foo#0.1.0`: the name is the last path segment.
    const beforeHash = id.slice(0, hash);
    return beforeHash.slice(beforeHash.lastIndexOf('/') + 1) || null;
  }
  const space = id.indexOf(' ');
  return space > 0 ? id.slice(0, space) : null;
}

/** Parses cargo's JSON lines; non-JSON lines (cargo's own progress) are ignored. */
export function parseCargoMessages(stdout: string, workspaceRoot: string): CargoRunMessages {
  const diagnostics: Diagnostic[] = [];
  let buildSucceeded: boolean | null = null;
  const seen = new Set<string>();
  const checked = new Set<string>();
  for (const line of stdout.split('\n')) {
    if (!line.startsWith('{')) continue;
    let msg: CargoMessage;
    try {
      msg = JSON.parse(line) as CargoMessage;
    } catch {
      continue;
    }
    if (!isObject(msg)) continue;
    if (msg.reason === 'build-finished') buildSucceeded = typeof msg.success === 'boolean' ? msg.success : null;
    if ((msg.reason === 'compiler-artifact' || msg.reason === 'compiler-message') && typeof msg.package_id === 'string') {
      const name = packageNameFromId(msg.package_id);
      if (name) checked.add(name);
    }
    if (msg.reason !== 'compiler-message') continue;
    const message = normalizeDiagnostic(msg.message);
    if (!message || message.level === 'failure-note') continue;
    const diag = convertDiagnostic(message, workspaceRoot, typeof msg.package_id === 'string' ? packageNameFromId(msg.package_id) : null);
    // The same diagnostic is reported once per target (lib and its test build): keep one.
    const p = diag.primary;
    const id = `${diag.level}|${diag.code ?? ''}|${diag.message}|${p ? `${p.file}:${p.byteStart}:${p.byteEnd}` : ''}`;
    if (seen.has(id)) continue;
    seen.add(id);
    diagnostics.push(diag);
  }
  return { diagnostics, buildSucceeded, checkedPackages: Array.from(checked).sort() };
}

/** True for one line of cargo's JSON output that is an error-level compiler message. */
export function isErrorMessageLine(line: string): boolean {
  if (!line.includes('"compiler-message"') || !line.includes('"level":"error')) return false;
  try {
    const m = JSON.parse(line) as { reason?: unknown; message?: { level?: unknown } };
    return m.reason === 'compiler-message' && m.message?.level === 'error';
  } catch {
    return false;
  }
}
