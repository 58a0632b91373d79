/** ISG nodes and edges in the JSON shape of the contract (`isg show`, `isg export`, the `context` bundle's node). */
import type { HopNode } from './query.js';
import type { IsgEdge, IsgNode, NodeKind, Rel } from './types.js';

/** A node as `isg show --json` prints it, without its edges (one `isg export` node). */
export interface NodeJson {
  key: string;
  kind: NodeKind;
  name: string;
  file: string;
  span: { start_line: number; end_line: number };
  signature: string;
  public: boolean;
  features: string[];
  crate: string;
  doc: string;
  bounds: string[];
}

/** `isg show --json`: the node and its edges (an `attr` only where the edge has one). */
export interface ShowNodeJson extends NodeJson {
  edges_out: Array<{ rel: Rel; dst: string; attr?: string }>;
  edges_in: Array<{ rel: Rel; src: string; attr?: string }>;
}

/** A node in the contract's JSON shape. */
export function nodeJson(node: IsgNode): NodeJson {
  return {
    key: node.key,
    kind: node.kind,
    name: node.name,
    file: node.file,
    span: { start_line: node.span.startLine, end_line: node.span.endLine },
    signature: node.signature,
    public: node.public,
    features: node.features,
    crate: node.crate,
    doc: node.doc,
    bounds: node.bounds ?? [],
  };
}

/** The attributes of an edge as an object: the bound text of REQUIRES_BOUND, how a CALLS edge was resolved. */
export function edgeAttrs(e: IsgEdge): Record<string, string> {
  if (e.attr === '') return {};
  if (e.rel === 'REQUIRES_BOUND') return { bound: e.attr };
  if (e.rel === 'CALLS') return { resolution: e.attr };
  return { attr: e.attr };
}

/** An edge in the contract's JSON shape (`isg export`). */
export function edgeJson(e: IsgEdge): { src: string; dst: string; rel: Rel; attrs: Record<string, string> } {
  return { src: e.src, dst: e.dst, rel: e.rel, attrs: edgeAttrs(e) };
}

/** `isg two-hop --json`: the seed and the nodes within two hops, nearest first. */
export interface TwoHopJson {
  seed: string;
  nodes: HopNode[];
}
