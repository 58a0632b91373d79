/**
 * Stage 1 of the fix pipeline, scope seeds: the current errors of the workspace (checked in the private copy),
 * the ISG key of each, and the text and hashes of the files they point at.
 */
import type { Diagnostic } from '../../core/diagnostics/types.js';
import type { ValidationResult } from '../../core/fix/rank.js';
import { isWorkspaceFile } from '../../core/fix/scope.js';
import type { IsgStore } from '../../store/types.js';
import { sha256, type ValidationTree } from '../fix-validate.js';
import type { DebugBugErrorRow } from './report.js';

/** What the scope stage hands on. */
export interface FixScope {
  /** The validation of the tree as it is (its errors are what we fix). */
  initial: ValidationResult;
  errors: Diagnostic[];
  /** ISG key of each error (null when no node contains it). */
  keys: (string | null)[];
  /** Files read so far (workspace-relative path → text); `read` adds to it. */
  files: Map<string, string>;
  /** sha256 of each file read, for the applier. */
  hashes: Map<string, string>;
  /** Reads a working-tree file, remembering its text and hash. */
  read(file: string): Promise<string | undefined>;
}

/** Workspace files a diagnostic points at (primary, other spans, its notes' spans and its suggestions). */
export function filesOf(d: Diagnostic): string[] {
  const fs = new Set<string>();
  for (const s of d.spans) fs.add(s.file);
  // A note's span is rustc's pointer to the cause (e.g. "the trait `T` is defined here" in another file).
  for (const s of d.noteSpans ?? []) fs.add(s.file);
  if (d.primary) fs.add(d.primary.file);
  for (const s of d.suggestions) for (const e of s.edits) fs.add(e.span.file);
  return Array.from(fs).filter(isWorkspaceFile);
}

/** The ISG key of the innermost node at `file:line`, null without a store or node. */
export async function keyAt(store: IsgStore | null | undefined, file: string | null, line: number | null): Promise<string | null> {
  if (!store || file === null || line === null) return null;
  try {
    return (await store.nodeAt(file, line))?.key ?? null;
  } catch {
    return null;
  }
}

/** Report rows of some errors, keyed through the store. */
export async function errorRows(errors: readonly Diagnostic[], store: IsgStore | null | undefined, known: ReadonlyMap<Diagnostic, string | null> = new Map()): Promise<DebugBugErrorRow[]> {
  return Promise.all(
    errors.map(async (d) => ({
      code: d.code,
      file: d.primary?.file ?? null,
      line: d.primary?.lineStart ?? null,
      isg_key: known.has(d) ? (known.get(d) ?? null) : await keyAt(store, d.primary?.file ?? null, d.primary?.lineStart ?? null),
      message: d.message,
    })),
  );
}

/** Checks the tree as it is and reads what the errors point at. */
export async function scopeSeeds(tree: ValidationTree, store: IsgStore | null): Promise<FixScope> {
  const initial = await tree.validate(new Map());
  const errors = initial.errors;
  const keys = await Promise.all(errors.map((d) => keyAt(store, d.primary?.file ?? null, d.primary?.lineStart ?? null)));
  const files = new Map<string, string>();
  const hashes = new Map<string, string>();
  const read = async (f: string): Promise<string | undefined> => {
    const text = await tree.readWorktree(f);
    if (text !== undefined) {
      files.set(f, text);
      hashes.set(f, sha256(Buffer.from(text, 'utf8')));
    }
    return text;
  };
  for (const f of new Set(errors.flatMap(filesOf))) await read(f);
  return { initial, errors, keys, files, hashes, read };
}
