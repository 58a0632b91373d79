/** Difference between two graphs, so a rebuild writes only what changed. Pure. */
import type { IsgEdge, IsgGraph, IsgNode } from './types.js';

/** The rows to write to turn `old` into `new` (same shape as the store port's GraphDelta). */
export interface GraphDiff {
  upsertNodes: IsgNode[];
  removeNodes: string[];
  addEdges: IsgEdge[];
  removeEdges: IsgEdge[];
}

/** Identity of an edge: (src, rel, dst). `attr` is a value: a changed attr is an upsert, not a remove + add. */
export function edgeId(e: IsgEdge): string {
  return `${e.src}\u0000${e.rel}\u0000${e.dst}`;
}

/** Field-by-field equality of two nodes (arrays compared in order; absent optional fields equal empty ones). */
export function sameNode(a: IsgNode, b: IsgNode): boolean {
  const eqArr = (x: readonly string[] | undefined, y: readonly string[] | undefined): boolean => {
    const xs = x ?? [];
    const ys = y ?? [];
    return xs.length === ys.length && xs.every((v, i) => v === ys[i]);
  };
  return (
    a.key === b.key &&
    a.kind === b.kind &&
    a.name === b.name &&
    a.crate === b.crate &&
    a.file === b.file &&
    a.span.startLine === b.span.startLine &&
    a.span.endLine === b.span.endLine &&
    a.signature === b.signature &&
    a.sigHash === b.sigHash &&
    a.public === b.public &&
    a.doc === b.doc &&
    eqArr(a.features, b.features) &&
    eqArr(a.bounds, b.bounds)
  );
}

/** Computes the delta from `old` to `next`: changed or new nodes, removed node keys, added (or re-attributed) and removed edges. */
export function diffGraphs(old: IsgGraph, next: IsgGraph): GraphDiff {
  // Both sides usually come sorted (the resolver sorts, the store returns sorted rows): then a merge walk is linear
  // and hashes no strings. Unsorted or duplicated input takes the map-based path; both give the same result.
  if (strictlySorted(old.nodes, cmpNodes) && strictlySorted(next.nodes, cmpNodes) && strictlySorted(old.edges, cmpEdgeIds) && strictlySorted(next.edges, cmpEdgeIds)) {
    return mergeDiff(old, next);
  }
  return mapDiff(old, next);
}

function cmpStr(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function cmpNodes(a: IsgNode, b: IsgNode): number {
  return cmpStr(a.key, b.key);
}

/** Orders edges by identity (src, rel, dst), like edgeId strings would sort. */
function cmpEdgeIds(a: IsgEdge, b: IsgEdge): number {
  return cmpStr(a.src, b.src) || cmpStr(a.rel, b.rel) || cmpStr(a.dst, b.dst);
}

function strictlySorted<T>(xs: readonly T[], cmp: (a: T, b: T) => number): boolean {
  for (let i = 1; i < xs.length; i++) if (cmp(xs[i - 1] as T, xs[i] as T) >= 0) return false;
  return true;
}

function mergeDiff(old: IsgGraph, next: IsgGraph): GraphDiff {
  const out: GraphDiff = { upsertNodes: [], removeNodes: [], addEdges: [], removeEdges: [] };
  const on = old.nodes;
  const nn = next.nodes;
  let i = 0;
  let j = 0;
  while (i < on.length || j < nn.length) {
    const o = on[i];
    const n = nn[j];
    const c = o === undefined ? 1 : n === undefined ? -1 : cmpNodes(o, n);
    if (c < 0) {
      out.removeNodes.push((o as IsgNode).key);
      i++;
    } else if (c > 0) {
      out.upsertNodes.push(n as IsgNode);
      j++;
    } else {
      if (!sameNode(o as IsgNode, n as IsgNode)) out.upsertNodes.push(n as IsgNode);
      i++;
      j++;
    }
  }
  const oe = old.edges;
  const ne = next.edges;
  i = 0;
  j = 0;
  while (i < oe.length || j < ne.length) {
    const o = oe[i];
    const n = ne[j];
    const c = o === undefined ? 1 : n === undefined ? -1 : cmpEdgeIds(o, n);
    if (c < 0) {
      out.removeEdges.push(o as IsgEdge);
      i++;
    } else if (c > 0) {
      out.addEdges.push(n as IsgEdge);
      j++;
    } else {
      if ((o as IsgEdge).attr !== (n as IsgEdge).attr) out.addEdges.push(n as IsgEdge);
      i++;
      j++;
    }
  }
  return out;
}

function mapDiff(old: IsgGraph, next: IsgGraph): GraphDiff {
  const oldNodes = new Map(old.nodes.map((n) => [n.key, n]));
  const newKeys = new Set(next.nodes.map((n) => n.key));
  const upsertNodes = next.nodes.filter((n) => {
    const o = oldNodes.get(n.key);
    return !o || !sameNode(o, n);
  });
  const removeNodes = old.nodes.filter((n) => !newKeys.has(n.key)).map((n) => n.key);
  const oldEdges = new Map(old.edges.map((e) => [edgeId(e), e]));
  const newEdges = new Set(next.edges.map(edgeId));
  return {
    upsertNodes,
    removeNodes,
    addEdges: next.edges.filter((e) => oldEdges.get(edgeId(e))?.attr !== e.attr),
    removeEdges: old.edges.filter((e) => !newEdges.has(edgeId(e))),
  };
}

/** Applies a delta to a graph (used by in-memory stores and to check a delta round-trips). */
export function applyDiff(graph: IsgGraph, d: GraphDiff): IsgGraph {
  const nodes = new Map(graph.nodes.map((n) => [n.key, n]));
  for (const k of d.removeNodes) nodes.delete(k);
  for (const n of d.upsertNodes) nodes.set(n.key, n);
  const edges = new Map(graph.edges.map((e) => [edgeId(e), e]));
  for (const e of d.removeEdges) edges.delete(edgeId(e));
  for (const e of d.addEdges) edges.set(edgeId(e), e);
  return { nodes: [...nodes.values()], edges: [...edges.values()] };
}
