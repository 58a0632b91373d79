/** Unified diffs of candidates, git-style (`a/<file>` / `b/<file>`), so `git apply` and people can read them. */
import { structuredPatch } from 'diff';
import { applyEditsToFiles } from './apply.js';
import type { FileEdit } from './types.js';

/** A unified diff from `before` to `after` over the files that changed (sorted by path), '' when nothing changed. */
export function unifiedDiff(before: ReadonlyMap<string, string>, after: ReadonlyMap<string, string>, context = 3): string {
  const files = Array.from(after.keys()).filter((f) => before.get(f) !== after.get(f)).sort();
  const out: string[] = [];
  for (const file of files) {
    const oldText = before.get(file) ?? '';
    const newText = after.get(file) ?? '';
    const patch = structuredPatch(`a/${file}`, `b/${file}`, oldText, newText, '', '', { context });
    out.push(`diff --git a/${file} b/${file}`, `--- a/${file}`, `+++ b/${file}`);
    for (const h of patch.hunks) {
      out.push(`@@ -${h.oldStart},${h.oldLines} +${h.newStart},${h.newLines} @@`);
      out.push(...h.lines);
    }
  }
  return out.length === 0 ? '' : `${out.join('\n')}\n`;
}

/** The unified diff of edits against `files`; null when the edits do not apply. */
export function candidateDiff(files: ReadonlyMap<string, string>, edits: readonly FileEdit[], context = 3): string | null {
  const r = applyEditsToFiles(files, edits);
  return r.ok ? unifiedDiff(files, r.files, context) : null;
}
