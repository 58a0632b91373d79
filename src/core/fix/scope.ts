/**
 * The safety gate: a candidate may only edit planned files (and keys) inside the repository. It never touches
 * `.git/` or rustgate's own data, never escapes the repository, and never deletes a `#[test]` function.
 */
import path from 'node:path';
import { applyEdits } from './apply.js';
import type { Candidate } from './types.js';
import { RUSTGATE_DIR } from '../paths.js';

/** What the plan allows a candidate to touch. */
export interface ScopeOptions {
  /** Workspace-relative files the plan covers. */
  plannedFiles: ReadonlySet<string> | readonly string[];
  /** ISG keys the plan covers; when empty or absent, keys are not checked (no graph, e.g. a loose file). */
  plannedKeys?: ReadonlySet<string> | readonly string[];
  /** Absolute repository root (used to resolve paths; nothing is read). */
  repoRoot: string;
  /** Current content of the files, to detect deleted `#[test]` functions; without it that check is skipped. */
  files?: ReadonlyMap<string, string>;
}

/** The gate's verdict, with every reason found. */
export type ScopeVerdict = { ok: true } | { ok: false; reasons: string[] };

/** True when `file` is a clean workspace-relative path: not absolute, no `..`, no backslashes or drive letters. */
export function isWorkspaceFile(file: string): boolean {
  if (file === '' || file.startsWith('/') || /^[A-Za-z]:/.test(file) || file.includes('\\') || file.includes('\u0000')) return false;
  return !file.split('/').some((seg) => seg === '..');
}

/** The path components that are never edited: git's data and rustgate's own. */
function forbiddenComponent(file: string): string | null {
  const segs = path.posix.normalize(file).split('/');
  if (segs.some((s) => s.toLowerCase() === '.git')) return '.git';
  if (segs[0] === RUSTGATE_DIR) return RUSTGATE_DIR;
  return null;
}

// `#[test]` / `#[tokio::test]` style attributes followed by a fn.
const TEST_FN = /#\[\s*(?:[\w:]+::)?test\s*\]\s*(?:#\[[^\]]*\]\s*)*(?:pub(?:\([^)]*\))?\s+)?(?:async\s+)?fn\s+([A-Za-z_][A-Za-z0-9_]*)/g;

/** Names of `#[test]` functions in a Rust source text. */
export function testFunctionNames(text: string): string[] {
  return Array.from(text.matchAll(TEST_FN), (m) => m[1] ?? '');
}

/** Checks a candidate against the plan; returns every reason it is rejected. */
export function checkCandidateScope(candidate: Candidate, opts: ScopeOptions): ScopeVerdict {
  const reasons: string[] = [];
  const planned = new Set(opts.plannedFiles);
  const keys = new Set(opts.plannedKeys ?? []);
  const root = path.resolve(opts.repoRoot);
  const files = new Set(candidate.edits.map((e) => e.file));
  for (const file of files) {
    if (!isWorkspaceFile(file)) {
      reasons.push(`edit outside the repository: ${file}`);
      continue;
    }
    const abs = path.resolve(root, file);
    const rel = path.relative(root, abs);
    if (rel === '' || rel.startsWith('..') || path.isAbsolute(rel)) {
      reasons.push(`edit outside the repository: ${file}`);
      continue;
    }
    const bad = forbiddenComponent(file);
    if (bad) {
      reasons.push(`edit inside ${bad}/: ${file}`);
      continue;
    }
    if (!planned.has(file)) reasons.push(`edit to a file outside the plan: ${file}`);
  }
  if (keys.size > 0) {
    for (const k of candidate.touchedKeys) if (!keys.has(k)) reasons.push(`edit to an ISG key outside the plan: ${k}`);
  }
  if (opts.files) {
    for (const file of files) {
      const text = opts.files.get(file);
      if (text === undefined) continue;
      const after = applyEdits(text, candidate.edits.filter((e) => e.file === file));
      if (!after.ok) {
        reasons.push(after.reason);
        continue;
      }
      const remaining = new Set(testFunctionNames(after.text));
      for (const name of testFunctionNames(text)) if (!remaining.has(name)) reasons.push(`deletes #[test] fn ${name} in ${file}`);
    }
  }
  return reasons.length === 0 ? { ok: true } : { ok: false, reasons };
}
