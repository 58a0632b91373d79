/**
 * The ISG lookup the cross-file patterns use (core `IsgLookup`), implemented from the store: definitions by name
 * (one read of the node table per run), file texts through the pipeline's reader, and whether a crate is
 * published (its manifest's `publish` key).
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { IsgLookup } from '../core/fix/types.js';
import type { GraphQuery } from '../core/isg/query.js';
import type { IsgNode, NodeKind } from '../core/isg/types.js';

/** Where the lookup reads nodes from: the store's full node list (or any equivalent). */
export interface NodeSource extends Partial<GraphQuery> {
  allNodes(): Promise<IsgNode[]>;
}

/** True when a Cargo.toml text says the package is not published (`publish = false` or an empty registry list). */
export function manifestUnpublished(toml: string): boolean {
  const pkg = /^\s*\[package\]\s*$([\s\S]*?)(?=^\s*\[|(?![\s\S]))/m.exec(toml)?.[1] ?? '';
  return /^\s*publish\s*=\s*(?:false|\[\s*\])\s*$/m.test(pkg);
}

/**
 * Builds the lookup. `read` loads a workspace file for the pipeline (it may widen the plan to that file: the
 * definitions the graph names are what the error points at); `repo` is the absolute workspace root.
 */
export function createIsgLookup(repo: string, nodes: NodeSource, read: (file: string) => Promise<string | undefined>): IsgLookup {
  let byName: Promise<Map<string, IsgNode[]>> | null = null;
  const index = (): Promise<Map<string, IsgNode[]>> => {
    byName ??= nodes.allNodes().then((all) => {
      const m = new Map<string, IsgNode[]>();
      for (const n of all) {
        const list = m.get(n.name) ?? [];
        list.push(n);
        m.set(n.name, list);
      }
      return m;
    });
    return byName;
  };
  const publishedCache = new Map<string, boolean>();
  return {
    async definitions(name: string, kinds?: readonly NodeKind[]): Promise<IsgNode[]> {
      const list = (await index().catch(() => new Map<string, IsgNode[]>())).get(name) ?? [];
      return list.filter((n) => n.file !== '' && (!kinds || kinds.includes(n.kind)));
    },
    readFile: read,
    async published(crate: string): Promise<boolean> {
      const have = publishedCache.get(crate);
      if (have !== undefined) return have;
      // The package's manifest: the nearest Cargo.toml above a file of one of its nodes.
      const all = await index().catch(() => new Map<string, IsgNode[]>());
      let file: string | undefined;
      for (const list of all.values()) {
        file = list.find((n) => n.crate === crate && n.file !== '')?.file;
        if (file) break;
      }
      let result = true;
      if (file) {
        for (let dir = path.posix.dirname(file); ; dir = path.posix.dirname(dir)) {
          const toml = await readFile(path.join(repo, dir === '.' ? '' : dir, 'Cargo.toml'), 'utf8').catch(() => null);
          if (toml !== null && /^\s*\[package\]/m.test(toml)) {
            result = !manifestUnpublished(toml);
            break;
          }
          if (dir === '.' || dir === '') break;
        }
      }
      publishedCache.set(crate, result);
      return result;
    },
  };
}
