/**
 * Intent from the diff: whether a candidate undoes the user's own change. With the committed text (HEAD) of a file,
 * its current text (the user's edit) and the text after the candidate, a candidate reverts the user's change when
 * it edits lines the user changed and brings them back towards HEAD. Pure; line-based (a hunk-level judgement).
 */
import { diffLines } from 'diff';

/** Lines of `after` that differ from `before` (count of added + removed lines in a line diff). */
function distance(before: string, after: string): number {
  let n = 0;
  for (const part of diffLines(before, after)) if (part.added || part.removed) n += part.count ?? 0;
  return n;
}

/**
 * 1-based line numbers of `current` that the user added or changed relative to `head`; where the user only deleted
 * lines, the lines on either side of the deletion.
 */
export function userChangedLines(head: string, current: string): Set<number> {
  const out = new Set<number>();
  let line = 1;
  const parts = diffLines(head, current);
  for (const [k, part] of parts.entries()) {
    const count = part.count ?? 0;
    if (part.removed) {
      // Replaced lines are marked by their added half; only a pure deletion marks its neighbours.
      if (parts[k + 1]?.added) continue;
      out.add(Math.max(1, line - 1));
      out.add(line);
      continue;
    }
    if (part.added) for (let i = 0; i < count; i++) out.add(line + i);
    line += count;
  }
  return out;
}

/**
 * True when going from `current` to `after` edits a line the user changed (relative to `head`) and makes the file
 * closer to `head` than the user's version: the candidate undoes (part of) the user's edit.
 */
export function revertsUserChange(head: string, current: string, after: string, editedLines: readonly number[]): boolean {
  if (head === current) return false;
  const changed = userChangedLines(head, current);
  const touched = editedLines.some((l) => changed.has(l));
  return touched && distance(head, after) < distance(head, current);
}
