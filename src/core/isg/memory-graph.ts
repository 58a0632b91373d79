/** An in-memory GraphQuery over an IsgGraph: for tests, and for the core when a whole graph is at hand. */
import type { GraphQuery, HopNode } from './query.js';
import type { IsgEdge, IsgGraph, IsgNode, Rel } from './types.js';

const REL_ORDER: Record<Rel, number> = { CALLS: 0, IMPLEMENTS: 1, USES: 2, DEPENDS: 3, REQUIRES_BOUND: 4, FEATURE_GATED_BY: 5 };

/** Neighbours of `key` along `rels` in `direction`, as (key, rel) pairs sorted by relation then key. */
export function neighbours(
  out: ReadonlyMap<string, IsgEdge[]>,
  inc: ReadonlyMap<string, IsgEdge[]>,
  key: string,
  rels: ReadonlySet<Rel>,
  direction: 'out' | 'in' | 'both',
): { key: string; rel: Rel }[] {
  const res: { key: string; rel: Rel }[] = [];
  if (direction !== 'in') for (const e of out.get(key) ?? []) if (rels.has(e.rel)) res.push({ key: e.dst, rel: e.rel });
  if (direction !== 'out') for (const e of inc.get(key) ?? []) if (rels.has(e.rel)) res.push({ key: e.src, rel: e.rel });
  res.sort((a, b) => REL_ORDER[a.rel] - REL_ORDER[b.rel] || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return res;
}

/**
 * Two-hop traversal shared by the in-memory graph and stores that load adjacency: hop 1 = direct neighbours,
 * hop 2 = neighbours of the kept hop-1 nodes; each node once (nearest hop wins), at most `cap` per hop.
 */
export function twoHopOver(
  out: ReadonlyMap<string, IsgEdge[]>,
  inc: ReadonlyMap<string, IsgEdge[]>,
  kindOf: (key: string) => IsgNode['kind'] | undefined,
  seed: string,
  rels: readonly Rel[],
  cap: number,
  direction: 'out' | 'in' | 'both',
): HopNode[] {
  const relSet = new Set(rels);
  const seen = new Set([seed]);
  const hop1: HopNode[] = [];
  for (const n of neighbours(out, inc, seed, relSet, direction)) {
    if (hop1.length >= cap) break;
    const kind = kindOf(n.key);
    if (seen.has(n.key) || !kind) continue;
    seen.add(n.key);
    hop1.push({ key: n.key, kind, hop: 1, via: n.rel });
  }
  const hop2: HopNode[] = [];
  for (const h of hop1) {
    for (const n of neighbours(out, inc, h.key, relSet, direction)) {
      if (hop2.length >= cap) break;
      const kind = kindOf(n.key);
      if (seen.has(n.key) || !kind) continue;
      seen.add(n.key);
      hop2.push({ key: n.key, kind, hop: 2, via: n.rel });
    }
  }
  return [...hop1, ...hop2];
}

/** GraphQuery over a fixed graph held in memory. */
export class MemoryGraph implements GraphQuery {
  private readonly byKey: Map<string, IsgNode>;
  private readonly out = new Map<string, IsgEdge[]>();
  private readonly inc = new Map<string, IsgEdge[]>();
  private readonly byFile = new Map<string, IsgNode[]>();

  constructor(readonly graph: IsgGraph) {
    this.byKey = new Map(graph.nodes.map((n) => [n.key, n]));
    for (const e of graph.edges) {
      push(this.out, e.src, e);
      push(this.inc, e.dst, e);
    }
    for (const n of graph.nodes) if (n.file) push(this.byFile, n.file, n);
  }

  async getNode(key: string): Promise<IsgNode | undefined> {
    return this.byKey.get(key);
  }

  async edgesOut(key: string, rels?: readonly Rel[]): Promise<IsgEdge[]> {
    return (this.out.get(key) ?? []).filter((e) => !rels || rels.includes(e.rel));
  }

  async edgesIn(key: string, rels?: readonly Rel[]): Promise<IsgEdge[]> {
    return (this.inc.get(key) ?? []).filter((e) => !rels || rels.includes(e.rel));
  }

  async nodeAt(file: string, line: number): Promise<IsgNode | undefined> {
    let best: IsgNode | undefined;
    for (const n of this.byFile.get(file) ?? []) {
      if (n.span.startLine <= line && line <= n.span.endLine) {
        if (!best || n.span.endLine - n.span.startLine < best.span.endLine - best.span.startLine) best = n;
      }
    }
    return best;
  }

  async twoHop(seed: string, rels: readonly Rel[], cap: number, direction: 'out' | 'in' | 'both' = 'both'): Promise<HopNode[]> {
    return twoHopOver(this.out, this.inc, (k) => this.byKey.get(k)?.kind, seed, rels, cap, direction);
  }
}

function push<V>(map: Map<string, V[]>, key: string, v: V): void {
  const list = map.get(key);
  if (list) list.push(v);
  else map.set(key, [v]);
}
