/** Which ISG nodes a patch touches: the innermost node around each changed line of the original text. */
import type { IsgNode } from '../isg/types.js';
import type { ChangedLines } from './apply.js';

function innermost(nodes: readonly IsgNode[], contains: (n: IsgNode) => boolean): IsgNode | undefined {
  let best: IsgNode | undefined;
  for (const n of nodes) {
    if (!contains(n)) continue;
    const size = n.span.endLine - n.span.startLine;
    const bestSize = best ? best.span.endLine - best.span.startLine : Infinity;
    if (size < bestSize || (size === bestSize && best !== undefined && n.span.startLine > best.span.startLine)) best = n;
  }
  return best;
}

/**
 * Keys of the innermost nodes of `file` containing a removed line, or enclosing an insertion point (both lines
 * around it inside the node). Sorted, without duplicates.
 */
export function touchedKeys(nodes: readonly IsgNode[], file: string, changed: ChangedLines): string[] {
  const inFile = nodes.filter((n) => n.file === file);
  const keys = new Set<string>();
  for (const line of changed.removed) {
    const n = innermost(inFile, (x) => x.span.startLine <= line && line <= x.span.endLine);
    if (n) keys.add(n.key);
  }
  for (const before of changed.insertedBefore) {
    const n = innermost(inFile, (x) => x.span.startLine <= before - 1 && before <= x.span.endLine);
    if (n) keys.add(n.key);
  }
  return [...keys].sort();
}

/** Keys of every node of a file the patch creates (all of it is new). */
export function keysOfFile(nodes: readonly IsgNode[], file: string): string[] {
  return nodes.filter((n) => n.file === file).map((n) => n.key).sort();
}
